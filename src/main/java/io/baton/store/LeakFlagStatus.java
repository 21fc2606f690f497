package io.baton.store;

/** Whether a leak/stale finding still holds. */
public enum LeakFlagStatus {
    OPEN,
    CLOSED
}
