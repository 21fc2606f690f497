package io.baton.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects problems as the checks find them, placing each in its file. One problem per key: the
 * first check to speak about a key (the most specific) wins, so a misspelled rule is reported as
 * such and not again as a failed conversion.
 */
final class Problems {

    private final ConfigOrigins origins;
    private final Map<String, ConfigProblem> byKey = new LinkedHashMap<>();
    private final java.util.Set<String> unknownParents = new java.util.HashSet<>();

    Problems(ConfigOrigins origins) {
        this.origins = origins;
    }

    void add(String key, String message) {
        if (!byKey.containsKey(key)) {
            ConfigOrigins.Place place = origins.locate(key);
            byKey.put(key, new ConfigProblem(place.file(), key, message, place.line()));
        }
    }

    /** An unknown key; a misspelled required key also makes the real one "missing", which is not said again. */
    void addUnknownKey(String key, String message) {
        add(key, message);
        unknownParents.add(parent(key));
    }

    /** Whether a "must not be blank" at this key is just the echo of a misspelled sibling. */
    boolean isEchoOfUnknownKey(String key) {
        return unknownParents.contains(parent(key));
    }

    private static String parent(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut < 0 ? "" : key.substring(0, cut);
    }

    boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** Whether a problem was already reported at this key or above it. */
    boolean hasAtOrAbove(String key) {
        return byKey.keySet().stream().anyMatch(k -> key.equals(k) || key.startsWith(k + ".") || key.startsWith(k + "["));
    }

    List<ConfigProblem> list() {
        return List.copyOf(new ArrayList<>(byKey.values()));
    }
}
