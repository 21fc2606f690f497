package io.baton.sandbox.salesforce.soql;

import java.util.List;

/**
 * A parsed SOQL statement (the subset in API-REFERENCE E.2, plus OR/NOT/parentheses, NULLS FIRST|LAST
 * and OFFSET). Field references keep their column so errors can point at them like the org does.
 */
public record SoqlQuery(String text, List<FieldRef> fields, Count count, String from, int fromColumn,
                        Condition where, List<Order> orderBy, Integer limit, Integer offset) {

    public SoqlQuery {
        fields = List.copyOf(fields);
        orderBy = List.copyOf(orderBy);
    }

    /** {@code COUNT()} (totalSize only) or {@code COUNT(field)} (one AggregateResult row). */
    public record Count(FieldRef field) {
    }

    public record FieldRef(String name, int column) {
    }

    public record Order(FieldRef field, boolean descending, boolean nullsFirst) {
    }

    /** A literal as written: STRING, NUMBER, BOOLEAN, NULL, DATE, DATETIME, or a relative date such as TODAY. */
    public record Literal(Kind kind, Object value, String text) {
        public enum Kind { STRING, NUMBER, BOOLEAN, NULL, DATE, DATETIME, DATE_RANGE }
    }

    /** For relative date literals: the UTC days [from, to] they cover. */
    public record DateRange(java.time.LocalDate from, java.time.LocalDate to) {
    }

    public sealed interface Condition permits And, Or, Not, Compare, In, Like {
    }

    public record And(List<Condition> parts) implements Condition {
    }

    public record Or(List<Condition> parts) implements Condition {
    }

    public record Not(Condition inner) implements Condition {
    }

    public record Compare(FieldRef field, String op, Literal value) implements Condition {
    }

    public record In(FieldRef field, boolean negated, List<Literal> values) implements Condition {
    }

    public record Like(FieldRef field, Literal pattern) implements Condition {
    }
}
