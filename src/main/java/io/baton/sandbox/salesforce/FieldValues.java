package io.baton.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Converts between wire values and stored values. Stored: String, Boolean, Double, Instant
 * (datetime, ms precision), LocalDate (date). On the wire (B.2): datetimes
 * {@code 2026-01-01T00:00:00.000+0000}, dates {@code 2026-01-01}, JSON booleans, numbers and null.
 */
public final class FieldValues {

    private static final DateTimeFormatter WIRE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
            .withZone(ZoneOffset.UTC);
    /** Accepted datetime spellings: Z, +0000 and +00:00 offsets, with or without milliseconds. */
    private static final List<DateTimeFormatter> DATETIME_INPUTS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][.SS][.S]XXX"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][.SS][.S]XX"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][.SS][.S]X"));

    private FieldValues() {
    }

    /** Thrown when a value does not fit the field's type; the caller reports it per B.5. */
    public static final class BadValue extends RuntimeException {
        public BadValue(String message) {
            super(message, null, false, false);
        }
    }

    /** A JSON request value as a plain Java value (before per-field coercion). */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.toString();
    }

    /** Coerces a value for storage in {@code field}; null stays null (it clears the field). */
    public static Object coerce(SObjectField field, Object value) {
        if (value == null) {
            return null;
        }
        SObjectField.Type type = field.type();
        if (type.isText()) {
            String text = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
            return text.isEmpty() ? null : text;
        }
        switch (type) {
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                if ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString())) {
                    return Boolean.parseBoolean(value.toString());
                }
            }
            case CURRENCY, DOUBLE, PERCENT -> {
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                try {
                    return value.toString().isEmpty() ? null : Double.parseDouble(value.toString());
                } catch (NumberFormatException e) {
                    break;
                }
            }
            case DATETIME -> {
                if (value instanceof Instant i) {
                    return i.truncatedTo(ChronoUnit.MILLIS);
                }
                Optional<Instant> parsed = parseDateTime(value.toString());
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    return d;
                }
                Optional<LocalDate> parsed = parseDate(value.toString());
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
            default -> {
            }
        }
        throw new BadValue(field.name() + ": value not of required type: " + value);
    }

    /** The wire (JSON) form of a stored value. */
    public static Object toWire(Object value) {
        if (value instanceof Instant i) {
            return WIRE_DATETIME.format(i);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value;
    }

    public static String formatDateTime(Instant instant) {
        return WIRE_DATETIME.format(instant);
    }

    public static Optional<Instant> parseDateTime(String text) {
        for (DateTimeFormatter f : DATETIME_INPUTS) {
            try {
                return Optional.of(OffsetDateTime.parse(text, f).toInstant().truncatedTo(ChronoUnit.MILLIS));
            } catch (DateTimeParseException ignored) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    public static Optional<LocalDate> parseDate(String text) {
        try {
            return text.length() == 10 ? Optional.of(LocalDate.parse(text)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
