package io.baton.sandbox.hubspot;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a contact as {@code SimplePublicObject} (A.1): requested known properties (unknown ones
 * silently ignored, unset ones as null), plus the three HubSpot always adds; defaults when none asked.
 */
final class ContactJson {

    private final PropertyCatalog catalog;

    ContactJson(PropertyCatalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> render(ContactSnapshot c, List<String> requested, List<String> withHistory) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.putAll(renderRest(c, requested, withHistory));
        return out;
    }

    /** An upsert result: {@code new} follows the id (A.3). */
    Map<String, Object> renderUpsert(ContactSnapshot c, boolean created, List<String> requested) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("new", created);
        out.putAll(renderRest(c, requested, List.of()));
        return out;
    }

    private Map<String, Object> renderRest(ContactSnapshot c, List<String> requested, List<String> withHistory) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> props = new TreeMap<>();
        for (String name : selection(requested)) {
            props.put(name, c.property(name));
        }
        out.put("properties", props);
        if (!withHistory.isEmpty()) {
            Map<String, Object> history = new TreeMap<>();
            for (String name : withHistory) {
                if (catalog.knows(name)) {
                    history.put(name, c.historyOf(name).stream().map(ContactJson::version).toList());
                }
            }
            out.put("propertiesWithHistory", history);
        }
        out.put("createdAt", HubSpotTime.format(c.createdAt()));
        out.put("updatedAt", HubSpotTime.format(c.updatedAt()));
        out.put("archived", c.archived());
        if (c.archivedAt() != null) {
            out.put("archivedAt", HubSpotTime.format(c.archivedAt()));
        }
        return out;
    }

    private Set<String> selection(List<String> requested) {
        if (requested.isEmpty()) {
            return new LinkedHashSet<>(PropertyCatalog.DEFAULT_READ);
        }
        Set<String> names = new LinkedHashSet<>(PropertyCatalog.ALWAYS_READ);
        requested.stream().filter(catalog::knows).forEach(names::add);
        return names;
    }

    private static Map<String, Object> version(PropertyVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        m.put("timestamp", HubSpotTime.format(v.timestamp()));
        m.put("sourceType", v.sourceType());
        if (v.sourceId() != null && !v.sourceId().isEmpty()) {
            m.put("sourceId", v.sourceId());
        }
        if (v.sourceId() != null && v.sourceId().matches("userId:\\d+")) {
            m.put("updatedByUserId", Long.parseLong(v.sourceId().substring("userId:".length())));
        }
        return m;
    }
}
