package io.ferrum.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword  the first admin's password (FERRUM_ADMIN_PASSWORD); blank means generate and print one
 * @param bcryptStrength bcrypt's cost for new password hashes (4-31, default 10); each step doubles the work of every
 *                       HTTP Basic request and of an attacker's guess alike. Tests lower it; production keeps 10+
 */
@ConfigurationProperties("ferrum.security")
public record SecurityProperties(String adminPassword, Integer bcryptStrength) {

    public SecurityProperties {
        bcryptStrength = bcryptStrength == null ? 10 : bcryptStrength;
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("ferrum.security.bcrypt-strength must be 4 to 31, not " + bcryptStrength);
        }
    }
}
