package io.ferrum.api.pipelines;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrum.pipelines.*}: how pipeline runs reach devices and how many run at once.
 *
 * @param enabled           false keeps the scheduler off (CLI one-shot commands)
 * @param sshUser           the devices' SSH user
 * @param sshPrivateKey     the private key file runs log in with (until device credentials live in the secret
 *                          store); unset, every device fails with AUTH_FAILED saying so
 * @param knownHosts        file pinning each device's SSH host key on first contact; unset, pins last as long as
 *                          the process
 * @param globalConcurrency devices worked on at once across all runs on this node
 * @param schedulerThreads  runs executed at once on this node
 * @param clusterCheckin    how often this node tells the other nodes it is alive (a silent node's runs move)
 * @param connectTimeout    SSH connect deadline per device
 * @param commandTimeout    deadline per device command
 * @param maxAttempts       tries of a retryable failure (unreachable, timeout) before a device is failed
 * @param firstBackoff      wait before the first retry; doubled after each
 * @param confirmTimeout    NETCONF confirmed-commit window: a push not confirmed within it rolls back on the device
 */
@ConfigurationProperties("ferrum.pipelines")
public record PipelineProperties(Boolean enabled, String sshUser, Path sshPrivateKey, Path knownHosts,
                                 Integer globalConcurrency, Integer schedulerThreads, Duration clusterCheckin,
                                 Duration connectTimeout, Duration commandTimeout, Integer maxAttempts,
                                 Duration firstBackoff, Duration confirmTimeout) {

    public PipelineProperties {
        enabled = enabled == null || enabled;
        sshUser = sshUser == null ? "root" : sshUser;
        globalConcurrency = globalConcurrency == null ? 50 : globalConcurrency;
        schedulerThreads = schedulerThreads == null ? 4 : schedulerThreads;
        clusterCheckin = clusterCheckin == null ? Duration.ofSeconds(5) : clusterCheckin;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(60) : commandTimeout;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(1) : firstBackoff;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(60) : confirmTimeout;
    }
}
