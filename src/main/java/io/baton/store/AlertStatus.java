package io.baton.store;

/** Where an alert mail is in the outbox. */
public enum AlertStatus {
    /** Rendered and stored; not yet accepted by the mail server (being sent, or left by a crash). */
    PENDING,
    /** The mail server accepted it. */
    SENT,
    /** The last attempt failed; retried at {@code nextAttemptAt}. */
    FAILED,
    /** Every attempt failed; kept for the admin, not retried. */
    PARKED,
    /** Rendered and recorded in a dry run ({@code baton.leakage.dry-run}); never sent, never retried. */
    DRY_RUN
}
