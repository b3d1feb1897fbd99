package io.ferrum.api.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import io.ferrum.api.web.ChangeContextFilter;

/**
 * Who may do what. Reads need viewer; writes need the role whose job they serve: data-center engineers edit the
 * physical model, network engineers also IP space, exchanges and plans; operators act on running systems; admins
 * manage users. Health and API docs are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, LoginThrottleProperties.class})
public class SecurityConfiguration {

    static final String[] DCIM = {"/api/v1/sites/**", "/api/v1/locations/**", "/api/v1/racks/**",
        "/api/v1/device-types/**", "/api/v1/platforms/**", "/api/v1/devices/**", "/api/v1/ports/**",
        "/api/v1/cables/**"};
    /** Acting on running systems: drift events (acknowledge, accept), the exchange kill switch. */
    static final String[] OPERATIONS = {"/api/v1/drift-events/**", "/api/v1/kill-switch/**",
        "/api/v1/webhook-deliveries/**"};
    /** Webhook URLs can carry a receiver's token (chat webhooks do): operators read them, not every viewer. */
    static final String[] WEBHOOKS = {"/api/v1/webhooks/**", "/api/v1/webhook-deliveries/**"};
    /**
     * Firmware and device credentials are the network engineers' (a wrong image takes a device down), even where
     * they sit under DCIM paths.
     */
    static final String[] FIRMWARE = {"/api/v1/firmware-images/**", "/api/v1/firmware-quarantine/**",
        "/api/v1/os-images/**", "/api/v1/servers/**",
        "/api/v1/credentials/**",
        "/api/v1/platforms/*/desired-firmware", "/api/v1/devices/*/desired-firmware"};
    static final String[] NETWORK = {"/api/v1/vrfs/**", "/api/v1/prefixes/**", "/api/v1/ip-addresses/**",
        "/api/v1/vlans/**", "/api/v1/asn-pools/**", "/api/v1/exchanges/**", "/api/v1/exchange-connections/**",
        "/api/v1/plans/**", "/api/v1/pipeline-runs/**",
        "/api/v1/pipeline-schedules/**", "/api/v1/closed-loop/**"};

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, LocalCliAccess localCli,
                            ProblemSecurityHandlers problems, LoginThrottle throttle) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, localCli, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new ChangeContextFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/error").permitAll()
                        // Network-booting servers have no login: the agent's one-time token (checked by the
                        // handlers) or the MAC of a server awaiting its report ties each call to a deploy.
                        .requestMatchers("/boot/**", "/api/v1/agent/**").permitAll()
                        .requestMatchers("/api/v1/users/me", "/api/v1/users/me/**").authenticated()
                        .requestMatchers("/api/v1/users/**").hasRole("admin")
                        // Rendered configs are the network's blueprint: network engineers read them, viewers do not.
                        .requestMatchers(HttpMethod.GET, "/api/v1/devices/*/config").hasRole("network-engineer")
                        // Even without secrets, who logs in where is not for every viewer.
                        .requestMatchers(HttpMethod.GET, "/api/v1/credentials/**").hasRole("network-engineer")
                        .requestMatchers(HttpMethod.GET, WEBHOOKS).hasRole("operator")
                        .requestMatchers(HttpMethod.GET, "/api/**", "/", "/console/**").hasRole("viewer")
                        // Prometheus scrapes with a viewer's token (bearer_token_file) or Basic credentials
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole("viewer")
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole("viewer")
                        .requestMatchers(OPERATIONS).hasRole("operator")
                        .requestMatchers(FIRMWARE).hasRole("network-engineer")
                        .requestMatchers(DCIM).hasRole("dc-engineer")
                        .requestMatchers(NETWORK).hasRole("network-engineer")
                        .anyRequest().hasRole("admin"));
        return http.build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        // the usual {id}-prefixed delegating encoder, with bcrypt at the configured cost for new hashes
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
    }
}
