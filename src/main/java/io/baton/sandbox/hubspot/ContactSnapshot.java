package io.baton.sandbox.hubspot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of one contact as HubSpot would serialise it (A.1): current values including
 * {@code createdate}, {@code lastmodifieddate} and {@code hs_object_id}; history newest first.
 */
public record ContactSnapshot(
        String id,
        Map<String, String> properties,
        Map<String, List<PropertyVersion>> history,
        Instant createdAt,
        Instant updatedAt,
        boolean archived,
        Instant archivedAt) {

    public ContactSnapshot {
        properties = Map.copyOf(properties);
        history = Map.copyOf(history);
    }

    /** The current value or {@code null}. */
    public String property(String name) {
        return properties.get(name);
    }

    public List<PropertyVersion> historyOf(String name) {
        return history.getOrDefault(name, List.of());
    }
}
