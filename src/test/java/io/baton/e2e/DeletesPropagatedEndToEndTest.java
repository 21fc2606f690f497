package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.store.LinkStatus;
import io.baton.store.RecordLink;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code deletes: propagate} both ways: a delete on one side deletes the other and ends the pair. */
class DeletesPropagatedEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("deletes_propagated");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.mappings.deletes.hubspot-to-salesforce", () -> "propagate");
        registry.add("baton.mappings.deletes.salesforce-to-hubspot", () -> "propagate");
    }

    private RecordLink pairOf(String hubspotId) {
        sync.syncUntilQuiet(5);
        return links.findByHubSpotId(hubspotId).orElseThrow();
    }

    @Test
    void aContactArchivedInHubSpotDeletesItsSalesforceLeadAndIsNotRecreated() {
        String contact = people.hubspotMql("gone.hs@deletes.example", Map.of());
        RecordLink link = pairOf(contact);
        String lead = link.salesforceId().orElseThrow();

        sandbox.hubspot().store().archive(contact);
        int ended = sync.scanHubSpotArchives();
        sync.syncUntilQuiet(5);

        assertThat(ended).isEqualTo(1);
        assertThat(people.salesforce(lead).get("IsDeleted")).isEqualTo(true);
        assertThat(links.findById(link.id()).orElseThrow().status()).isEqualTo(LinkStatus.DELETED);
        assertThat(people.salesforceByEmail("Lead", "gone.hs@deletes.example")).isEmpty();
        assertThat(sync.scanHubSpotArchives()).as("a second scan finds nothing left to end").isZero();
    }

    @Test
    void aLeadDeletedInSalesforceArchivesItsHubSpotContact() {
        String contact = people.hubspotMql("gone.sf@deletes.example", Map.of());
        RecordLink link = pairOf(contact);

        people.afterTheLastSyncedMillisecond();
        sandbox.salesforce().org().deleteAsRep(link.salesforceId().orElseThrow());
        sync.syncUntilQuiet(5);

        assertThat(people.hubspotContact(contact)).isEmpty();
        assertThat(sandbox.hubspot().store().archivedContact(contact)).isPresent();
        assertThat(links.findById(link.id()).orElseThrow().status()).isEqualTo(LinkStatus.DELETED);
    }
}
