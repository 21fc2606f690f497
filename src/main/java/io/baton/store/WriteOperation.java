package io.baton.store;

/** The kind of write sent to a CRM. */
public enum WriteOperation {
    CREATE,
    UPDATE,
    UPSERT,
    DELETE
}
