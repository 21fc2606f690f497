package io.baton.sandbox.hubspot;

import java.time.Instant;
import java.util.Map;

/**
 * Applies validated property values to a stored contact, with HubSpot's write rules: derived
 * properties are never stored, emails are kept lower-case, a backward lifecycle stage is silently
 * ignored unless the stage was cleared first (A.5), entering a stage stamps its date, and every
 * write moves {@code lastmodifieddate} to the write's instant (E.1).
 */
final class PropertyWriter {

    private PropertyWriter() {
    }

    static void apply(StoredContact c, Map<String, String> properties, WriteSource source, Instant now,
                      boolean lifecycleForwardOnly) {
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String name = e.getKey();
            if (PropertyCatalog.ALWAYS_READ.contains(name)) {
                continue;  // derived from the record's own fields
            }
            String value = e.getValue() == null ? "" : e.getValue();
            if (PropertyCatalog.EMAIL.equals(name)) {
                value = ContactIndexes.normaliseEmail(value);
            }
            boolean isStage = PropertyCatalog.LIFECYCLE_STAGE.equals(name);
            if (isStage && lifecycleForwardOnly && source.forwardOnlyLifecycle() && isBackward(c, value)) {
                continue;  // A.5: "silently ignored (2xx, value unchanged)"
            }
            boolean changed = c.set(name, value, now, source);
            if (changed && isStage && !value.isEmpty() && c.value(PropertyCatalog.stageDateProperty(value)) == null) {
                c.set(PropertyCatalog.stageDateProperty(value), HubSpotTime.format(now), now, source);
            }
        }
        c.touch(now, source);
    }

    /** Lower in A.5's order than a stage the record has now ("" clears and is never backward). */
    private static boolean isBackward(StoredContact c, String value) {
        String current = c.value(PropertyCatalog.LIFECYCLE_STAGE);
        int next = PropertyCatalog.stageOrder(value);
        return current != null && !value.isEmpty() && next >= 0 && next < PropertyCatalog.stageOrder(current);
    }
}
