package io.baton.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.config.ConfigDataNotFoundException;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.context.config.StandardConfigDataResource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns any startup failure that is about configuration into {@link ConfigProblem}s: Baton's own
 * {@link InvalidConfigurationException}, a missing imported file, and the binding or
 * {@code @Validated} failures of the records themselves (a safety net behind the validator).
 */
public final class ConfigFailures {

    private ConfigFailures() {
    }

    public static Optional<List<ConfigProblem>> problems(Throwable failure) {
        Path here = Path.of("");
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                return Optional.of(invalid.problems());
            }
            if (t instanceof ConfigDataNotFoundException notFound) {
                return Optional.of(List.of(missingFile(notFound, here)));
            }
            if (t instanceof BindValidationException validation) {
                return Optional.of(validation(validation, here));
            }
            if (t instanceof BindException bind) {
                return Optional.of(List.of(bind(bind, here)));
            }
        }
        return Optional.empty();
    }

    private static ConfigProblem missingFile(ConfigDataNotFoundException e, Path here) {
        String missing = e.getReferenceDescription();
        if (e instanceof ConfigDataResourceNotFoundException r && r.getResource() instanceof StandardConfigDataResource s) {
            missing = ConfigOrigins.fileName(s.getResource(), here);
        }
        return problem(e.getOrigin(), "spring.config.import", "imported file '" + missing
                + "' does not exist (restore it from the example, or remove it from spring.config.import)", here);
    }

    private static List<ConfigProblem> validation(BindValidationException e, Path here) {
        List<ConfigProblem> problems = new ArrayList<>();
        String prefix = e.getValidationErrors().getName().toString();
        for (ObjectError error : e.getValidationErrors().getAllErrors()) {
            String key = error instanceof FieldError field ? prefix + "." + PropertyKeys.kebab(field.getField()) : prefix;
            Origin origin = e.getValidationErrors().getBoundProperties().stream()
                    .filter(p -> p.getName().toString().equals(key)).map(ConfigurationProperty::getOrigin)
                    .findFirst().orElse(null);
            problems.add(problem(origin, key, String.valueOf(error.getDefaultMessage()), here));
        }
        return problems;
    }

    private static ConfigProblem bind(BindException e, Path here) {
        ConfigurationProperty property = e.getProperty();
        String key = e.getName().toString();
        Class<?> type = e.getTarget().getType().resolve(Object.class);
        return problem(property == null ? null : property.getOrigin(), key,
                BindingCheck.conversionProblem(key, type, property == null ? null : property.getValue(), e), here);
    }

    private static ConfigProblem problem(Origin origin, String key, String message, Path here) {
        Optional<ConfigOrigins.Place> place = ConfigOrigins.describe(origin, here);
        return new ConfigProblem(place.map(ConfigOrigins.Place::file).orElse(ConfigOrigins.defaultFile(key)), key,
                message, place.flatMap(ConfigOrigins.Place::line));
    }
}
