package io.ferrum.api.killswitch;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrum.kill-switch.*}.
 *
 * @param directory          where the kill plan and the journal live (default FERRUM_HOME/kill-switch)
 * @param verifyTimeout      how long a link may take to read oper-down (or up) before it is {@code -unverified}
 * @param verifyEvery        how often links are read meanwhile
 * @param releaseBatch       links brought back up per stage of a release
 * @param releasePace        pause between release stages (venues close ports after reconnect storms)
 * @param snmpCommunity      read community for verifying links
 * @param snmpWriteCommunity write community for the second channel (SNMP SET ifAdminStatus); unset: no second channel
 * @param maintainEvery      how often the node copies its journal into PostgreSQL, marks intent, retries failed links
 * @param warmEvery          how often the standing sessions to the border devices are checked (and reopened)
 */
@ConfigurationProperties("ferrum.kill-switch")
public record KillSwitchProperties(Path directory, Duration verifyTimeout, Duration verifyEvery, Integer releaseBatch,
                                   Duration releasePace, String snmpCommunity, String snmpWriteCommunity,
                                   Duration maintainEvery, Duration warmEvery) {

    public KillSwitchProperties {
        verifyTimeout = verifyTimeout == null ? Duration.ofSeconds(5) : verifyTimeout;
        verifyEvery = verifyEvery == null ? Duration.ofMillis(25) : verifyEvery;
        releaseBatch = releaseBatch == null ? 10 : releaseBatch;
        releasePace = releasePace == null ? Duration.ofMillis(500) : releasePace;
        snmpCommunity = snmpCommunity == null ? "public" : snmpCommunity;
        maintainEvery = maintainEvery == null ? Duration.ofSeconds(2) : maintainEvery;
        warmEvery = warmEvery == null ? Duration.ofSeconds(30) : warmEvery;
    }
}
