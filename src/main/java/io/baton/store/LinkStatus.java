package io.baton.store;

/** Whether a link still joins two live records. */
public enum LinkStatus {
    /** Both (or the one known) records exist and are kept in step. */
    ACTIVE,
    /** A record on one side was deleted; the link is kept for audit and to stop re-creation. */
    DELETED,
    /** The record was merged into another one that already had its own link. */
    MERGED
}
