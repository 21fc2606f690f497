package io.baton.core.reconcile;

import static io.baton.core.reconcile.Pairs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.CreationPolicy;
import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.InclusionFilter;
import io.baton.core.mapping.LifecycleStage;
import io.baton.core.mapping.LifecycleValueMap;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.OwnerMapping;
import io.baton.core.mapping.OwnerMapping.Person;
import io.baton.core.mapping.RecordIssue;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.mapping.Transform;
import io.baton.core.mapping.ValueMap;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values reconciled through value maps, owners, lifecycle stages and transforms. */
class ReconcilerTranslationTest {

    private static final ValueMap LEAD_SOURCE = new ValueMap("lead-source", List.of(
            new ValueMap.Pair("ORGANIC_SEARCH", "Web"), new ValueMap.Pair("DIRECT_TRAFFIC", "Web"),
            new ValueMap.Pair("OFFLINE", "Phone Inquiry")));
    private static final Mappings MAPPINGS = new Mappings(List.of(
            FieldMapping.of("hs_analytics_source", "LeadSource", SyncRule.TWO_WAY).withValueMap("lead-source"),
            FieldMapping.of("hubspot_owner_id", "OwnerId", SyncRule.ALWAYS_HUBSPOT).withValueMap(Mappings.OWNERS),
            FieldMapping.of("lifecyclestage", "Lifecycle_Stage__c", SyncRule.TWO_WAY).withValueMap(Mappings.LIFECYCLE),
            FieldMapping.of("email", "Email", SyncRule.TWO_WAY).withTransforms(Transform.TRIM_VALUE, Transform.LOWER),
            FieldMapping.of("company", "Company", SyncRule.TWO_WAY).withTransforms(Transform.TRIM_VALUE, Transform.truncate(5))),
            Side.SALESFORCE,
            Map.of("lead-source", LEAD_SOURCE,
                    Mappings.OWNERS, OwnerMapping.of(OwnerMapping.Match.BY_EMAIL, Optional.of("int@x.com"), Optional.empty()),
                    Mappings.LIFECYCLE, new LifecycleValueMap(List.of(
                            LifecycleStage.forward("mql", "marketingqualifiedlead", "MQL"),
                            LifecycleStage.forward("sal", null, "SAL")))),
            InclusionFilter.everyone(), CreationPolicy.of(CreationPolicy.Mode.ALWAYS_LEAD))
            .withOwners(List.of(new Person("77", "Ann@X.com"), new Person("78", "nobody@x.com")),
                    List.of(new Person("005ANN", "ann@x.com"), new Person("005INT", "int@x.com")));
    private static final Reconciler RECONCILER = new Reconciler(MAPPINGS);

    private static RecordPlan reconcile(Snapshot base, Map<String, String> hs, Map<String, String> sf) {
        return RECONCILER.reconcile(base, Optional.of(Pairs.hubspot(T0, hs)), Optional.of(Pairs.salesforce(T0, sf)),
                SalesforceType.LEAD);
    }

    @Test
    void picklistValuesAreTranslatedOnTheWayOver() {
        Snapshot base = new Snapshot(Map.of("hs_analytics_source", "OFFLINE"), Map.of("LeadSource", "Phone Inquiry"));

        RecordPlan plan = reconcile(base, Map.of("hs_analytics_source", "ORGANIC_SEARCH"), Map.of("LeadSource", "Phone Inquiry"));

        assertThat(plan.toSalesforce().orElseThrow().fields()).containsExactly(Map.entry("LeadSource", "Web"));
    }

    @Test
    void aHubSpotValueSharingTheSalesforceValueIsNotOverwrittenByTheFirstPair() {
        RecordPlan plan = reconcile(Snapshot.EMPTY, Map.of("hs_analytics_source", "DIRECT_TRAFFIC"), Map.of("LeadSource", "Web"));

        assertThat(plan.hasNoWrites()).isTrue();
        assertThat(plan.conflicts()).isEmpty();
    }

    @Test
    void anUnmappedPicklistValueIsARecordErrorNamingFieldAndValueAndKeepsTheBase() {
        Snapshot base = new Snapshot(Map.of("hs_analytics_source", "OFFLINE"), Map.of("LeadSource", "Phone Inquiry"));

        RecordPlan plan = reconcile(base, Map.of("hs_analytics_source", "PAID_SOCIAL"), Map.of("LeadSource", "Phone Inquiry"));

        assertThat(plan.hasNoWrites()).isTrue();
        assertThat(plan.hasErrors()).isTrue();
        assertThat(plan.issues()).singleElement().satisfies(i -> {
            assertThat(i.field()).isEqualTo("hs_analytics_source");
            assertThat(i.message()).contains("PAID_SOCIAL").contains("lead-source");
        });
        assertThat(plan.newSnapshot()).isEqualTo(base);
    }

    @Test
    void ownersTranslateByEmailIgnoringCase() {
        RecordPlan plan = reconcile(Snapshot.EMPTY, Map.of("hubspot_owner_id", "77"), Map.of());

        assertThat(plan.toSalesforce().orElseThrow().fields()).containsExactly(Map.entry("OwnerId", "005ANN"));
        assertThat(plan.issues()).isEmpty();
    }

    @Test
    void anUnmatchedOwnerGetsTheFallbackOwnerWithAWarning() {
        RecordPlan plan = reconcile(Snapshot.EMPTY, Map.of("hubspot_owner_id", "78"), Map.of());

        assertThat(plan.toSalesforce().orElseThrow().fields()).containsExactly(Map.entry("OwnerId", "005INT"));
        assertThat(plan.issues()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(RecordIssue.Severity.WARNING);
            assertThat(i.message()).contains("78").contains("fallback owner int@x.com");
        });
        assertThat(plan.hasErrors()).isFalse();
    }

    @Test
    void aSalesforceStageHubSpotLacksShowsAsTheNearestEarlierStageWithoutAWriteWhenAlreadyThere() {
        Snapshot base = new Snapshot(Map.of("lifecyclestage", "marketingqualifiedlead"), Map.of("Lifecycle_Stage__c", "MQL"));

        RecordPlan plan = reconcile(base, Map.of("lifecyclestage", "marketingqualifiedlead"), Map.of("Lifecycle_Stage__c", "SAL"));

        assertThat(plan.hasNoWrites()).isTrue();
        assertThat(plan.newSnapshot().salesforce()).containsEntry("Lifecycle_Stage__c", "SAL");
    }

    @Test
    void transformsMakeCosmeticDifferencesNoChange() {
        Snapshot base = new Snapshot(Map.of("email", "ann@x.com"), Map.of("Email", "ann@x.com"));

        RecordPlan plan = reconcile(base, Map.of("email", "  Ann@X.com "), Map.of("Email", "ann@x.com"));

        assertThat(plan.hasNoWrites()).isTrue();
    }

    @Test
    void aTruncatedValueIsWrittenTrimmedWithAWarning() {
        RecordPlan plan = reconcile(Snapshot.EMPTY, Map.of("company", "Acme Corporation"), Map.of());

        assertThat(plan.toSalesforce().orElseThrow().fields()).containsExactly(Map.entry("Company", "Acme"));
        assertThat(plan.issues()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(RecordIssue.Severity.WARNING);
            assertThat(i.field()).isEqualTo("company");
            assertThat(i.message()).contains("truncated to 5");
        });
    }
}
