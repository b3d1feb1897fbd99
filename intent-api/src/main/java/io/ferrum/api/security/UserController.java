package io.ferrum.api.security;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins create users; every user can mint API tokens for themselves. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    record UserDraft(String username, String password, List<Role> roles) {
    }

    record UserView(long id, String username, List<Role> roles) {
    }

    record TokenRequest(String name, Instant expiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserDraft draft) {
        AppUser user = users.create(draft.username(), draft.password(), draft.roles());
        return new UserView(user.getId(), user.getUsername(), user.roles());
    }

    /** The token's secret is in this answer and nowhere else. */
    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    UserService.IssuedToken issueToken(Principal principal, @RequestBody TokenRequest request) {
        return users.issueToken(principal.getName(), request.name(), request.expiresAt());
    }
}
