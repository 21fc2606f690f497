package io.baton.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The admin's rules — mappings.yml, lifecycle.yml, leakage.yml — for a dry run: the running ones,
 * or a candidate set read from another folder and checked like the real files (every problem
 * named by file and key). A candidate file that is missing means "as now": the running file stays.
 * Connections, store and schedules are always the running ones.
 *
 * @param source where the rules came from: {@code "current"} or the candidate folder
 */
public record CandidateRules(String source, MappingsProperties mappings, LifecycleProperties lifecycle,
                             LeakageProperties leakage) {

    /** The rule files a candidate folder may hold. */
    public static final List<String> FILES = List.of("mappings.yml", "lifecycle.yml", "leakage.yml");

    public static CandidateRules current(MappingsProperties mappings, LifecycleProperties lifecycle,
                                         LeakageProperties leakage) {
        return new CandidateRules("current", mappings, lifecycle, leakage);
    }

    /**
     * Reads the rule files in {@code folder} over the running environment (whose own copies of the
     * files the folder holds are left out, so a key removed in the candidate is gone, not inherited).
     *
     * @throws InvalidConfigurationException with every problem, when the folder or its files are not valid
     */
    public static CandidateRules load(Path folder, ConfigurableEnvironment running) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidConfigurationException(List.of(new ConfigProblem(folder.toString(), "(folder)",
                    "is not a folder holding any of " + FILES, Optional.empty())));
        }
        List<String> present = FILES.stream().filter(f -> Files.isRegularFile(dir.resolve(f))).toList();
        if (present.isEmpty()) {
            throw new InvalidConfigurationException(List.of(new ConfigProblem(folder.toString(), "(folder)",
                    "holds none of " + FILES, Optional.empty())));
        }
        StandardEnvironment candidate = new StandardEnvironment();
        candidate.getPropertySources().forEach(s -> candidate.getPropertySources().remove(s.getName()));
        for (String file : present) {
            load(dir.resolve(file)).forEach(candidate.getPropertySources()::addLast);
        }
        for (PropertySource<?> source : running.getPropertySources()) {
            // Boot's attached view of all the running sources would bring the replaced files back.
            boolean attachedView = ConfigurationPropertySources.isAttachedConfigurationPropertySource(source);
            if (!attachedView && present.stream().noneMatch(f -> source.getName().contains(f))) {
                candidate.getPropertySources().addLast(source);
            }
        }
        ConfigValidator.Checked checked = ConfigValidator.forBaton(Path.of("")).check(candidate);
        if (!checked.problems().isEmpty()) {
            throw new InvalidConfigurationException(checked.problems());
        }
        return new CandidateRules(folder.toString(), checked.get(MappingsProperties.class),
                checked.get(LifecycleProperties.class), checked.get(LeakageProperties.class));
    }

    private static List<PropertySource<?>> load(Path file) {
        try {
            return new YamlPropertySourceLoader().load("Config resource 'file [" + file + "]' (candidate)",
                    new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(List.of(new ConfigProblem(file.toString(), "(file)",
                    "cannot be read as YAML: " + e.getMessage(), Optional.empty())));
        }
    }
}
