package io.baton.config;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The credentials Baton cannot run without, and the Salesforce API version. A secret is missing
 * when, after resolution, it is blank or its {@code ${VARIABLE}} cannot be resolved; the problem
 * names the variable, never the value.
 */
final class SecretsCheck {

    /** A required credential and the environment variable the shipped application.yml reads it from. */
    record Secret(String key, String variable) {
    }

    static final List<Secret> SECRETS = List.of(
            new Secret("baton.hubspot.access-token", "HUBSPOT_ACCESS_TOKEN"),
            new Secret("camel.component.salesforce.client-id", "SALESFORCE_CLIENT_ID"),
            new Secret("camel.component.salesforce.client-secret", "SALESFORCE_CLIENT_SECRET"),
            new Secret("camel.component.salesforce.user-name", "SALESFORCE_USERNAME"),
            new Secret("camel.component.salesforce.password", "SALESFORCE_PASSWORD"),
            new Secret("baton.admin.password", "BATON_ADMIN_PASSWORD"));

    static final String API_VERSION = "camel.component.salesforce.api-version";
    private static final Pattern VERSION = Pattern.compile("\\d{2,3}\\.0");

    private SecretsCheck() {
    }

    static boolean covers(String key) {
        return SECRETS.stream().anyMatch(s -> PropertyKeys.relaxed(s.key()).equals(PropertyKeys.relaxed(key)));
    }

    static void check(ConfigurableEnvironment environment, Problems problems) {
        for (Secret secret : SECRETS) {
            if (PropertyKeys.resolved(environment, secret.key()).isBlank()) {
                Object raw = KnownKeysCheck.rawValue(environment, secret.key());
                String variable = PropertyKeys.placeholder(raw).orElse(secret.variable());
                problems.add(secret.key(), PropertyKeys.placeholder(raw).isPresent() || raw == null
                        ? "missing secret: set the environment variable " + variable
                        : "missing secret: it is blank; write ${" + variable + "} and set that environment variable");
            }
        }
        String version = PropertyKeys.resolved(environment, API_VERSION);
        if (version.isBlank()) {
            problems.add(API_VERSION, "missing: set the Salesforce REST API version, e.g. 60.0");
        } else if (!VERSION.matcher(version.trim()).matches()) {
            problems.add(API_VERSION, "bad API version " + PropertyKeys.show(API_VERSION,
                    KnownKeysCheck.rawValue(environment, API_VERSION), version) + " (write it as Salesforce does, e.g. 60.0)");
        }
    }
}
