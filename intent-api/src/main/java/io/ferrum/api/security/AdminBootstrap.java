package io.ferrum.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates user {@code admin} on first start; a generated password is printed once and never again. */
@Component
@Order(0)
@ConditionalOnWebApplication
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final SecurityProperties properties;

    AdminBootstrap(UserService users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.ensureAdmin(properties.adminPassword()).ifPresent(password -> {
            String line = "Created user 'admin' with generated password: " + password
                    + "  (shown once; set FERRUM_ADMIN_PASSWORD to choose it)";
            System.out.println(line);
            log.info("Created user 'admin' with a generated password (printed on standard output)");
        });
    }
}
