package io.ferrum.provisioning.secrets;

import java.time.Instant;

/**
 * A stored credential as anyone may see it: what it is for, never its secret.
 *
 * @param keyId the key that sealed its secret (a node with another key cannot use it)
 */
public record Credential(String name, CredentialKind kind, String username, CredentialScope scope, String keyId,
                         String updatedBy, Instant updatedAt) {
}
