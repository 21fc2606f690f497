package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.CreationPolicy;
import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.OwnerMapping.Person;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.mapping.Transform;
import io.baton.core.reconcile.Reconciler;
import io.baton.core.reconcile.RecordPlan;
import io.baton.core.reconcile.Snapshot;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;

class MappingsAssemblerTest {

    @TempDir
    Path dir;

    private MappingsProperties properties;
    private LifecycleProperties lifecycle;
    private Mappings mappings;

    @BeforeEach
    void bindShippedConfig() {
        Binder binder = Binder.get(new ConfigFixture(dir).environment());
        properties = binder.bindOrCreate("baton.mappings", MappingsProperties.class);
        lifecycle = binder.bindOrCreate("baton.lifecycle", LifecycleProperties.class);
        mappings = MappingsAssembler.assemble(properties, lifecycle);
    }

    private FieldMapping field(String hubspot) {
        return mappings.fields().stream().filter(f -> f.hubspot().equals(hubspot)).findFirst().orElseThrow();
    }

    private static CrmRecord contact(Map<String, String> fields) {
        return new CrmRecord(RecordRef.hubspotContact("1"), Instant.EPOCH, fields);
    }

    @Test
    void everyShippedFieldBecomesACoreMappingWithItsRuleTransformsAndObjects() {
        assertThat(mappings.fields()).extracting(FieldMapping::hubspot).containsExactly("email", "firstname", "lastname",
                "company", "phone", "jobtitle", "hubspot_owner_id", "lead_source");
        assertThat(field("email").transforms()).containsExactly(Transform.TRIM_VALUE, Transform.LOWER);
        assertThat(field("company").rule()).isEqualTo(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK);
        assertThat(field("company").transforms()).containsExactly(Transform.TRIM_VALUE, Transform.truncate(255));
        assertThat(field("company").appliesTo()).containsExactly(SalesforceType.LEAD);
        assertThat(field("hubspot_owner_id").valueMap()).contains(Mappings.OWNERS);
        assertThat(field("phone").appliesTo()).containsExactlyInAnyOrder(SalesforceType.LEAD, SalesforceType.CONTACT);
        assertThat(mappings.salesforceFields(SalesforceType.CONTACT)).doesNotContain("Company", "Status");
        assertThat(mappings.tieBreaker()).isEqualTo(Side.SALESFORCE);
    }

    @Test
    void theListsToReadIncludeThePropertiesTheInclusionFilterLooksAt() {
        assertThat(mappings.hubspotProperties()).contains("email", "lifecyclestage", "hs_email_optout");
        assertThat(mappings.salesforceFields(SalesforceType.LEAD)).contains("Email", "Company")
                .doesNotContain("Status", "Lifecycle_Stage__c");
    }

    @Test
    void theLifecycleFieldsAreReadBesideTheMappedOnes() {
        Mappings reading = mappings.alsoReading(List.of("hs_lead_status", "email"),
                Map.of(SalesforceType.LEAD, List.of("Status", "Lifecycle_Stage__c")));

        assertThat(reading.hubspotProperties()).containsOnlyOnce("email").contains("hs_lead_status");
        assertThat(reading.salesforceFields(SalesforceType.LEAD)).contains("Email", "Status", "Lifecycle_Stage__c");
        assertThat(reading.salesforceFields(SalesforceType.CONTACT)).doesNotContain("Status");
        assertThat(reading.withOwners(List.of(), List.of()).hubspotProperties()).contains("hs_lead_status");
    }

    @Test
    void picklistMapsTranslateWithTheFirstPairWinningGoingBack() {
        assertThat(mappings.translation("lead-source").orElseThrow().toSalesforce("lead_source", "DIRECT_TRAFFIC").value())
                .contains("Web");
    }

    @Test
    void theLifecycleMapUsesLifecycleYmlStages() {
        assertThat(MappingsAssembler.stages(lifecycle)).hasSize(9);
        assertThat(mappings.translation(Mappings.LIFECYCLE).orElseThrow().toHubspot("Lifecycle_Stage__c", "SAL").value())
                .contains("marketingqualifiedlead");
        assertThat(mappings.translation(Mappings.LIFECYCLE).orElseThrow().toSalesforce("lifecyclestage", "salesqualifiedlead").value())
                .contains("SQL");
    }

