package io.baton.sandbox.hubspot;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One search {@code Filter} (A.2): {@code propertyName}, {@code operator}, and {@code value},
 * {@code values} or {@code highValue} as the operator needs. Numbers and datetimes compare
 * numerically (datetimes as epoch millis, ISO also accepted); strings case-insensitively.
 */
record SearchFilter(PropertyDefinition property, Operator operator, String value, List<String> values, String highValue) {

    /** The operator enum of the spec, verbatim. */
    enum Operator { EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY,
        CONTAINS_TOKEN, NOT_CONTAINS_TOKEN }

    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^\\p{L}\\p{N}*]+");

    boolean test(ContactView contact) {
        OptionalDouble own = contact.ownNumber(property.name());
        if (own.isPresent() && operator != Operator.CONTAINS_TOKEN && operator != Operator.NOT_CONTAINS_TOKEN) {
            return testNumber(own.getAsDouble());
        }
        String actual = contact.value(property.name());
        return switch (operator) {
            case HAS_PROPERTY -> actual != null;
            case NOT_HAS_PROPERTY -> actual == null;
            case EQ -> actual != null && compare(actual, value) == 0;
            // A record without the property is "not equal" too.
            case NEQ -> actual == null || compare(actual, value) != 0;
            case LT -> actual != null && compare(actual, value) < 0;
            case LTE -> actual != null && compare(actual, value) <= 0;
            case GT -> actual != null && compare(actual, value) > 0;
            case GTE -> actual != null && compare(actual, value) >= 0;
            case BETWEEN -> actual != null && compare(actual, value) >= 0 && compare(actual, highValue) <= 0;
            case IN -> actual != null && values.stream().anyMatch(v -> compare(actual, v) == 0);
            case NOT_IN -> actual == null || values.stream().noneMatch(v -> compare(actual, v) == 0);
            case CONTAINS_TOKEN -> actual != null && containsToken(actual, value);
            case NOT_CONTAINS_TOKEN -> actual == null || !containsToken(actual, value);
        };
    }

    /** The same operators on a value that is always set and already a number. */
    private boolean testNumber(double actual) {
        return switch (operator) {
            case HAS_PROPERTY -> true;
            case NOT_HAS_PROPERTY -> false;
            case EQ -> compareNumber(actual, value) == 0;
            case NEQ -> compareNumber(actual, value) != 0;
            case LT -> compareNumber(actual, value) < 0;
            case LTE -> compareNumber(actual, value) <= 0;
            case GT -> compareNumber(actual, value) > 0;
            case GTE -> compareNumber(actual, value) >= 0;
            case BETWEEN -> compareNumber(actual, value) >= 0 && compareNumber(actual, highValue) <= 0;
            case IN -> values.stream().anyMatch(v -> compareNumber(actual, v) == 0);
            case NOT_IN -> values.stream().noneMatch(v -> compareNumber(actual, v) == 0);
            case CONTAINS_TOKEN, NOT_CONTAINS_TOKEN -> throw new IllegalStateException("token operators compare text");
        };
    }

    private int compareNumber(double actual, String expected) {
        OptionalDouble b = number(property, expected);
        // Parsing already rejected values this property cannot compare with (comparable()).
        return Double.compare(actual, b.orElse(Double.NaN));
    }

    /** Whether a filter value is usable for this property's type (checked when parsing). */
    boolean comparable(String candidate) {
        return !numeric(property) || number(property, candidate).isPresent();
    }

    private int compare(String actual, String expected) {
        return compareValues(property, actual, expected);
    }

    /** Orders two values of a property as search does: numerically for numbers and datetimes. */
    static int compareValues(PropertyDefinition property, String actual, String expected) {
        if (numeric(property)) {
            OptionalDouble a = number(property, actual);
            OptionalDouble b = number(property, expected);
            if (a.isPresent() && b.isPresent()) {
                return Double.compare(a.getAsDouble(), b.getAsDouble());
            }
        }
        return actual.compareToIgnoreCase(expected);
    }

    private static boolean numeric(PropertyDefinition property) {
        return property.type() == PropertyDefinition.Type.NUMBER || property.type() == PropertyDefinition.Type.DATETIME;
    }

    private static OptionalDouble number(PropertyDefinition property, String raw) {
        if (property.type() == PropertyDefinition.Type.DATETIME) {
            var millis = HubSpotTime.parseMillis(raw);
            return millis.isPresent() ? OptionalDouble.of(millis.getAsLong()) : OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(raw.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * CONTAINS_TOKEN matches a whole word of the value, case-insensitively; {@code *} is a wildcard
     * (HubSpot's search guide: {@code "*@hubspot.com"}), matched against the whole value too.
     */
    static boolean containsToken(String actual, String token) {
        String a = actual.toLowerCase(Locale.ROOT);
        String t = token.toLowerCase(Locale.ROOT).trim();
        if (t.contains("*")) {
            Pattern p = Pattern.compile(("\\Q" + t + "\\E").replace("*", "\\E.*\\Q"));
            if (p.matcher(a).matches()) {
                return true;
            }
            for (String word : a.split("\\s+")) {
                if (p.matcher(word).matches()) {
                    return true;
                }
            }
            return false;
        }
        if (a.equals(t)) {
            return true;
        }
        for (String word : TOKEN_SPLIT.split(a)) {
            if (word.equals(t)) {
                return true;
            }
        }
        return false;
    }
}
