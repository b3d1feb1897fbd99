package io.ferrum.provisioning.driver.netconf;

import java.util.List;

/** What the server announced in its hello. */
public record Hello(long sessionId, List<String> capabilities) {

    public static final String BASE_1_0 = "urn:ietf:params:netconf:base:1.0";
    public static final String BASE_1_1 = "urn:ietf:params:netconf:base:1.1";
    public static final String CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0";
    public static final String CONFIRMED_COMMIT = "urn:ietf:params:netconf:capability:confirmed-commit:1.";

    public Hello {
        capabilities = List.copyOf(capabilities);
    }

    /** True when a capability URI starts with {@code prefix}; capabilities carry version and query suffixes. */
    public boolean supports(String prefix) {
        return capabilities.stream().anyMatch(c -> c.startsWith(prefix));
    }
}
