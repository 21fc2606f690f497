package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.admin.ConnectionCheck;
import io.baton.admin.ConnectionChecks;
import io.baton.resilience.ApiGuards;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Salesforce's daily allowance and session against the sandbox: a spent allocation pauses the
 * sync (health and {@code baton_sync_paused} say so) and it resumes by itself, losing nothing,
 * once the org has budget again; an expired session mid-run is renewed and the sync converges.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceBudgetEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("budget");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.resilience.recheck", () -> "1ms"); // a paused system is asked again at every poll
    }

    @Autowired
    ConnectionChecks checks;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApiGuards guards;

    /** Seeded a little in the past, by Baton's clock (not the sandbox's, which a test may move on). */
    private void seedHubSpot(String prefix, int count) {
        Instant at = java.time.Instant.now().minus(Duration.ofMinutes(5));
        for (int i = 0; i < count; i++) {
            sandbox.hubspot().store().seedContact(Map.of("email", prefix + i + "@budget.example", "firstname", "Budget",
                    "lastname", prefix + " " + i, "company", "Initech", "lifecyclestage", SandboxPeople.MQL), at, at);
        }
    }

    private double paused(String system) {
        return meters.get("baton.sync.paused").tag("system", system).gauge().value();
    }

    @Test
    @Order(1)
    void anExpiredSessionMidRunIsRenewedAndTheSyncConverges() {
        seedHubSpot("early", 150);
        sync.syncUntilQuiet(10);
        assertThat(sandbox.salesforce().org().liveRows("Lead")).hasSize(150);

        sandbox.clock().advance(sandbox.salesforce().settings().tokenLifetime().plusMinutes(1));
        seedHubSpot("late", 150);
        sync.syncUntilQuiet(10);

        assertThat(sandbox.salesforce().org().liveRows("Lead")).as("synced after the session expired").hasSize(300);
        assertThat(deadLetters.listOpen(5)).isEmpty();
        assertThat(checks.salesforce().ok()).isTrue();
    }

    @Test
    @Order(2)
    void aSpentAllocationPausesTheSyncAndItResumesWhenBudgetIsBack() {
        seedHubSpot("spent", 1000);
        long usedSoFar = guards.salesforce().allocation().used(); // the rolling day remembers the first test
        long allocation = usedSoFar + 10;
        sandbox.salesforce().resetBudget(2 * allocation); // Baton may use half
        checks.salesforce();                               // Baton reads /limits, as it does periodically

        sync.syncUntilQuiet(20);

        long leadsWhilePaused = sandbox.salesforce().org().liveRows("Lead").size();
        assertThat(leadsWhilePaused).as("paused before the backfill finished").isLessThan(1300);
        assertThat(sandbox.salesforce().budget().used()).as("Baton stayed within its allocation")
                .isLessThanOrEqualTo(10);
        assertThat(guards.salesforce().allocation().used()).isEqualTo(allocation);
        ConnectionCheck health = checks.salesforce();
        assertThat(health.ok()).as("a spent budget is not DOWN").isTrue();
        assertThat(health.details()).containsEntry("paused", true).containsEntry("budgetAllocated", allocation)
                .containsKeys("pausedWhy", "pausedUntil", "circuit", "budgetUsed");
        assertThat(paused("salesforce")).isEqualTo(1);

        sandbox.salesforce().resetBudget(100_000);
        // Waits out the 1 ms recheck interval: a recheck in the same millisecond (the gauge read above
        // makes one) would leave the pause standing for this whole pass.
        await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ofMillis(2)).until(() -> true);
        sync.syncUntilQuiet(20);

        assertThat(paused("salesforce")).isZero();
        assertThat(checks.salesforce().details()).containsEntry("paused", false);
        assertThat(sandbox.salesforce().org().liveRows("Lead")).as("nothing lost").hasSize(1300);
        assertThat(deadLetters.listOpen(5)).isEmpty();
        assertThat(meters.get("baton.api.calls").tag("system", "salesforce").counter().count()).isPositive();
    }
}
