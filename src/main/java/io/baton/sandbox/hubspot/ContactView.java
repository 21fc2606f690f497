package io.baton.sandbox.hubspot;

import java.time.Instant;

/** What search needs of a stored contact: its id, current values (derived ones included), last write. */
interface ContactView {

    long numericId();

    /** The current value, {@code null} when unset or cleared to "". */
    String value(String property);

    Instant createdAt();

    Instant updatedAt();
}
