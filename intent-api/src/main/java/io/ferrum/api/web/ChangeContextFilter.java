package io.ferrum.api.web;

import io.ferrum.model.changelog.ChangeContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tags every request with an id (the caller's {@code X-Request-Id} or a new one, echoed back) and makes the
 * authenticated user the actor of any change it makes, so the change log names the real person.
 */
public class ChangeContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader("X-Request-Id");
        if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
            requestId = UUID.randomUUID().toString();
        }
        response.setHeader("X-Request-Id", requestId);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
        MDC.put("requestId", requestId);
        try (var scope = ChangeContext.open(actor, requestId)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }
}
