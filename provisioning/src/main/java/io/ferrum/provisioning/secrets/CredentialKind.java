package io.ferrum.provisioning.secrets;

/** What a stored credential opens. {@code snmpv3} carries two secrets: authentication and privacy passphrases. */
public enum CredentialKind {
    SSH_PASSWORD("ssh-password", true),
    SSH_PRIVATE_KEY("ssh-private-key", true),
    SNMP_COMMUNITY("snmp-community", false),
    SNMPV3("snmpv3", true),
    BMC_PASSWORD("bmc-password", true);

    private final String wire;
    private final boolean needsUsername;

    CredentialKind(String wire, boolean needsUsername) {
        this.wire = wire;
        this.needsUsername = needsUsername;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return wire;
    }

    public boolean needsUsername() {
        return needsUsername;
    }

    public static CredentialKind of(String wire) {
        for (CredentialKind kind : values()) {
            if (kind.wire.equals(wire)) {
                return kind;
            }
        }
        throw io.ferrum.model.common.IntentException.invalid("kind", (wire == null ? "required" : "'"
                + (wire.length() > 80 ? wire.substring(0, 80) + "…" : wire) + "' is not a credential kind")
                + "; expected ssh-password, ssh-private-key, snmp-community, snmpv3 or bmc-password");
    }
}
