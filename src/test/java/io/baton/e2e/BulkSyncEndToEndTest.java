package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.salesforce.SObjectRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Volume against the sandbox with HubSpot's published limits on: a backfill's API calls against the
 * batching minimum, and thousands of contacts sharing one lastmodifieddate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkSyncEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("bulk");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
    }

    @Test
    @Order(1)
    void aBackfillOfAThousandPeopleStaysNearTheBatchingMinimumOfApiCalls() {
        int each = 500;
        Instant start = sandbox.clock().instant().minus(Duration.ofHours(1));
        for (int i = 0; i < each; i++) {
            Instant at = start.plusMillis(i);
            sandbox.hubspot().store().seedContact(Map.of("email", "hs" + i + "@backfill.example", "firstname", "Hub",
                    "lastname", "Spot " + i, "company", "Initech", "lifecyclestage", SandboxPeople.MQL), at, at);
            sandbox.salesforce().org().seed("Lead", Map.of("Email", "sf" + i + "@backfill.example", "LastName", "Force " + i,
                    "Company", "Hooli", "Status", "Open - Not Contacted", "Lifecycle_Stage__c", "MQL"), at, at);
        }
        SandboxPeople.Calls before = people.calls();

        sync.syncUntilQuiet(10);

        SandboxPeople.Calls used = people.calls().minus(before);
        assertThat(deadLetters.listOpen(5)).isEmpty();
        assertThat(sandbox.salesforce().org().liveRows("Lead")).hasSize(2 * each);
        assertThat(sandbox.hubspot().store().count()).isEqualTo(2 * each);

        int records = 2 * each;
        long hubspotWritesMin = ceil(each, 100);          // the Salesforce-only half, created in HubSpot
        long salesforceWritesMin = ceil(each, 200);       // the HubSpot-only half, created in Salesforce
        long searchesMin = ceil(each, 100);               // reading the HubSpot half once
        long queriesMin = ceil(each, 2000) + 1;           // the Salesforce Leads once, Contacts (none) once
        long minimum = hubspotWritesMin + salesforceWritesMin + searchesMin + queriesMin;
        System.out.printf("""

                API calls for a backfill of %d people (%d HubSpot-only, %d Salesforce-only)
                | calls                   | Baton | minimum |
                |-------------------------|------:|--------:|
                | HubSpot search          | %5d | %7d |
                | HubSpot other reads     | %5d |       - |
                | HubSpot writes          | %5d | %7d |
                | Salesforce queries      | %5d | %7d |
                | Salesforce other reads  | %5d |       - |
                | Salesforce writes       | %5d | %7d |
                | other (auth, owners...) | %5d |       - |
                | total                   | %5d | %7d |
                | per synced record       | %.3f | %.4f |
                %n""", records, each, each,
                used.hubspotSearches(), searchesMin, used.hubspotOtherReads(), used.hubspotWrites(), hubspotWritesMin,
                used.salesforceQueries(), queriesMin, used.salesforceOtherReads(), used.salesforceWrites(), salesforceWritesMin,
                used.other(), used.total(), minimum, used.total() / (double) records, minimum / (double) records);

        // Sane bounds: never per-record calls, and within a few times the batching minimum.
        assertThat(used.total()).as("total calls %s", used).isLessThanOrEqualTo(4 * minimum);
        assertThat(used.hubspotWrites()).as("HubSpot writes").isLessThanOrEqualTo(2 * hubspotWritesMin);
        assertThat(used.salesforceWrites()).as("Salesforce writes").isLessThanOrEqualTo(ceil(each, 100));
    }

    @Test
    @Order(2)
    void fiveThousandContactsSharingOneLastModifiedDateAllSyncExactlyOnce() {
        int count = 5_000;
        people.afterTheLastSyncedMillisecond();
        Instant oneMillisecond = sandbox.clock().instant();
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < count; i++) {
            seeded.add(sandbox.hubspot().store().seedContact(Map.of("email", "import" + i + "@tie.example",
                    "lastname", "Import " + i, "company", "Bulk Co", "lifecyclestage", SandboxPeople.MQL),
                    oneMillisecond, oneMillisecond));
        }
        SandboxPeople.Calls before = people.calls();

        sync.syncUntilQuiet(10);

        SandboxPeople.Calls used = people.calls().minus(before);
        List<SObjectRecord> leads = sandbox.salesforce().org().liveRows("Lead").stream()
                .filter(r -> seeded.contains(r.string("Baton_HubSpot_Id__c"))).toList();
        assertThat(leads).hasSize(count);
        assertThat(leads.stream().map(r -> r.string("Baton_HubSpot_Id__c")).distinct()).hasSize(count);
        assertThat(sandbox.salesforce().org().liveRows("Lead").stream()
                .filter(r -> r.string("Email") != null && r.string("Email").endsWith("@tie.example"))).hasSize(count);
        System.out.printf("%n%d contacts in one millisecond: %d HubSpot searches, %d Salesforce write calls "
                        + "(%d/200 = %d; one call per 100-contact page = %d), %d calls in all%n%n",
                count, used.hubspotSearches(), used.salesforceWrites(), count, ceil(count, 200), ceil(count, 100),
                used.total());
        // A HubSpot page holds at most 100 contacts and is written before the next is read (DESIGN §1),
        // so the Salesforce creates go in at most one call per page.
        assertThat(used.salesforceWrites()).isLessThanOrEqualTo(ceil(count, 100));
    }

    private static long ceil(long n, long per) {
        return (n + per - 1) / per;
    }
}
