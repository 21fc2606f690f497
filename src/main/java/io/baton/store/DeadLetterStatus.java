package io.baton.store;

/** Where a dead letter stands. */
public enum DeadLetterStatus {
    /** Still failing; retried when due (retriable failures), listed for operators. */
    OPEN,
    /** Retried automatically as often as the policy allows; kept and replayable, no longer retried. */
    PARKED,
    /** Synced on a later attempt or by an operator's replay. */
    REPLAYED,
    /** Given up on by an operator. */
    DISCARDED;

    /** OPEN and PARKED: the letter still stands for a record that has not synced. */
    public boolean isUnresolved() {
        return this == OPEN || this == PARKED;
    }
}
