package io.ferrum.api.secrets;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.secrets.Credential;
import io.ferrum.provisioning.secrets.CredentialScope;
import io.ferrum.provisioning.secrets.CredentialStore;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Device credentials, write-only: a secret goes in with PUT and never comes out of the API again (answers show
 * what a credential is for, who set it and when, and which key sealed it).
 */
@RestController
@RequestMapping("/api/v1/credentials")
class CredentialController {

    private final CredentialStore store;

    CredentialController(CredentialStore store) {
        this.store = store;
    }

    /** A credential as a client sends it; {@code secondSecret} is SNMPv3's privacy passphrase. */
    record CredentialRequest(String kind, String username, String secret, String secondSecret, CredentialScope scope) {
        @Override
        public String toString() {
            return "CredentialRequest[kind=" + kind + ", username=" + username + ", scope=" + scope + "]";
        }
    }

    @GetMapping
    List<Credential> list() {
        return store.list();
    }

    @GetMapping("/{name}")
    Credential get(@PathVariable String name) {
        return store.find(name).orElseThrow(() -> IntentException.notFound("name", "no credential named " + name));
    }

    @PutMapping("/{name}")
    Credential put(@PathVariable String name, @RequestBody CredentialRequest request, Principal principal) {
        if (request == null) {
            throw IntentException.invalid("body", "expected {kind, username, secret, scope}");
        }
        return store.put(name, new CredentialStore.Put(request.kind(), request.username(), request.secret(),
                request.secondSecret(), request.scope()), principal.getName());
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name, Principal principal) {
        if (!store.delete(name, principal.getName())) {
            throw IntentException.notFound("name", "no credential named " + name);
        }
    }
}
