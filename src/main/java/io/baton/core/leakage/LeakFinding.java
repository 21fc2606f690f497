package io.baton.core.leakage;

import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A leak found on one record at one scan: which rule, when the SLA ran out ({@code dueAt}), how far
 * past it (level 1 past due, 2 past twice the SLA) and why, in words for the owner.
 */
public record LeakFinding(LeadSnapshot lead, LeakRule rule, Instant dueAt, int level, String cause) {

    public LeakFinding {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(cause, "cause");
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("level must be 1 or 2, was " + level);
        }
    }

    public LeakKind kind() {
        return rule.kind();
    }

    /** The record the flag is kept on. */
    public RecordRef record() {
        return lead.record();
    }

    /** What identifies the flag: at most one open per record and kind. */
    public FlagKey key() {
        return new FlagKey(record(), kind());
    }
}
