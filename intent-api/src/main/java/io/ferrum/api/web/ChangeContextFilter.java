package io.ferrum.api.web;

import io.ferrum.model.changelog.ChangeContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the authenticated user the actor of any change the request makes, under the request's ids (the client's and
 * the server's, see {@link RequestIds}), so the change log names the real person and the very request.
 */
public class ChangeContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestIds ids = RequestIds.of(request);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
        try (var scope = ChangeContext.open(actor, ids.client(), ids.server())) {
            chain.doFilter(request, response);
        }
    }
}
