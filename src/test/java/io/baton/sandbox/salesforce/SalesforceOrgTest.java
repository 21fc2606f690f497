package io.baton.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.http.Faults;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.seed.SeedPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The org's test hooks: seeding, lead conversion, merge, rep edits; and the whole Sandbox seeding it. */
class SalesforceOrgTest {

    private final SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    private final SalesforceOrg org = new SalesforceOrg(clock, new Faults(1), "demo@baton.local");

    private String lead(String email) {
        return org.seed("Lead", Map.of("FirstName", "Ann", "LastName", "Lee", "Company", "Acme", "Email", email,
                "Phone", "555", "Baton_HubSpot_Id__c", "hs-" + email), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00.123Z"));
    }

    @Test
    void seedKeepsTheGivenTimestampsExactly() {
        SObjectRecord r = org.find(lead("a@x.com")).orElseThrow();
        assertThat(r.get("CreatedDate")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(r.get("SystemModstamp")).isEqualTo(Instant.parse("2026-02-01T00:00:00.123Z"));
        assertThat(r.get("LastModifiedDate")).isEqualTo(Instant.parse("2026-02-01T00:00:00.123Z"));
        assertThat(r.get("Status")).isEqualTo("Open - Not Contacted");
        org.setLastActivityDate(r.id(), LocalDate.of(2026, 2, 3));
        SObjectRecord after = org.find(r.id()).orElseThrow();
        assertThat(after.get("LastActivityDate")).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(after.get("SystemModstamp")).isEqualTo(r.get("SystemModstamp"));
    }

    @Test
    void convertLeadCreatesAccountContactOpportunityAndMarksTheLead() {
        String id = lead("c@x.com");
        clock.advance(Duration.ofMinutes(1));
        LeadConversion c = org.convertLead(id, true);
        SObjectRecord l = org.find(id).orElseThrow();
        assertThat(l.get("IsConverted")).isEqualTo(true);
        assertThat(l.get("Status")).isEqualTo("Closed - Converted");
        assertThat(l.get("ConvertedDate")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(l.get("ConvertedAccountId")).isEqualTo(c.accountId());
        assertThat(l.get("ConvertedContactId")).isEqualTo(c.contactId());
        assertThat(l.get("ConvertedOpportunityId")).isEqualTo(c.opportunityId().orElseThrow());
        assertThat(l.get("SystemModstamp")).isEqualTo(Instant.parse("2026-03-02T10:01:00Z"));
        assertThat(c.accountId()).startsWith("001");
        assertThat(c.contactId()).startsWith("003");
        SObjectRecord contact = org.find(c.contactId()).orElseThrow();
        assertThat(contact.get("Email")).isEqualTo("c@x.com");
        assertThat(contact.get("AccountId")).isEqualTo(c.accountId());
        assertThat(contact.get("Baton_HubSpot_Id__c")).isEqualTo("hs-c@x.com");
        assertThat(org.find(c.accountId()).orElseThrow().get("Name")).isEqualTo("Acme");
        SObjectRecord opp = org.find(c.opportunityId().get()).orElseThrow();
        assertThat(opp.get("StageName")).isEqualTo("Prospecting");
        assertThat(opp.get("IsClosed")).isEqualTo(false);
        assertThat(opp.get("Probability")).isEqualTo(10.0);
        assertThatThrownBy(() -> org.convertLead(id, false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void convertWithoutOpportunityLeavesConvertedOpportunityIdNull() {
        String id = lead("n@x.com");
        assertThat(org.convertLead(id, false).opportunityId()).isEmpty();
        assertThat(org.find(id).orElseThrow().get("ConvertedOpportunityId")).isNull();
    }

    @Test
    void mergeDeletesTheLoserWithMasterRecordIdAndBumpsBoth() {
        String master = lead("m@x.com");
        String loser = lead("l@x.com");
        clock.advance(Duration.ofSeconds(1));
        org.merge("Lead", master, loser);
        assertThat(org.find(loser).orElseThrow().isDeleted()).isTrue();
        assertThat(org.find(loser).orElseThrow().get("MasterRecordId")).isEqualTo(master);
        assertThat(org.find(master).orElseThrow().get("SystemModstamp")).isEqualTo(clock.instant());
        assertThat(org.liveRows("Lead")).extracting(SObjectRecord::id).containsExactly(master);
    }

    @Test
    void repEditsBumpModstampsAndSystemTouchesOnlySystemModstamp() {
        String id = lead("r@x.com");
        org.updateAsRep(id, Map.of("Title", "CFO"));
        assertThat(org.find(id).orElseThrow().get("LastModifiedDate")).isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(3));
        org.systemTouch(id);
        SObjectRecord r = org.find(id).orElseThrow();
        assertThat(r.get("SystemModstamp")).isEqualTo(clock.instant());
        assertThat((Instant) r.get("LastModifiedDate")).isBefore((Instant) r.get("SystemModstamp"));
    }

    @Test
    void theWholeSandboxSeedsLeadsUsersAndConversions() {
        SandboxSettings settings = SandboxSettings.forTests().withSeed(new SeedPlan(20, 30, 0.5, 3));
        try (Sandbox sandbox = Sandbox.start(settings)) {
            SalesforceOrg seeded = sandbox.salesforce().org();
            assertThat(seeded.rows("Lead")).hasSizeGreaterThanOrEqualTo(30);
            assertThat(seeded.rows("User")).hasSizeGreaterThan(1);
            assertThat(seeded.rows("Lead").stream().filter(r -> Boolean.TRUE.equals(r.get("IsConverted"))).count())
                    .isEqualTo(sandbox.seeded().convertedLeads());
            assertThat(sandbox.salesforce().baseUrl()).isEqualTo(sandbox.salesforceUrl());
        }
    }
}
