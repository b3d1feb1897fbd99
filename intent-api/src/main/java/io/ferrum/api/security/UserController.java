package io.ferrum.api.security;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins create users; every user can read who they are and mint API tokens for themselves. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;
    private final RoleHierarchy hierarchy;

    UserController(UserService users, RoleHierarchy hierarchy) {
        this.users = users;
        this.hierarchy = hierarchy;
    }

    record UserDraft(String username, String password, List<Role> roles) {
    }

    record UserView(long id, String username, List<Role> roles) {
    }

    /**
     * The signed-in user: {@code roles} as granted, {@code effectiveRoles} with every role they imply (an admin is
     * also a network engineer), so a client such as the console shows only the actions the user may take.
     */
    record Me(String username, List<Role> roles, List<Role> effectiveRoles) {
    }

    record TokenRequest(String name, Instant expiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserDraft draft) {
        AppUser user = users.create(draft.username(), draft.password(), draft.roles());
        return new UserView(user.getId(), user.getUsername(), user.roles());
    }

    @GetMapping("/me")
    Me me(Authentication authentication) {
        return new Me(authentication.getName(), roles(authentication.getAuthorities()),
                roles(hierarchy.getReachableGrantedAuthorities(authentication.getAuthorities())));
    }

    private static List<Role> roles(java.util.Collection<? extends GrantedAuthority> authorities) {
        List<String> granted = authorities.stream().map(GrantedAuthority::getAuthority).toList();
        return Arrays.stream(Role.values()).filter(role -> granted.contains(role.authority())).toList();
    }

    /** The token's secret is in this answer and nowhere else. */
    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    UserService.IssuedToken issueToken(Principal principal, @RequestBody TokenRequest request) {
        return users.issueToken(principal.getName(), request.name(), request.expiresAt());
    }
}
