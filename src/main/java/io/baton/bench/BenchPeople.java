package io.baton.bench;

import io.baton.sandbox.Sandbox;
import io.baton.sandbox.salesforce.SObjectRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The people a scenario syncs, put straight into the sandbox stores (not through the API, so the
 * sandbox counts only Baton's calls): {@code each} HubSpot MQL contacts and {@code each} Salesforce
 * MQL Leads, the first {@code shared} of them the same person on both sides (same email, same
 * names and phone). The sandbox's demo seeder mixes in converted leads, duplicates and excluded
 * stages on purpose; here every person must end up exactly once on each side, so the end state
 * can be checked exactly. The kill -9 crash test seeds and checks the same people.
 */
public final class BenchPeople {

    static final String DOMAIN = "@bench.example";
    private static final int PAGE = 1_000;

    private final Sandbox sandbox;
    private final int each;
    private final int shared;
    private final boolean interleaved;
    private final String[] hubspotIds;
    private final String[] salesforceIds;

    /** The shared people first in modification order, then the one-sided ones: the benchmark's backfill. */
    public BenchPeople(Sandbox sandbox, int each, double overlap) {
        this(sandbox, each, overlap, false);
    }

    /**
     * {@code interleaved}: the shared people spread evenly through the modification order, so
     * every page of either side needs writes on the other (the crash test, whose kills must land
     * in both CRMs' write windows from the first page on).
     */
    public BenchPeople(Sandbox sandbox, int each, double overlap, boolean interleaved) {
        this.sandbox = sandbox;
        this.each = each;
        this.interleaved = interleaved;
        this.shared = (int) Math.round(each * overlap);
        this.hubspotIds = new String[each];
        this.salesforceIds = new String[each];
    }

    /** The HubSpot contact id of seeded person {@code i}. */
    public String hubspotId(int i) {
        return hubspotIds[i];
    }

    /** The Salesforce Lead id of seeded person {@code i}. */
    public String salesforceId(int i) {
        return salesforceIds[i];
    }

    /** How many distinct people both sides hold once synced. */
    public int people() {
        return 2 * each - shared;
    }

    public int seeded() {
        return 2 * each;
    }

    public int shared() {
        return shared;
    }

    int hubspotOnly() {
        return each - shared;
    }

    int salesforceOnly() {
        return each - shared;
    }

    /** Seeds both sides, modified over the past hour, a millisecond apart (many share a second, none a millisecond). */
    public void seed() {
        Instant start = sandbox.clock().instant().minus(Duration.ofHours(1));
        for (int i = 0; i < each; i++) {
            Instant at = start.plusMillis(i);
            String hubspotPerson = isShared(i) ? "p" + i : "hs" + i;
            String salesforcePerson = isShared(i) ? "p" + i : "sf" + i;
            hubspotIds[i] = sandbox.hubspot().store().seedContact(Map.of("email", hubspotPerson + DOMAIN, "firstname", "Bench",
                    "lastname", "Person " + hubspotPerson, "company", "Bench Co", "phone", phone(i),
                    "lifecyclestage", "marketingqualifiedlead"), at, at);
            salesforceIds[i] = sandbox.salesforce().org().seed("Lead", Map.of("Email", salesforcePerson + DOMAIN, "FirstName", "Bench",
                    "LastName", "Person " + salesforcePerson, "Company", "Bench Co", "Phone", phone(i),
                    "Status", "Open - Not Contacted", "Lifecycle_Stage__c", "MQL"), at, at);
        }
    }

    /** Whether person {@code i} is on both sides: the first {@code shared}, or every (each/shared)-th when interleaved. */
    public boolean isShared(int i) {
        if (!interleaved) {
            return i < shared;
        }
        return Math.floorDiv((long) (i + 1) * shared, each) > Math.floorDiv((long) i * shared, each);
    }

    private static String phone(int i) {
        return String.format(Locale.ROOT, "+1 555 %07d", i);
    }

    /**
     * Empty when the sync came out right: every person once in HubSpot and once as a live Lead
     * (distinct emails on both sides), one active link each and no dead letter; else what is wrong.
     */
    public String problems(long activeLinks, long openDeadLetters) {
        StringBuilder wrong = new StringBuilder();
        int hubspotCount = sandbox.hubspot().store().count();
        List<SObjectRecord> leads = sandbox.salesforce().org().liveRows("Lead");
        Set<String> leadEmails = new HashSet<>();
        for (SObjectRecord lead : leads) {
            leadEmails.add(String.valueOf(lead.get("Email")).toLowerCase(Locale.ROOT));
        }
        Set<String> contactEmails = new HashSet<>();
        sandbox.hubspot().store().locked(() -> {
            for (long after = 0; ; ) {
                var page = sandbox.hubspot().store().page(false, after, PAGE);
                page.results().forEach(c -> contactEmails.add(String.valueOf(c.property("email")).toLowerCase(Locale.ROOT)));
                if (!page.more() || page.results().isEmpty()) {
                    return null;
                }
                after = Long.parseLong(page.results().get(page.results().size() - 1).id());
            }
        });
        expect(wrong, "HubSpot contacts", hubspotCount, people());
        expect(wrong, "Salesforce Leads", leads.size(), people());
        expect(wrong, "distinct Lead emails", leadEmails.size(), people());
        expect(wrong, "distinct HubSpot emails", contactEmails.size(), people());
        expect(wrong, "active links", activeLinks, people());
        expect(wrong, "open dead letters", openDeadLetters, 0);
        return wrong.toString();
    }

    private static void expect(StringBuilder wrong, String what, long actual, long expected) {
        if (actual != expected) {
            wrong.append(wrong.isEmpty() ? "" : "; ").append(what).append(' ').append(actual)
                    .append(" (expected ").append(expected).append(')');
        }
    }
}
