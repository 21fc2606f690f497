package io.baton.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with the configuration: the file it is in (relative, like
 * {@code config/mappings.yml}), the property key, the problem in words and, where known, the line.
 * Never carries a secret value.
 */
public record ConfigProblem(String file, String key, String message, Optional<Integer> line) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(line, "line");
    }

    /** {@code config/mappings.yml: baton.mappings.fields[3].rule: unknown rule 'two_way' … [line 14]}. */
    @Override
    public String toString() {
        return file + ": " + key + ": " + message + line.map(n -> " [line " + n + "]").orElse("");
    }
}
