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

    /**
     * The property HubSpot stamps when a contact first enters the lifecycle stage with this internal
     * value ({@code hs_lifecyclestage_<stage>_date}, A.5): a stage's real age.
     */
    public static String stageEnteredProperty(String lifecycleStage) {
        return "hs_lifecyclestage_" + lifecycleStage + "_date";
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).filter(v -> !v.isBlank());
    }
}
