package io.baton.core.reconcile;

import io.baton.core.record.Side;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The base of the 3-way merge: the values Baton last synced for one linked pair, per side, by the
 * field's name in that side's system (the {@code field_snapshot} rows). Values are stored as they
 * read after the field's transforms; blank values are not stored (blank and absent are the same).
 * A new pair has the {@link #EMPTY} snapshot.
 */
public record Snapshot(Map<String, String> hubspot, Map<String, String> salesforce) {

    public static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

    public Snapshot {
        hubspot = withoutBlanks(hubspot);
        salesforce = withoutBlanks(salesforce);
    }

    /** The last synced value of {@code field} on {@code side}, empty when it was blank or never synced. */
    public Optional<String> value(Side side, String field) {
        return Optional.ofNullable((side == Side.HUBSPOT ? hubspot : salesforce).get(field));
    }

    /** True when nothing has been synced for this pair yet. */
    public boolean isEmpty() {
        return hubspot.isEmpty() && salesforce.isEmpty();
    }

    /** The values of {@code side}. */
    public Map<String, String> side(Side side) {
        return side == Side.HUBSPOT ? hubspot : salesforce;
    }

    private static Map<String, String> withoutBlanks(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(field, value);
            }
        });
        return Collections.unmodifiableMap(kept);
    }
}
