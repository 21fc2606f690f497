package io.baton.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the whole configuration before anything binds it and returns every problem at once:
 * unknown keys and enum values ({@link KnownKeysCheck}), missing secrets ({@link SecretsCheck}), endpoints that are not https
 * ({@link EndpointsCheck}),
 * values that do not convert or break a constraint ({@link BindingCheck}), and references between
 * the files ({@link ReferenceChecks}). The checks run in that order and the first to speak about a
 * key wins, so each problem is reported once, in its most specific words.
 */
public final class ConfigValidator {

    private final KeyCatalog catalog;
    private final Path workingDir;

    ConfigValidator(KeyCatalog catalog, Path workingDir) {
        this.catalog = catalog;
        this.workingDir = workingDir;
    }

    /** A validator for Baton's records, naming files relative to {@code workingDir}. */
    public static ConfigValidator forBaton(Path workingDir) {
        return new ConfigValidator(KeyCatalog.scan(ConfigValidator.class.getClassLoader()), workingDir);
    }

    public List<ConfigProblem> validate(ConfigurableEnvironment environment) {
        return check(environment).problems();
    }

    /** The problems, and Baton's property records as they bound (for a dry run's candidate config). */
    Checked check(ConfigurableEnvironment environment) {
        Problems problems = new Problems(new ConfigOrigins(environment, workingDir));
        new KnownKeysCheck(catalog).check(environment, problems);
        SecretsCheck.check(environment, problems);
        EndpointsCheck.check(environment, problems);
        Map<Class<?>, Object> bound = BindingCheck.bind(environment, catalog, problems);
        ReferenceChecks.check((MappingsProperties) bound.get(MappingsProperties.class),
                (LifecycleProperties) bound.get(LifecycleProperties.class),
                (LeakageProperties) bound.get(LeakageProperties.class), problems);
        return new Checked(problems.list(), bound);
    }

    record Checked(List<ConfigProblem> problems, Map<Class<?>, Object> bound) {
        <T> T get(Class<T> type) {
            return type.cast(bound.get(type));
        }
    }
}
