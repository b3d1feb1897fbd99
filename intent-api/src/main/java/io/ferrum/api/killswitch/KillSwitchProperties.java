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
 * @param venues             venue-side kill calls by exchange code, made in parallel with the port shutdown
 * @param drillScopes        scopes a drill may engage and release, as {@code exchange XTST} or {@code group lab}
 */
@ConfigurationProperties("ferrum.kill-switch")
public record KillSwitchProperties(Path directory, Duration verifyTimeout, Duration verifyEvery, Integer releaseBatch,
                                   Duration releasePace, String snmpCommunity, String snmpWriteCommunity,
                                   Duration maintainEvery, Duration warmEvery,
                                   java.util.Map<String, Venue> venues, java.util.List<String> drillScopes) {

    /** One exchange's kill call: an HTTP endpoint ({@code url}, POSTed JSON) or a {@code command}; not both. */
    public record Venue(java.net.URI url, java.util.List<String> command, Duration timeout) {
        public Venue {
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            if ((url == null) == (command == null || command.isEmpty())) {
                throw new IllegalArgumentException("a venue kill needs either url or command");
            }
        }
    }

    public KillSwitchProperties {
        verifyTimeout = verifyTimeout == null ? Duration.ofSeconds(5) : verifyTimeout;
        verifyEvery = verifyEvery == null ? Duration.ofMillis(25) : verifyEvery;
        releaseBatch = releaseBatch == null ? 10 : releaseBatch;
        releasePace = releasePace == null ? Duration.ofMillis(500) : releasePace;
        snmpCommunity = snmpCommunity == null ? "public" : snmpCommunity;
        maintainEvery = maintainEvery == null ? Duration.ofSeconds(2) : maintainEvery;
        warmEvery = warmEvery == null ? Duration.ofSeconds(30) : warmEvery;
        venues = venues == null ? java.util.Map.of() : java.util.Map.copyOf(venues);
        drillScopes = drillScopes == null ? java.util.List.of() : java.util.List.copyOf(drillScopes);
    }
}
