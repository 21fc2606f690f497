package io.baton.sandbox.hubspot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * HubSpot's two renderings of time: ISO-8601 with exactly three millisecond digits on the wire
 * (A.1 {@code "2019-10-30T03:30:17.883Z"}), and epoch-millis strings in search filters (A.2, which
 * also accepts ISO and plain dates, stored as midnight UTC).
 */
final class HubSpotTime {

    // ISO_INSTANT drops ".000"; HubSpot always prints the milliseconds.
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private HubSpotTime() {
    }

    static String format(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** Epoch millis for "1717200000000", "2024-06-01T08:00:00.000Z" or "2024-06-01"; empty if none of these. */
    static OptionalLong parseMillis(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        String v = value.trim();
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException ignored) {
            // not epoch millis; try ISO forms
        }
        try {
            return OptionalLong.of(Instant.parse(v).toEpochMilli());
        } catch (DateTimeParseException ignored) {
            // not an instant; try a plain date
        }
        try {
            return OptionalLong.of(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
