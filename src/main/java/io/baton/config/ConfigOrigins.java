package io.baton.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Says which file (and line) a key came from, using the origins Spring tracks for config files. A
 * key that is absent (a required value never written) is placed in the file that holds its
 * siblings, else in the file its prefix belongs to.
 */
final class ConfigOrigins {

    /** A place in a file: {@code config/mappings.yml}, line 14 (1-based) when known. */
    record Place(String file, Optional<Integer> line) {
    }

    private final ConfigurableEnvironment environment;
    private final Path workingDir;

    ConfigOrigins(ConfigurableEnvironment environment, Path workingDir) {
        this.environment = environment;
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    Place locate(String key) {
        String candidate = key;
        while (true) {
            String current = candidate;
            Optional<Place> place = exact(current).or(() -> firstBelow(current));
            if (place.isPresent()) {
                // Above the key itself a line would point at a neighbour, not at the problem.
                return current.equals(key) ? place.get() : new Place(place.get().file(), Optional.empty());
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            if (cut <= 0) {
                return new Place(defaultFile(key), Optional.empty());
            }
            candidate = candidate.substring(0, cut);
        }
    }

    private Optional<Place> exact(String key) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof OriginLookup<?> && source.containsProperty(key)) {
                @SuppressWarnings("unchecked")
                Origin origin = ((OriginLookup<String>) source).getOrigin(key);
                Optional<Place> place = describe(origin, workingDir);
                if (place.isPresent()) {
                    return place;
                }
            }
        }
        return Optional.empty();
    }

    /** Where the first key under {@code prefix} (a parent of list items or nested keys) is written. */
    private Optional<Place> firstBelow(String prefix) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable && source instanceof OriginLookup<?>) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(prefix + ".") || name.startsWith(prefix + "[")) {
                        return exact(name);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The admin's file each of Baton's prefixes lives in. */
    static String defaultFile(String key) {
        for (String file : new String[] {"mappings", "lifecycle", "leakage"}) {
            if (key.startsWith("baton." + file)) {
                return "config/" + file + ".yml";
            }
        }
        return "config/application.yml";
    }

    /** A config-file origin as a place; nothing for origins that are not a file (command line, env). */
    static Optional<Place> describe(Origin origin, Path workingDir) {
        for (Origin o = origin; o != null; o = o.getParent()) {
            if (o instanceof TextResourceOrigin text && text.getResource() != null) {
                Optional<Integer> line = Optional.ofNullable(text.getLocation()).map(l -> l.getLine() + 1);
                return Optional.of(new Place(fileName(text.getResource(), workingDir), line));
            }
        }
        return Optional.empty();
    }

    static String fileName(Resource resource, Path workingDir) {
        if (resource instanceof ClassPathResource classPath) {
            return "classpath:" + classPath.getPath();
        }
        try {
            Path file = resource.getFile().toPath().toAbsolutePath().normalize();
            Path base = workingDir.toAbsolutePath().normalize();
            return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
        } catch (IOException | UnsupportedOperationException e) {
            return resource.getDescription();
        }
    }
}
