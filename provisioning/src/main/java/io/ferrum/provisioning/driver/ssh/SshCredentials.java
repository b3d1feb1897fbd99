package io.ferrum.provisioning.driver.ssh;

import java.nio.file.Path;
import java.util.Objects;

/** How we prove who we are to a device. */
public sealed interface SshCredentials {

    String username();

    record Password(String username, String password) implements SshCredentials {
        public Password {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[username=" + username + "]";
        }
    }

    /** An OpenSSH/PKCS8 private key file; {@code passphrase} may be null for unencrypted keys. */
    record PrivateKey(String username, Path keyFile, String passphrase) implements SshCredentials {
        public PrivateKey {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(keyFile, "keyFile");
        }

        @Override
        public String toString() {
            return "PrivateKey[username=" + username + ", keyFile=" + keyFile + "]";
        }
    }

    /** A private key held in memory (PEM / OpenSSH text, unencrypted), e.g. opened from the credential store. */
    record KeyText(String username, String privateKey) implements SshCredentials {
        public KeyText {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        @Override
        public String toString() {
            return "KeyText[username=" + username + "]";
        }
    }
}
