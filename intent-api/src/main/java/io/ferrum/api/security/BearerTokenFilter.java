package io.ferrum.api.security;

import io.ferrum.api.web.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer fer_…} API tokens, against the database on every request. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final LocalCliAccess localCli;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ApiTokenService tokens, LocalCliAccess localCli, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.localCli = localCli;
        this.entryPoint = entryPoint;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the bare-metal deploy agent's bearer is its one-time deploy token, not an API token (BootController)
        return request.getRequestURI().startsWith("/api/v1/agent/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = header.substring(7).trim();
        if (localCli.accepts(presented)) {
            signIn(LocalCliAccess.CLI_ACTOR, LocalCliAccess.ROLES);
            chain.doFilter(request, response);
            return;
        }
        java.util.Optional<ApiTokenService.Bearer> user;
        try {
            user = tokens.byToken(presented);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e) && entryPoint instanceof ProblemSecurityHandlers problems) {
                problems.unavailable(request, response);
                return;
            }
            throw e;
        }
        if (user.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("the API token is unknown, expired or revoked"));
            return;
        }
        signIn(user.get().username(), user.get().roles());
        chain.doFilter(request, response);
    }

    private static void signIn(String name, java.util.List<Role> roles) {
        var authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
    }
}
