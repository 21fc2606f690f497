package io.baton.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fewest API calls a polling sync needs over a steady-state window: every poll reads each
 * change stream once (HubSpot: one search; Salesforce: one {@code queryAll} each for Leads,
 * Contacts and Opportunities, which brings deletes and merges in the same answer, DESIGN §4),
 * and each poll interval in which the other side changed costs one counterpart read (the linked
 * records by id) and one batched write (API-REFERENCE A.3, B.4: a few edits fit one batch).
 */
final class SteadyMinimum {

    static final int HUBSPOT_READS_PER_POLL = 1;
    static final int SALESFORCE_READS_PER_POLL = 3;

    private SteadyMinimum() {
    }

    static long calls(long windowMillis, long pollMillis, List<Long> hubspotEdits, List<Long> salesforceEdits) {
        long polls = windowMillis / pollMillis;
        return polls * (HUBSPOT_READS_PER_POLL + SALESFORCE_READS_PER_POLL)
                + 2L * intervalsWithEdits(hubspotEdits, pollMillis)
                + 2L * intervalsWithEdits(salesforceEdits, pollMillis);
    }

    private static int intervalsWithEdits(List<Long> editMillis, long pollMillis) {
        Set<Long> intervals = new HashSet<>();
        editMillis.forEach(t -> intervals.add(t / pollMillis));
        return intervals.size();
    }
}