    @Test
    void theInclusionFilterNeedsMqlAndNoOptOut() {
        assertThat(mappings.inclusion().evaluate(contact(Map.of("lifecyclestage", "lead"))).included()).isFalse();
        assertThat(mappings.inclusion().evaluate(contact(Map.of("lifecyclestage", "marketingqualifiedlead"))).included()).isTrue();
        assertThat(mappings.inclusion().evaluate(contact(Map.of("lifecyclestage", "customer", "hs_email_optout", "true")))
                .reason()).contains("hs_email_optout");
    }

    @Test
    void theCreationPolicyMatchesAccountDomainsIgnoringFreeMail() {
        assertThat(mappings.creation().mode()).isEqualTo(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN);
        assertThat(mappings.creation().freeMailDomains()).contains("gmail.com");
        assertThat(MappingsAssembler.assemble(properties, lifecycle, java.util.Set.of("corp.example")).creation()
                .freeMailDomains()).containsExactly("corp.example");
    }

    @Test
    void anUnmatchedOwnerFallsBackToTheConfiguredIntegrationUser() {
        Mappings withOwners = mappings.withOwners(List.of(new Person("77", "rep@acme.com")),
                List.of(new Person("005INT", "Integration@example.com")));

        var out = withOwners.translation(Mappings.OWNERS).orElseThrow().toSalesforce("hubspot_owner_id", "77");

        assertThat(out.value()).contains("005INT");
        assertThat(out.issues()).singleElement().extracting(i -> i.message()).asString().contains("integration@example.com");
    }

    @Test
    void theShippedMappingsReconcileANewContactIntoALeadCreate() {
        CrmRecord hs = contact(Map.of("email", " Ann@Acme.COM", "lastname", "Lee", "company", "Acme",
                "lead_source", "OFFLINE", "lifecyclestage", "marketingqualifiedlead"));

        RecordPlan plan = new Reconciler(mappings).reconcile(Snapshot.EMPTY, Optional.of(hs), Optional.empty(), SalesforceType.LEAD);

        assertThat(plan.toSalesforce().orElseThrow().fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Email", "ann@acme.com", "LastName", "Lee", "Company", "Acme", "LeadSource", "Phone Inquiry"));
        assertThat(plan.issues()).isEmpty();
    }

    @Test
    void configuredFreeMailDomainsAreIgnoredBesideTheBuiltInOnes() {
        MappingsProperties withOwn = new MappingsProperties(null, null, null, List.of(" Corp-Mail.EXAMPLE "), null, null, null,
                List.of(new MappingsProperties.FieldMapping("email", "Email", MappingsProperties.MappingRule.TWO_WAY,
                        null, null, null)), null);

        CreationPolicy policy = MappingsAssembler.assemble(withOwn, lifecycle).creation();

        assertThat(policy.freeMailDomains()).contains("gmail.com", "corp-mail.example");
        assertThat(policy.decide(java.util.Optional.of("ann@corp-mail.example"), d -> java.util.Optional.of("001X"))
                .type()).isEqualTo(SalesforceType.LEAD);
    }

    @Test
    void directlyConstructedPropertiesWithDefaultsLeftOutAssembleToo() {
        MappingsProperties bare = new MappingsProperties(null, null, null, null, null, null, null,
                List.of(new MappingsProperties.FieldMapping("email", "Email", MappingsProperties.MappingRule.TWO_WAY,
                        null, null, null)), null);

        Mappings assembled = MappingsAssembler.assemble(bare, lifecycle);

        assertThat(assembled.fieldsFor(SalesforceType.CONTACT)).singleElement().extracting(FieldMapping::rule)
                .isEqualTo(SyncRule.TWO_WAY);
        assertThat(assembled.inclusion().minStage()).isEmpty();
        assertThat(assembled.tieBreaker()).isEqualTo(Side.SALESFORCE);
    }
}
