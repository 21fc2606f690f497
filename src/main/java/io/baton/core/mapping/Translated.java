package io.baton.core.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of translating one value into the other system: the value to write (empty when the
 * translation failed, see {@link #failed()}) and the issues met on the way. A blank value
 * translates to blank; {@link #blank()} is that outcome.
 */
public record Translated(Optional<String> value, boolean failed, List<RecordIssue> issues) {

    public Translated {
        Objects.requireNonNull(value, "value");
        issues = List.copyOf(issues);
        if (failed && value.isPresent()) {
            throw new IllegalArgumentException("a failed translation carries no value");
        }
    }

    public static Translated of(String value) {
        return new Translated(Optional.of(value), false, List.of());
    }

    public static Translated of(String value, RecordIssue warning) {
        return new Translated(Optional.of(value), false, List.of(warning));
    }

    public static Translated blank() {
        return new Translated(Optional.empty(), false, List.of());
    }

    /** Nothing can be written: {@code issue} says why (an error, or a warning when leaving the target alone is fine). */
    public static Translated failure(RecordIssue issue) {
        return new Translated(Optional.empty(), true, List.of(issue));
    }

    /** True when an error among the issues means the record must not be considered synced. */
    public boolean hasError() {
        return issues.stream().anyMatch(RecordIssue::isError);
    }

    /** This outcome with {@code more} issues added after its own. */
    public Translated withIssues(List<RecordIssue> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<RecordIssue> all = new java.util.ArrayList<>(issues);
        all.addAll(more);
        return new Translated(value, failed, all);
    }
}
