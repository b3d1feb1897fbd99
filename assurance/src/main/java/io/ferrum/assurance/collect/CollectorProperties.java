package io.ferrum.assurance.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrum.assurance.collector.*}: what the collector polls, how often and how hard.
 *
 * @param enabled            false: no polling, no trap receiver (CLI one-shot commands, most tests)
 * @param sites              the site codes this collector polls; empty (the default) polls every site
 * @param interval           how often each device is polled unless a site or role says otherwise
 * @param siteIntervals      per site code, e.g. {@code ams1: 30s}
 * @param roleIntervals      per device role, e.g. {@code border: 15s}; where a site and a role interval both
 *                           apply, the shorter one wins
 * @param maxConcurrentPolls devices polled at once across all sites (the pool's size)
 * @param connectTimeout     SSH connect and login deadline
 * @param readTimeout        SNMP per-request deadline (each request is tried {@code snmpRetries + 1} times)
 * @param commandTimeout     deadline for one SSH command and for one whole SNMP table walk
 * @param snmpRetries        SNMP resends per request
 * @param snmpCommunity      SNMP v2c community the devices answer to
 * @param sshUser            the devices' SSH user
 * @param sshPrivateKey      key the collector logs in with; unset, the application may lend the pipelines' key,
 *                           and without any key the SSH part (firmware, running config) is not collected
 * @param snapshotRetention  observed snapshots last seen longer ago than this are deleted (each device's latest
 *                           stays)
 * @param trapDebounce       a trap re-polls its device this long after it arrives; more traps within it join
 *                           that one poll
 * @param traps              the SNMP trap receiver
 */
@ConfigurationProperties("ferrum.assurance.collector")
public record CollectorProperties(Boolean enabled, java.util.List<String> sites, Duration interval, Map<String, Duration> siteIntervals,
                                  Map<String, Duration> roleIntervals, Integer maxConcurrentPolls,
                                  Duration connectTimeout, Duration readTimeout, Duration commandTimeout,
                                  Integer snmpRetries, String snmpCommunity, String sshUser, Path sshPrivateKey,
                                  Duration snapshotRetention, Duration trapDebounce, Traps traps) {

    public CollectorProperties {
        enabled = enabled == null || enabled;
        sites = sites == null ? java.util.List.of() : java.util.List.copyOf(sites);
        interval = interval == null ? Duration.ofSeconds(60) : interval;
        siteIntervals = siteIntervals == null ? Map.of() : Map.copyOf(siteIntervals);
        roleIntervals = roleIntervals == null ? Map.of() : Map.copyOf(roleIntervals);
        maxConcurrentPolls = maxConcurrentPolls == null ? 32 : maxConcurrentPolls;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(20) : commandTimeout;
        snmpRetries = snmpRetries == null ? 1 : snmpRetries;
        snmpCommunity = snmpCommunity == null ? "public" : snmpCommunity;
        sshUser = sshUser == null ? "root" : sshUser;
        snapshotRetention = snapshotRetention == null ? Duration.ofDays(30) : snapshotRetention;
        trapDebounce = trapDebounce == null ? Duration.ofSeconds(1) : trapDebounce;
        traps = traps == null ? new Traps(null, null, null, null, null) : traps;
        if (maxConcurrentPolls < 1) {
            throw new IllegalArgumentException("ferrum.assurance.collector.max-concurrent-polls must be at least 1");
        }
        requirePositive("interval", interval);
        siteIntervals.forEach((site, d) -> requirePositive("site-intervals." + site, d));
        roleIntervals.forEach((role, d) -> requirePositive("role-intervals." + role, d));
    }

    /**
     * {@code ferrum.assurance.collector.traps.*}: the SNMP trap receiver. It binds {@code host:port} (by default the
     * lab host's address, which exists only while the lab is up, so outside the lab nothing listens) and retries
     * the bind every {@code rebind} until the address exists.
     *
     * @param enabled   false: no receiver; polls run on the schedule only
     * @param community the v2c community traps must carry
     */
    public record Traps(Boolean enabled, String host, Integer port, String community, Duration rebind) {

        public static final String LAB_HOST = "198.19.255.254";
        public static final int DEFAULT_PORT = 10162;

        public Traps {
            enabled = enabled == null || enabled;
            host = host == null ? LAB_HOST : host;
            port = port == null ? DEFAULT_PORT : port;
            community = community == null ? "public" : community;
            rebind = rebind == null ? Duration.ofSeconds(10) : rebind;
        }
    }

    /** Whether this collector polls the site. */
    public boolean polls(String site) {
        return sites.isEmpty() || sites.contains(site);
    }

    /** The interval for a device: the shorter of its site's and its role's, else the default. */
    public Duration intervalFor(String site, String role) {
        Duration bySite = siteIntervals.get(site);
        Duration byRole = roleIntervals.get(role);
        if (bySite != null && byRole != null) {
            return bySite.compareTo(byRole) <= 0 ? bySite : byRole;
        }
        return bySite != null ? bySite : byRole != null ? byRole : interval;
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("ferrum.assurance.collector." + name + " must be a positive duration");
        }
    }
}
