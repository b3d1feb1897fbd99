package io.ferrum.provisioning.secrets;

/**
 * A credential with its secret opened, for a driver to log in with. Never serialised, never logged: its
 * {@code toString} leaves the secrets out.
 *
 * @param secret       the password, private key (PEM), community or SNMPv3 authentication passphrase
 * @param secondSecret the SNMPv3 privacy passphrase; null for other kinds
 */
public record OpenedCredential(String name, CredentialKind kind, String username, String secret, String secondSecret) {

    @Override
    public String toString() {
        return "OpenedCredential[name=" + name + ", kind=" + kind.wire() + ", username=" + username + "]";
    }
}
