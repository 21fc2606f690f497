package io.baton.store;

/** Whether the mail server accepted the alert. */
public enum AlertStatus {
    SENT,
    FAILED
}
