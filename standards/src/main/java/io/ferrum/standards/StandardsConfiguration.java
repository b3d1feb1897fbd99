package io.ferrum.standards;

import io.ferrum.standards.definition.SiteDefinitionParser;
import io.ferrum.standards.policy.PolicyChecks;
import io.ferrum.standards.spi.StandardRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The standards, checks and parser as Spring beans: built-ins plus whatever teams list in META-INF/services. */
@Configuration(proxyBeanMethods = false)
public class StandardsConfiguration {

    @Bean
    StandardRegistry standardRegistry() {
        return StandardRegistry.discover();
    }

    @Bean
    PolicyChecks policyChecks() {
        return PolicyChecks.discover();
    }

    @Bean
    SiteDefinitionParser siteDefinitionParser() {
        return new SiteDefinitionParser();
    }
}
