package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.store.LinkStatus;
import io.baton.store.RecordLink;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shipped delete policy ({@code archive-only} both ways): a delete on one side ends the pair
 * and deletes nothing on the other — in particular nothing in Salesforce — and later edits of the
 * surviving record are not synced to anyone.
 */
class DeletesByDefaultEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("deletes_default");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
    }

    @Test
    void aHubSpotArchiveEndsThePairAndKeepsTheSalesforceLead() {
        String contact = people.hubspotMql("kept.sf@default.example", Map.of());
        sync.syncUntilQuiet(5);
        RecordLink link = links.findByHubSpotId(contact).orElseThrow();
        String lead = link.salesforceId().orElseThrow();

        sandbox.hubspot().store().archive(contact);
        sync.scanHubSpotArchives();
        people.editInSalesforce(lead, Map.of("Title", "Still Here"));
        sync.syncUntilQuiet(5);

        assertThat(people.salesforce(lead).get("IsDeleted")).isEqualTo(false);
        assertThat(links.findById(link.id()).orElseThrow().status()).isEqualTo(LinkStatus.DELETED);
        assertThat(people.hubspotByEmail("kept.sf@default.example")).as("no contact re-created").isEmpty();
    }

    @Test
    void aSalesforceDeleteEndsThePairAndKeepsTheHubSpotContact() {
        String contact = people.hubspotMql("kept.hs@default.example", Map.of());
        sync.syncUntilQuiet(5);
        RecordLink link = links.findByHubSpotId(contact).orElseThrow();

        people.afterTheLastSyncedMillisecond();
        sandbox.salesforce().org().deleteAsRep(link.salesforceId().orElseThrow());
        sync.syncUntilQuiet(5);
        people.editInHubSpot(contact, Map.of("jobtitle", "Still Marketing"));
        sync.syncUntilQuiet(5);

        assertThat(people.hubspotContact(contact)).isPresent();
        assertThat(links.findById(link.id()).orElseThrow().status()).isEqualTo(LinkStatus.DELETED);
        assertThat(people.salesforceByEmail("Lead", "kept.hs@default.example")).as("no Lead re-created").isEmpty();
    }
}
