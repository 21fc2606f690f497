package io.baton.sandbox.hubspot;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * What search needs of a contact version: its id, values (derived ones included), last write, and
 * the snapshot to render. Either the stored contact or a superseded version the index lags on (A.2).
 */
interface ContactView {

    long numericId();

    /** The current value, {@code null} when unset or cleared to "". */
    String value(String property);

    Instant createdAt();

    Instant updatedAt();

    ContactSnapshot snapshot();

    /**
     * The record's own numeric properties as numbers, so a search over many thousand records does
     * not format and re-parse a timestamp per record and filter; empty for every other property.
     */
    default OptionalDouble ownNumber(String property) {
        return switch (property) {
            case PropertyCatalog.CREATE_DATE -> OptionalDouble.of(createdAt().toEpochMilli());
            case PropertyCatalog.LAST_MODIFIED -> OptionalDouble.of(updatedAt().toEpochMilli());
            case PropertyCatalog.OBJECT_ID -> OptionalDouble.of(numericId());
            default -> OptionalDouble.empty();
        };
    }
}
