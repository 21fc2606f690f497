package io.baton.store;

/** Where a dead letter stands. */
public enum DeadLetterStatus {
    /** Still failing; retried when due, listed for operators. */
    OPEN,
    /** Synced on a later attempt or by an operator's replay. */
    REPLAYED,
    /** Given up on by an operator. */
    DISCARDED
}
