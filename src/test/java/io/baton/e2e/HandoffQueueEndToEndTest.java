package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** lifecycle.yml {@code handoff.assign: queue}: new Leads go to the named queue. */
class HandoffQueueEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("queue");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.lifecycle.handoff.assign", () -> "queue");
        registry.add("baton.lifecycle.handoff.queue", () -> "MQL_Queue");
    }

    @Test
    void newLeadsAreOwnedByTheQueueAndNothingFails() {
        Instant now = sandbox.clock().instant();
        String queue = sandbox.salesforce().org().seed("Group", Map.of("Name", "MQL Queue",
                "DeveloperName", "MQL_Queue", "Type", "Queue"), now, now);
        String contact = people.hubspotMql("q1@queue.example", Map.of());
        sync.syncUntilQuiet(5);

        String lead = links.findByHubSpotId(contact).orElseThrow().salesforceId().orElseThrow();
        assertThat(queue).startsWith("00G");
        assertThat(people.salesforce(lead).get("OwnerId")).isEqualTo(queue);
        assertThat(deadLetters.listOpen(5)).isEmpty();
    }
}
