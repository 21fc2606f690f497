package io.baton.hubspot;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A contact as HubSpot returns it: id, the requested properties (null values kept as absent), timestamps. */
public record HubSpotContact(String id, Map<String, String> properties, Instant updatedAt, boolean archived) {

    public HubSpotContact {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).filter(v -> !v.isBlank());
    }
}
