package io.baton.sync;

import io.baton.core.leakage.LeadSnapshot;
import io.baton.core.leakage.LeadSnapshot.OwnerState;
import io.baton.salesforce.SalesforceLookups;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Salesforce owner can work a record: a queue ({@code 00G…}, B.8), an active user, or a
 * user id that is not among the active users (deactivated). Read once per scan.
 */
final class SalesforceOwners {

    private static final String USER_PREFIX = "005";

    private final Map<String, String> activeEmails;

    private SalesforceOwners(Map<String, String> activeEmails) {
        this.activeEmails = activeEmails;
    }

    static SalesforceOwners read(SalesforceLookups lookups) {
        Map<String, String> active = new HashMap<>();
        lookups.activeUsers().forEach(u -> active.put(prefix15(u.id()), u.email() == null ? "" : u.email()));
        return new SalesforceOwners(active);
    }

    /** Knows no users: every owner is UNKNOWN (no rule asked about owners). */
    static SalesforceOwners none() {
        return new SalesforceOwners(null);
    }

    OwnerState state(Optional<String> ownerId) {
        if (ownerId.isEmpty() || activeEmails == null) {
            return OwnerState.UNKNOWN;
        }
        String id = ownerId.get();
        if (id.startsWith(LeadSnapshot.QUEUE_PREFIX)) {
            return OwnerState.QUEUE;
        }
        if (!id.startsWith(USER_PREFIX)) {
            return OwnerState.UNKNOWN;
        }
        return activeEmails.containsKey(prefix15(id)) ? OwnerState.ACTIVE_USER : OwnerState.INACTIVE_USER;
    }

    Optional<String> email(Optional<String> ownerId) {
        return activeEmails == null ? Optional.empty()
                : ownerId.map(id -> activeEmails.get(prefix15(id))).filter(e -> !e.isBlank());
    }

    private static String prefix15(String id) {
        return id.length() > 15 ? id.substring(0, 15) : id;
    }
}
