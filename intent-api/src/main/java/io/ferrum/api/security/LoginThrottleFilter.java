package io.ferrum.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards sign-in: a request with credentials from an account or address that failed too often lately is answered
 * 429 with Retry-After, before its password is even checked; every failed sign-in is logged with the user and the
 * client address (never the password).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;
    private final ProblemSecurityHandlers problems;

    LoginThrottleFilter(LoginThrottle throttle, ProblemSecurityHandlers problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String username = basicUsername(header);
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.wait(username, address, Instant.now());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            log.warn("Sign-in refused for user {} from {}: too many failed attempts, retry in {} s",
                    username == null ? "(token)" : username, address, seconds);
            problems.tooManyAttempts(request, response, seconds);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(username, address, Instant.now());
            log.warn("Failed sign-in for user {} from {}", username == null ? "(token)" : username, address);
        } else if (response.getStatus() < 400) {
            throttle.succeeded(username);
        }
    }

    /** The user name of HTTP Basic credentials, or null for a token or an unreadable header. */
    private static String basicUsername(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String name = colon < 0 ? decoded : decoded.substring(0, colon);
            return name.length() > 64 ? name.substring(0, 64) : name;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
