package io.ferrum.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins create users, change their roles, disable and enable them and reset passwords; everyone reads themselves
 * and changes their own password. {@code /me} paths are open to any signed-in user, the others to admins.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;
    private final LoginThrottle throttle;
    private final org.springframework.security.access.hierarchicalroles.RoleHierarchy hierarchy;

    UserController(UserService users, LoginThrottle throttle,
                   org.springframework.security.access.hierarchicalroles.RoleHierarchy hierarchy) {
        this.users = users;
        this.throttle = throttle;
        this.hierarchy = hierarchy;
    }

    record UserDraft(String username, String password, List<Role> roles) {
    }

    record UserView(long id, String username, List<Role> roles, boolean enabled, Instant passwordChangedAt) {
        static UserView of(AppUser user) {
            return new UserView(user.getId(), user.getUsername(), user.roles(), user.isEnabled(),
                    user.getPasswordChangedAt());
        }
    }

    record RolesChange(List<Role> roles) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record PasswordReset(String newPassword) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserDraft draft) {
        return UserView.of(users.create(draft.username(), draft.password(), draft.roles()));
    }

    @GetMapping
    List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    /**
     * The signed-in user as {@link UserView} shows them, plus {@code effectiveRoles}: every role they imply (an admin
     * is also a network engineer), so a client such as the console shows only the actions the user may take.
     */
    record Me(long id, String username, List<Role> roles, List<Role> effectiveRoles, boolean enabled,
              Instant passwordChangedAt) {
    }

    @GetMapping("/me")
    Me me(org.springframework.security.core.Authentication authentication) {
        AppUser user = users.get(authentication.getName());
        List<String> reachable = hierarchy.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .map(org.springframework.security.core.GrantedAuthority::getAuthority).toList();
        return new Me(user.getId(), user.getUsername(), user.roles(), java.util.Arrays.stream(Role.values())
                .filter(role -> reachable.contains(role.authority())).toList(), user.isEnabled(),
                user.getPasswordChangedAt());
    }

    @GetMapping("/{username}")
    UserView get(@PathVariable String username) {
        return UserView.of(users.get(username));
    }

    @PutMapping("/{username}/roles")
    UserView changeRoles(@PathVariable String username, @RequestBody RolesChange change) {
        return UserView.of(users.changeRoles(username, change.roles()));
    }

    @PostMapping("/{username}/disable")
    UserView disable(@PathVariable String username) {
        return UserView.of(users.setEnabled(username, false));
    }

    @PostMapping("/{username}/enable")
    UserView enable(@PathVariable String username) {
        return UserView.of(users.setEnabled(username, true));
    }

    /**
     * A wrong current password counts as a failed sign-in of the account, so a stolen token cannot be used to guess
     * the password behind it any faster than signing in would.
     */
    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Principal principal, @RequestBody PasswordChange change, HttpServletRequest request) {
        String username = principal.getName();
        String address = request.getRemoteAddr();
        throttle.wait(username, address, Instant.now()).ifPresent(wait -> {
            throw tooManyAttempts(Math.max(1, (wait.toMillis() + 999) / 1000));
        });
        try {
            users.changePassword(username, change.currentPassword(), change.newPassword());
        } catch (UserService.WrongPassword e) {
            throttle.failed(username, address, Instant.now());
            throw e;
        }
    }

    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @RequestBody PasswordReset reset) {
        users.resetPassword(username, reset.newPassword());
    }

    private static ErrorResponseException tooManyAttempts(long seconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "too many failed sign-ins for this account or address; try again in " + seconds + " s");
        problem.setTitle("Too many failed sign-ins");
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refused.getHeaders().set("Retry-After", String.valueOf(seconds));
        return refused;
    }
}
