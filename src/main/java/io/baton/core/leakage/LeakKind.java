package io.baton.core.leakage;

import java.util.Locale;

/** What a leak rule looks for; the kebab-case {@link #id()} is what config, store and API show. */
public enum LeakKind {
    /** In the handoff stage and nobody in sales moved it on or touched it within the SLA. */
    MQL_NOT_ACCEPTED,
    /** At the handoff stage in HubSpot, and no Salesforce record after the SLA. */
    MQL_NOT_IN_SALESFORCE,
    /** In Salesforce, but owned by a queue or an inactive user past the SLA. */
    UNOWNED,
    /** No activity in either system for longer than the SLA. */
    STALE,
    /** Recycled, and not enrolled in nurture (a HubSpot property condition). */
    RECYCLED_WITHOUT_NURTURE,
    /** Disqualified without a reason. */
    DISQUALIFIED_WITHOUT_REASON;

    /** {@code mql-not-accepted}, …: the stored and displayed name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code id} ({@code mql-not-accepted} or {@code MQL_NOT_ACCEPTED}). */
    public static LeakKind fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
