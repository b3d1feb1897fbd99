package io.ferrum.api.security;

import io.ferrum.api.web.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Answers 401 and 403 as RFC 9457 problems, like every other error of the API. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ProblemSecurityHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseUnavailable.causedBy(e)) {
            unavailable(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"ferrum\"");
        // A disabled account is refused before its password is even checked: saying "disabled" would tell anyone
        // which accounts exist, so it reads like any wrong password.
        String reason = e instanceof AccountStatusException ? "Bad credentials" : e.getMessage();
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Sign in with HTTP Basic or an API token (Authorization: Bearer ...): " + reason, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        String who = auth == null ? "you" : auth.getName();
        write(response, HttpStatus.FORBIDDEN, "Forbidden",
                who + " may not " + request.getMethod() + " " + request.getRequestURI() + " with their roles", request);
    }

    /** The user store cannot be reached: 503, not 401 (the credentials were never checked). */
    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        write(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", DatabaseUnavailable.DETAIL, request);
    }

    /** Too many failed sign-ins lately: 429 with how long to wait. */
    void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                "too many failed sign-ins for this account or address; try again in " + retryAfterSeconds + " s",
                request);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                       HttpServletRequest request) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
