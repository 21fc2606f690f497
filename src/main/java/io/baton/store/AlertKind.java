package io.baton.store;

/** Why a mail was sent. */
public enum AlertKind {
    /** Sent at once when a flag crosses its escalation threshold. */
    ESCALATION,
    /** The scheduled summary of open flags. */
    DIGEST
}
