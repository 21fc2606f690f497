package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 3's volume case, too slow for the normal suite (run with {@code ./mvnw verify -Psoak}):
 * 25,000 HubSpot contacts changed inside one minute — far past search's 10,000-result cap, many
 * sharing a millisecond — all reach Salesforce exactly once, with HubSpot's search limit on.
 */
@Tag("soak")
class SearchCapSoakTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("soak");
    private static final int CONTACTS = 25_000;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.sync.max-pages-per-run", () -> 1_000);
    }

    @Test
    void twentyFiveThousandChangesInOneMinuteAllReachSalesforceExactlyOnce() {
        Random random = new Random(25);
        Instant minute = sandbox.clock().instant().minus(Duration.ofMinutes(5));
        for (int i = 0; i < CONTACTS; i++) {
            Instant at = minute.plusMillis(random.nextInt(60_000));
            sandbox.hubspot().store().seedContact(Map.of("email", "p" + i + "@soak.example", "lastname", "P" + i,
                    "company", "Soak Inc", "lifecyclestage", SandboxPeople.MQL), at, at);
        }
        long started = System.nanoTime();

        sync.syncUntilQuiet(5);

        var leads = sandbox.salesforce().org().liveRows("Lead");
        Set<Object> hubspotIds = new HashSet<>();
        leads.forEach(l -> hubspotIds.add(l.get("Baton_HubSpot_Id__c")));
        assertThat(deadLetters.listOpen(5)).isEmpty();
        assertThat(leads).hasSize(CONTACTS);
        assertThat(hubspotIds).hasSize(CONTACTS);
        SandboxPeople.Calls calls = new SandboxPeople(sandbox).calls();
        System.out.printf("soak: %,d contacts synced in %.1f s; HubSpot searches %d, Salesforce writes %d, total calls %d%n",
                CONTACTS, (System.nanoTime() - started) / 1e9, calls.hubspotSearches(), calls.salesforceWrites(),
                calls.total());
        assertThat(calls.salesforceWrites()).isLessThanOrEqualTo(CONTACTS / 200 + 10);
    }
}
