package io.baton.admin;

import io.baton.config.AdminProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The admin HTTP surface (DESIGN §3): everything behind basic auth as {@code baton.admin.*},
 * except {@code /actuator/health}, which load balancers and uptime checks call without credentials
 * (they see each component's status; details only with credentials). The dashboard at {@code /} is
 * behind the same login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminSecurity {

    @Bean
    SecurityFilterChain adminApi(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // A JSON API for scripts, authenticated on every request: no session, no CSRF token;
                // the dashboard's browser is kept from writes other sites start by the guard instead.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteWriteGuard(), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    UserDetailsService adminUser(AdminProperties admin) {
        // The password arrives from the environment at start-up and lives only in memory.
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password("{noop}" + admin.password())
                .roles("ADMIN")
                .build());
    }
}
