package io.baton.core.leakage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition on one HubSpot property, as a leak rule's signal (e.g. "enrolled in nurture" is
 * {@code hs_email_optout not-equals true}, or a list-membership-like property being set). Values
 * compare trimmed and case-insensitively.
 */
public record PropertyCondition(String property, Operator operator, List<String> values) {

    /** How the value is compared. */
    public enum Operator { EQUALS, NOT_EQUALS, IS_SET, IS_BLANK }

    public PropertyCondition {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }

    /** Whether the condition holds for {@code value} (empty: absent or blank). */
    public boolean holdsFor(Optional<String> value) {
        Optional<String> v = value.map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty());
        boolean anyEqual = v.isPresent() && values.stream().anyMatch(x -> x.strip().toLowerCase(Locale.ROOT).equals(v.get()));
        return switch (operator) {
            case EQUALS -> anyEqual;
            case NOT_EQUALS -> !anyEqual;
            case IS_SET -> v.isPresent();
            case IS_BLANK -> v.isEmpty();
        };
    }

    @Override
    public String toString() {
        return property + " " + operator.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (values.isEmpty() ? "" : " " + values);
    }
}
