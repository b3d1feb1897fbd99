package io.ferrum.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its ids before anything else runs, sign-in included, and echoes both: a refused sign-in can be
 * traced as well as a change.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestIds ids = RequestIds.of(request);
        response.setHeader(RequestIds.CLIENT_HEADER, ids.client());
        response.setHeader(RequestIds.SERVER_HEADER, ids.server());
        MDC.put("requestId", ids.client());
        MDC.put("serverRequestId", ids.server());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("serverRequestId");
        }
    }
}
