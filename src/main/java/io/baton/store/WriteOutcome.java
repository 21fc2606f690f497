package io.baton.store;

/** What the CRM answered to one record's write. */
public enum WriteOutcome {
    SUCCEEDED,
    FAILED
}
