package io.ferrum.provisioning.driver.snmp;

import java.util.Objects;

/** SNMP v2c community or SNMPv3 USM user with authentication and privacy (authPriv). */
public sealed interface SnmpCredentials {

    record Community(String community) implements SnmpCredentials {
        public Community {
            Objects.requireNonNull(community, "community");
        }

        @Override
        public String toString() {
            return "Community[***]";
        }
    }

    enum AuthProtocol { SHA1, SHA256 }

    enum PrivProtocol { AES128 }

    record UsmUser(String user, AuthProtocol auth, String authPassphrase, PrivProtocol priv, String privPassphrase)
            implements SnmpCredentials {
        public UsmUser {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(priv, "priv");
            // RFC 3414 key localisation needs at least 8 characters; fail here rather than as a silent timeout.
            if (authPassphrase == null || authPassphrase.length() < 8 || privPassphrase == null || privPassphrase.length() < 8) {
                throw new IllegalArgumentException("SNMPv3 passphrases must be at least 8 characters");
            }
        }

        @Override
        public String toString() {
            return "UsmUser[user=" + user + ", auth=" + auth + ", priv=" + priv + "]";
        }
    }
}
