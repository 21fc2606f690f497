package io.baton.core.mapping;

import java.util.Objects;

/**
 * A problem with one record found while mapping or reconciling it, returned as a value rather than
 * thrown: an {@link Severity#ERROR} (e.g. an unmapped picklist value) keeps that field from being
 * written and sends the record to the dead letters; a {@link Severity#WARNING} (a truncated value,
 * an owner replaced by the fallback) is reported and the sync goes on.
 *
 * @param field the field or property the problem is about, by its name in the system it was read from
 */
public record RecordIssue(Severity severity, String field, String message) {

    /** How bad an issue is. */
    public enum Severity { ERROR, WARNING }

    public RecordIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static RecordIssue error(String field, String message) {
        return new RecordIssue(Severity.ERROR, field, message);
    }

    public static RecordIssue warning(String field, String message) {
        return new RecordIssue(Severity.WARNING, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + field + ": " + message;
    }
}
