package io.ferrum.api.baremetal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrum.baremetal.*}: how servers reach Ferrum when they network-boot, what the deploy agent writes, and how
 * long each wait of a deploy may take.
 *
 * @param bootUrl         the base URL servers on the provisioning network reach this node at (DHCP's boot file
 *                        points there, and the agent calls back there); default: the URL the request came to
 * @param agentDir        the deploy agent's kernel ({@code vmlinuz}) and initramfs ({@code initrd.img}); default
 *                        FERRUM_HOME/boot/agent (build them with deploy/lab/baremetal/build-agent)
 * @param disk            the disk the agent writes the image to (default {@code /dev/vda})
 * @param callbackTimeout network boot, agent up, image streamed and verified (default 30 min)
 * @param verifyTimeout   reboot into the installed OS until it reports (default 15 min)
 * @param poll            how often a deploy worker looks at its server (default 1 s)
 * @param bmcPort         the BMCs' IPMI-over-LAN port (default 623)
 * @param bmcTimeout      one BMC session: connect, command and retries (default 10 s)
 * @param ipmitool        the ipmitool binary (default: found on PATH)
 * @param bmcCipherSuite  the RMCP+ cipher suite asked for (default 3, HMAC-SHA1 and AES-128, which every IPMI 2.0
 *                        BMC has; 17 for SHA-256 where the BMCs offer it; 0 lets ipmitool discover, which BMCs that
 *                        do not list their suites answer only after a timeout)
 */
@ConfigurationProperties("ferrum.baremetal")
public record BareMetalProperties(String bootUrl, Path agentDir, String disk, Duration callbackTimeout,
                                  Duration verifyTimeout, Duration poll, Integer bmcPort, Duration bmcTimeout,
                                  Path ipmitool, Integer bmcCipherSuite) {

    public BareMetalProperties {
        bootUrl = bootUrl == null || bootUrl.isBlank() ? null : bootUrl.replaceAll("/+$", "");
        disk = disk == null ? "/dev/vda" : disk;
        callbackTimeout = callbackTimeout == null ? Duration.ofMinutes(30) : callbackTimeout;
        verifyTimeout = verifyTimeout == null ? Duration.ofMinutes(15) : verifyTimeout;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        bmcPort = bmcPort == null ? 623 : bmcPort;
        bmcTimeout = bmcTimeout == null ? Duration.ofSeconds(10) : bmcTimeout;
        bmcCipherSuite = bmcCipherSuite == null ? 3 : bmcCipherSuite;
    }
}
