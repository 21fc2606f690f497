package io.baton.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Writes values into SOQL text (API-REFERENCE.md B.2), so no caller concatenates a raw value into a
 * query: datetimes as unquoted literals, strings quoted and escaped, field and type names checked.
 */
public final class SoqlLiterals {

    /**
     * Unquoted ISO-8601 in UTC with milliseconds and {@code Z} (B.2). The milliseconds matter: rows
     * come back stamped to the millisecond, and {@code SystemModstamp = t} must match that exact
     * stamp, or a cursor inside a tied millisecond would skip or re-read. {@code Z} rather than
     * {@code +0000} also keeps a {@code +} (B.2: "URL-encode + as %2B") out of the URL.
     */
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** An API name, optionally through relationships ({@code Owner.Email}); custom names end in {@code __c}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

    private SoqlLiterals() {
    }

    /** {@code 2026-03-02T10:00:00.123Z}; finer than a millisecond cannot be stored by Salesforce, so it is dropped. */
    public static String dateTime(Instant instant) {
        return DATETIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A quoted string literal; backslash and quote escaped, as are line breaks (SOQL's escape sequences). */
    public static String string(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /**
     * A {@code LIKE} pattern matching any text that contains {@code value}: quoted as
     * {@link #string}, with LIKE's own wildcards {@code %} and {@code _} escaped so they match
     * themselves (B.2).
     */
    public static String containing(String value) {
        String quoted = string(value);
        String inner = quoted.substring(1, quoted.length() - 1).replace("%", "\\%").replace("_", "\\_");
        return "'%" + inner + "%'";
    }

    /** The name unchanged when it is a well-formed API name; anything else would be SOQL injection. */
    public static String name(String apiName) {
        if (apiName == null || !NAME.matcher(apiName).matches()) {
            throw new IllegalArgumentException("not a Salesforce API name: '" + apiName + "'");
        }
        return apiName;
    }
}
