package io.ferrum.provisioning.driver.snmp;

import java.time.Instant;
import java.util.Map;

/** A received SNMPv2c trap or inform; {@code values} maps OID to printed value, in arrival order. */
public record Trap(String source, String community, String trapOid, Map<String, String> values, Instant received) {
}
