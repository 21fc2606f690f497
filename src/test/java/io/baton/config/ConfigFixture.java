package io.baton.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A private copy of the shipped config/ directory in a temp dir, edited per test, read by Spring
 * Boot's own config-data loading (imports included) and checked by the validator. The "environment
 * variables" are the only ones the test sets.
 */
final class ConfigFixture {

    static final Map<String, String> SECRETS = Map.of(
            "HUBSPOT_ACCESS_TOKEN", "pat-na1-SECRET-hubspot-7f3a",
            "SALESFORCE_CLIENT_ID", "3MVG9SECRET-client-id",
            "SALESFORCE_CLIENT_SECRET", "SECRET-client-secret-51c2",
            "SALESFORCE_USERNAME", "integration@SECRET.example",
            "SALESFORCE_PASSWORD", "SECRET-password-and-token",
            "BATON_ADMIN_PASSWORD", "SECRET-admin-password");

    private final Path root;
    private final Map<String, Object> variables = new HashMap<>(SECRETS);

    ConfigFixture(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("config"));
            for (String file : List.of("application.yml", "mappings.yml", "lifecycle.yml", "leakage.yml")) {
                Files.copy(Path.of("config", file), root.resolve("config").resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code text} in a config file; fails if it is not there. */
    ConfigFixture edit(String file, String text, String replacement) {
        Path path = root.resolve("config").resolve(file);
        try {
            String content = Files.readString(path);
            if (!content.contains(text)) {
                throw new AssertionError(file + " does not contain: " + text);
            }
            Files.writeString(path, content.replaceFirst(java.util.regex.Pattern.quote(text),
                    java.util.regex.Matcher.quoteReplacement(replacement)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ConfigFixture write(String file, String content) {
        try {
            Files.writeString(root.resolve("config").resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ConfigFixture delete(String file) {
        try {
            Files.delete(root.resolve("config").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ConfigFixture unset(String variable) {
        variables.remove(variable);
        return this;
    }

    /** The environment as Spring Boot would prepare it from this directory. */
    StandardEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test variables", variables));
        environment.getPropertySources().addFirst(new MapPropertySource("location",
                Map.of("spring.config.location", "file:" + root.resolve("config") + "/")));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
                new DefaultBootstrapContext(), List.of());
        return environment;
    }

    List<ConfigProblem> problems() {
        return ConfigValidator.forBaton(root).validate(environment());
    }

    List<String> messages() {
        return problems().stream().map(ConfigProblem::toString).toList();
    }
}
