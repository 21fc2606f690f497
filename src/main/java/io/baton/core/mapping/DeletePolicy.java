package io.baton.core.mapping;

/**
 * What a delete on one side does to the other (config/mappings.yml {@code deletes}).
 * {@code PROPAGATE} deletes the other side too (HubSpot archives; Salesforce moves the record to its
 * recycle bin); {@code ARCHIVE_ONLY} stops syncing the pair and leaves the other side's record as it
 * is; {@code IGNORE} does nothing, so a restored record syncs again.
 */
public enum DeletePolicy {
    PROPAGATE,
    ARCHIVE_ONLY,
    IGNORE;

    /** Whether the link stops: after this the pair is no longer synced. */
    public boolean endsThePair() {
        return this != IGNORE;
    }
}
