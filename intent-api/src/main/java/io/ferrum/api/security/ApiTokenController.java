package io.ferrum.api.security;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every user mints, lists and revokes their own API tokens under {@code /me/tokens}; admins list and revoke anyone's
 * under {@code /{username}/tokens}. A token's secret is shown once, when it is minted.
 */
@RestController
@RequestMapping("/api/v1/users")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(String name, Instant expiresAt) {
    }

    /** A token without its secret, which is stored only as a hash. */
    record TokenView(long id, String name, Instant createdAt, Instant expiresAt, boolean expired) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.getId(), token.getName(), token.getCreatedAt(), token.getExpiresAt(),
                    token.expired(Instant.now()));
        }
    }

    /** The token's secret is in this answer and nowhere else. */
    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenService.IssuedToken issue(Principal principal, @RequestBody TokenRequest request) {
        return tokens.issue(principal.getName(), request.name(), request.expiresAt());
    }

    @GetMapping("/me/tokens")
    List<TokenView> mine(Principal principal) {
        return list(principal.getName());
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeMine(Principal principal, @PathVariable long id) {
        tokens.revoke(principal.getName(), id);
    }

    @GetMapping("/{username}/tokens")
    List<TokenView> ofUser(@PathVariable String username) {
        return list(username);
    }

    @DeleteMapping("/{username}/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String username, @PathVariable long id) {
        tokens.revoke(username, id);
    }

    private List<TokenView> list(String username) {
        return tokens.of(username).stream().map(TokenView::of).toList();
    }
}
