package io.ferrum.api.webhooks;

import io.ferrum.assurance.notify.webhook.WebhookDeliveries;
import io.ferrum.assurance.notify.webhook.WebhookOutbox;
import io.ferrum.assurance.notify.webhook.WebhookProperties;
import io.ferrum.assurance.notify.webhook.WebhookSender;
import io.ferrum.assurance.notify.webhook.Webhooks;
import io.ferrum.model.secrets.SecretCipher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drift-event webhooks: the store (secrets sealed with the node's key) and the outbox are everywhere drift can
 * change; only a server sends.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    Webhooks webhooks(JdbcTemplate jdbc, SecretCipher cipher) {
        return new Webhooks(jdbc, cipher);
    }

    @Bean
    WebhookDeliveries webhookDeliveries(JdbcTemplate jdbc) {
        return new WebhookDeliveries(jdbc);
    }

    @Bean
    WebhookOutbox webhookOutbox(JdbcTemplate jdbc, Webhooks webhooks) {
        return new WebhookOutbox(jdbc, webhooks);
    }

    @Bean
    @ConditionalOnWebApplication
    WebhookSender webhookSender(WebhookProperties properties, WebhookDeliveries deliveries, Webhooks webhooks) {
        return new WebhookSender(properties, deliveries, webhooks);
    }
}
