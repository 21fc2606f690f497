package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** lifecycle.yml {@code handoff.assign: round-robin}: the users take turns; one that is no active user is skipped. */
class HandoffRoundRobinEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("round-robin");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.lifecycle.handoff.assign", () -> "round-robin");
        registry.add("baton.lifecycle.handoff.users[0]", () -> "ann@corp.example");
        registry.add("baton.lifecycle.handoff.users[1]", () -> "gone@corp.example");
        registry.add("baton.lifecycle.handoff.users[2]", () -> "bob@corp.example");
    }

    @Test
    void newLeadsGoToTheListedUsersInTurnAndTheTurnCarriesOnAcrossPages() {
        String ann = sandbox.salesforce().org().seedUser("ann@corp.example", "Ann", "Ames");
        String bob = sandbox.salesforce().org().seedUser("bob@corp.example", "Bob", "Berg");
        List<String> first = List.of(people.hubspotMql("p1@rr.example", Map.of()),
                people.hubspotMql("p2@rr.example", Map.of()), people.hubspotMql("p3@rr.example", Map.of()));
        sync.syncUntilQuiet(5);
        String fourth = people.hubspotMql("p4@rr.example", Map.of());
        sync.syncUntilQuiet(5);

        assertThat(first).extracting(this::ownerOfLead).containsExactly(ann, bob, ann);
        assertThat(ownerOfLead(fourth)).isEqualTo(bob);
    }

    private Object ownerOfLead(String contact) {
        return people.salesforce(links.findByHubSpotId(contact).orElseThrow().salesforceId().orElseThrow())
                .get("OwnerId");
    }
}
