package io.baton.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers over flattened property keys such as {@code baton.mappings.fields[3].rule}. */
final class PropertyKeys {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");
    private static final Pattern SECRET_WORDS = Pattern.compile("(?i).*(password|secret|token|credential|api-?key).*");

    private PropertyKeys() {
    }

    /** {@code a.b[3].c} → {@code [a, b, [3], c]}; dots inside brackets stay in their segment. */
    static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : key.toCharArray()) {
            if (c == '[' && depth++ == 0) {
                flush(segments, current);
                current.append(c);
            } else if (c == ']' && --depth == 0) {
                current.append(c);
                flush(segments, current);
            } else if (c == '.' && depth == 0) {
                flush(segments, current);
            } else {
                current.append(c);
            }
        }
        flush(segments, current);
        return segments;
    }

    private static void flush(List<String> segments, StringBuilder current) {
        if (current.length() > 0) {
            segments.add(current.toString());
            current.setLength(0);
        }
    }

    static String join(List<String> segments) {
        StringBuilder key = new StringBuilder();
        for (String s : segments) {
            if (key.length() > 0 && !s.startsWith("[")) {
                key.append('.');
            }
            key.append(s);
        }
        return key.toString();
    }

    /** {@code accessToken} → {@code access-token}; an enum constant {@code TWO_WAY} → {@code two-way}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** The same name as Spring's relaxed binding sees it: case, dashes and underscores ignored. */
    static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The first environment variable a value refers to, as in {@code ${HUBSPOT_ACCESS_TOKEN}}. */
    static java.util.Optional<String> placeholder(Object raw) {
        if (raw == null) {
            return java.util.Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(raw.toString());
        return m.find() ? java.util.Optional.of(m.group(1).trim()) : java.util.Optional.empty();
    }

    /** Whether a key names something whose value must never be printed. */
    static boolean isSecret(String key) {
        return SECRET_WORDS.matcher(key).matches();
    }

    /**
     * A value as it may appear in a message: quoted, or masked for a secret key. A value that came
     * through a placeholder is shown as written ({@code ${VARIABLE}}): what the variable holds might be
     * a secret.
     */
    static String show(String key, Object value) {
        return isSecret(key) ? "(hidden)" : "'" + value + "'";
    }

    static String show(String key, Object raw, Object resolved) {
        if (raw != null && raw.toString().contains("${")) {
            return isSecret(key) ? "(hidden)" : "'" + raw + "'";
        }
        return show(key, resolved);
    }

    /** A key's value after placeholders resolve; blank when unset or when its placeholder cannot resolve. */
    static String resolved(org.springframework.core.env.ConfigurableEnvironment environment, String key) {
        try {
            String value = environment.getProperty(key);
            return value == null ? "" : value;
        } catch (IllegalArgumentException unresolvable) {
            return "";
        }
    }
}
