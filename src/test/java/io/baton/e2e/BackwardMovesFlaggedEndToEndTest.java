package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.RecordRef;
import io.baton.store.LeakFlag;
import io.baton.store.LeakFlagRepository;
import io.baton.store.LifecycleEvent;
import io.baton.store.LifecycleRepository;
import io.baton.store.RecordLink;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code backward-moves: flag}: a rep's backward move is refused and audited but left as the rep
 * made it, and a flag asks a person to settle it; the flag closes once the rep puts the stage back.
 */
class BackwardMovesFlaggedEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("backward-flag");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.lifecycle.backward-moves", () -> "flag");
    }

    @Autowired
    LifecycleRepository lifecycle;

    @Autowired
    LeakFlagRepository flags;

    @Test
    void aBackwardMoveIsLeftFlaggedAndTheFlagClosesWhenTheRepPutsItBack() {
        String contact = people.hubspotMql("hal@flagged.example", Map.of());
        sync.syncUntilQuiet(5);
        RecordLink link = links.findByHubSpotId(contact).orElseThrow();
        String lead = link.salesforceId().orElseThrow();

        people.editInSalesforce(lead, Map.of("Lifecycle_Stage__c", "Subscriber"));
        sync.syncUntilQuiet(5);

        assertThat(people.salesforce(lead).get("Lifecycle_Stage__c")).as("left as the rep set it").isEqualTo("Subscriber");
        assertThat(lifecycle.find(link.id()).orElseThrow().stage()).isEqualTo("mql");
        assertThat(lifecycle.events(link.id())).extracting(LifecycleEvent::outcome).contains(LifecycleEvent.Outcome.REFUSED);
        LeakFlag flag = flags.findOpen(RecordRef.hubspotContact(contact), "backward-move").orElseThrow();
        assertThat(flag.detail()).hasValueSatisfying(d -> assertThat(d).contains("backward"));
        SandboxPeople.Calls before = people.calls();
        sync.syncUntilQuiet(5);
        assertThat(people.calls().minus(before).salesforceWrites()).as("not corrected on a later pass").isZero();

        people.editInSalesforce(lead, Map.of("Lifecycle_Stage__c", "MQL"));
        sync.syncUntilQuiet(5);

        assertThat(flags.findOpen(RecordRef.hubspotContact(contact), "backward-move")).isEmpty();
        assertThat(lifecycle.find(link.id()).orElseThrow().stage()).isEqualTo("mql");
    }
}
