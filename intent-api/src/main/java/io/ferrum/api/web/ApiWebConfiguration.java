package io.ferrum.api.web;

import io.ferrum.model.common.TextLimits;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.JacksonModule;

/** What the API accepts: body sizes, text lengths (read and documented from {@link TextLimits}), bulk sizes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiLimits.class)
class ApiWebConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ApiLimits limits) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    JacksonModule boundedText() {
        return BoundedText.module();
    }

    /** Every string property of the OpenAPI schema carries the {@code maxLength} that reading enforces. */
    @Bean
    PropertyCustomizer textLimitsInOpenApi() {
        return (property, type) -> {
            if ("string".equals(property.getType()) || property instanceof StringSchema
                    || (property.getTypes() != null && property.getTypes().contains("string"))) {
                if (property.getMaxLength() == null && property.getFormat() == null && property.getEnum() == null) {
                    property.setMaxLength(TextLimits.forField(type.getPropertyName()));
                }
            }
            return property;
        };
    }
}
