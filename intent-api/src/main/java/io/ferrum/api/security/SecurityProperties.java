package io.ferrum.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param adminPassword the first admin's password (FERRUM_ADMIN_PASSWORD); blank means generate and print one */
@ConfigurationProperties("ferrum.security")
public record SecurityProperties(String adminPassword) {
}
