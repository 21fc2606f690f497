package io.baton.core.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * One stage of the shared lifecycle (config/lifecycle.yml) as the mapping core needs it: its name,
 * its value in each CRM (absent when that CRM has no such stage), and whether it is an exit stage
 * (off the forward path, e.g. {@code disqualified}).
 */
public record LifecycleStage(String name, Optional<String> hubspot, Optional<String> salesforce, boolean exit) {

    public LifecycleStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hubspot, "hubspot");
        Objects.requireNonNull(salesforce, "salesforce");
    }

    /** A stage on the forward path. */
    public static LifecycleStage forward(String name, String hubspot, String salesforce) {
        return new LifecycleStage(name, Optional.ofNullable(hubspot), Optional.ofNullable(salesforce), false);
    }

    /** A stage off the forward path. */
    public static LifecycleStage exit(String name, String hubspot, String salesforce) {
        return new LifecycleStage(name, Optional.ofNullable(hubspot), Optional.ofNullable(salesforce), true);
    }
}
