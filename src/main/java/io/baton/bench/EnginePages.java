package io.baton.bench;

import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.reconcile.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Generated pages of changes for the engine scenario, made one page at a time so memory holds one
 * page, never the data set: of every four records, two are one linked person whose phone changed
 * in HubSpot since the last sync, one is a HubSpot contact not yet in Salesforce and one a
 * Salesforce Lead not yet in HubSpot.
 */
final class EnginePages {

    /** One pair as a page sync hands it to the reconciler: last synced values and both sides. */
    record Pair(Snapshot base, Optional<CrmRecord> hubspot, Optional<CrmRecord> salesforce) {

        /** How many records the pair counts for: one per side present. */
        int records() {
            return (hubspot.isPresent() ? 1 : 0) + (salesforce.isPresent() ? 1 : 0);
        }
    }

    private static final Instant SYNCED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CHANGED_AT = SYNCED_AT.plusSeconds(3_600);

    private EnginePages() {
    }

    /** The pairs of page {@code page} of {@code pairsPerPage}; pair {@code n} is of kind {@code n % 3}. */
    static List<Pair> page(long page, int pairsPerPage) {
        List<Pair> pairs = new ArrayList<>(pairsPerPage);
        for (int i = 0; i < pairsPerPage; i++) {
            long n = page * pairsPerPage + i;
            pairs.add(switch ((int) (n % 3)) {
                case 0 -> linkedWithNewPhone(n);
                case 1 -> new Pair(Snapshot.EMPTY, Optional.of(contact(n, phone(n), CHANGED_AT)), Optional.empty());
                default -> new Pair(Snapshot.EMPTY, Optional.empty(), Optional.of(lead(n, phone(n), CHANGED_AT)));
            });
        }
        return pairs;
    }

    /** Pair kinds: 0 linked (2 records, 1 update), 1 HubSpot-only (1 create), 2 Salesforce-only (1 create). */
    static boolean isLinked(long n) {
        return n % 3 == 0;
    }

    private static Pair linkedWithNewPhone(long n) {
        CrmRecord before = contact(n, phone(n), SYNCED_AT);
        CrmRecord leadNow = lead(n, phone(n), SYNCED_AT);
        Snapshot base = new Snapshot(before.fields(), leadNow.fields());
        return new Pair(base, Optional.of(contact(n, phone(n + 1), CHANGED_AT)), Optional.of(leadNow));
    }

    private static CrmRecord contact(long n, String phone, Instant at) {
        return new CrmRecord(RecordRef.hubspotContact(Long.toString(1_000_000_000L + n)), at, Map.of(
                "email", "p" + n + "@engine.example", "firstname", "Engine", "lastname", "Person " + n,
                "company", "Engine Co", "phone", phone, "lifecyclestage", "marketingqualifiedlead"));
    }

    private static CrmRecord lead(long n, String phone, Instant at) {
        return new CrmRecord(RecordRef.salesforce("Lead", String.format(Locale.ROOT, "00Q%015d", n)), at, Map.of(
                "Email", "p" + n + "@engine.example", "FirstName", "Engine", "LastName", "Person " + n,
                "Company", "Engine Co", "Phone", phone, "Status", "Open - Not Contacted", "Lifecycle_Stage__c", "MQL"));
    }

    private static String phone(long n) {
        return String.format(Locale.ROOT, "+1 555 %07d", n % 10_000_000);
    }
}
