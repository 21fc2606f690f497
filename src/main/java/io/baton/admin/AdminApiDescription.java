package io.baton.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description springdoc serves at {@code /v3/api-docs} (and the Swagger UI at
 * {@code /swagger-ui.html}), both behind the admin's basic auth like the API they describe. Which
 * handlers it lists — the {@code /api/**} paths of this package, nothing of the actuator or the
 * sandbox — is set by {@code springdoc.*} in the built-in application.yml.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminApiDescription {

    static final String BASIC_AUTH = "basicAuth";

    @Bean
    OpenAPI adminOpenApi() {
        String version = Optional.ofNullable(AdminApiDescription.class.getPackage().getImplementationVersion())
                .orElse("development");
        return new OpenAPI()
                .info(new Info().title("Baton admin API")
                        .description("Sync status, open leaks, alert mail, dead letters with replay, resync of chosen "
                                + "records and the conflict log of a Baton instance (HubSpot ⇄ Salesforce). JSON; "
                                + "every call needs HTTP basic auth as baton.admin.username / BATON_ADMIN_PASSWORD. "
                                + "Lists are paged with page (from 0) and size (1 to the list's maximum).")
                        .version(version))
                .components(new Components().addSecuritySchemes(BASIC_AUTH,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("baton.admin.username and its password")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }
}
