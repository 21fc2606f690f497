package io.baton.sandbox.hubspot;

import java.time.Instant;

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
}
