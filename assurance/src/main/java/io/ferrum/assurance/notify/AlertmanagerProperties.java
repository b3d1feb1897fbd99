package io.ferrum.assurance.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrum.assurance.alertmanager.*}: where drift alerts go.
 *
 * @param urls        Alertmanager base URLs (every one gets every alert, as Prometheus does for an HA pair); none: off
 * @param resendEvery how often open drift is sent again (Alertmanager resolves an alert not re-sent within its
 *                    {@code resolve_timeout}, 5 minutes by default)
 * @param timeout     per request
 */
@ConfigurationProperties("ferrum.assurance.alertmanager")
public record AlertmanagerProperties(List<URI> urls, Duration resendEvery, Duration timeout) {

    public AlertmanagerProperties {
        urls = urls == null ? List.of() : List.copyOf(urls);
        resendEvery = resendEvery == null ? Duration.ofMinutes(1) : resendEvery;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
