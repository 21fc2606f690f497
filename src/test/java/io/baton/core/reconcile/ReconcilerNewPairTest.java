package io.baton.core.reconcile;

import static io.baton.core.reconcile.Pairs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.RecordIssue;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcilerNewPairTest {

    private static final Mappings MAPPINGS = Mappings.of(Side.SALESFORCE, List.of(
            FieldMapping.of("email", "Email", SyncRule.TWO_WAY),
            FieldMapping.of("phone", "Phone", SyncRule.TWO_WAY),
            FieldMapping.of("company", "Company", SyncRule.PREFER_SALESFORCE_UNLESS_BLANK).onlyFor(SalesforceType.LEAD),
            FieldMapping.of("hubspot_owner_id", "OwnerId", SyncRule.ALWAYS_SALESFORCE),
            FieldMapping.of("hs_analytics_source", "LeadSource", SyncRule.ALWAYS_HUBSPOT),
            FieldMapping.of("notes", "Description", SyncRule.NONE)));
    private static final Reconciler RECONCILER = new Reconciler(MAPPINGS);

    private static final CrmRecord HUBSPOT = Pairs.hubspot(T0, Map.of("email", "ann@acme.com", "phone", "",
            "company", "Acme", "hubspot_owner_id", "77", "hs_analytics_source", "OFFLINE", "notes", "hi"));

    @Test
    void aHubSpotContactWithoutSalesforceRecordCreatesOneWithEveryValueItsRuleLetsThrough() {
        RecordPlan plan = RECONCILER.reconcile(Snapshot.EMPTY, Optional.of(HUBSPOT), Optional.empty(), SalesforceType.LEAD);

        Write create = plan.toSalesforce().orElseThrow();
        assertThat(create.kind()).isEqualTo(Write.Kind.CREATE);
        assertThat(create.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Email", "ann@acme.com", "Company", "Acme", "LeadSource", "OFFLINE"));
        assertThat(plan.toHubspot()).isEmpty();
        assertThat(plan.newSnapshot().salesforce()).isEqualTo(create.fields());
        assertThat(plan.newSnapshot().hubspot()).containsEntry("hubspot_owner_id", "77").containsEntry("notes", "hi");
    }

    @Test
    void aContactCreateLeavesOutLeadOnlyFields() {
        RecordPlan plan = RECONCILER.reconcile(Snapshot.EMPTY, Optional.of(HUBSPOT), Optional.empty(), SalesforceType.CONTACT);

        assertThat(plan.toSalesforce().orElseThrow().fields()).doesNotContainKey("Company");
    }

    @Test
    void aSalesforceRecordWithoutHubSpotContactCreatesOneWithOwnerButNotMarketingOwnedFields() {
        CrmRecord sf = Pairs.salesforce(T0, Map.of("Email", "bo@acme.com", "OwnerId", "005A", "LeadSource", "Web"));

        RecordPlan plan = RECONCILER.reconcile(Snapshot.EMPTY, Optional.empty(), Optional.of(sf), SalesforceType.LEAD);

        assertThat(plan.toHubspot().orElseThrow().isCreate()).isTrue();
        assertThat(plan.toHubspot().orElseThrow().fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "email", "bo@acme.com", "hubspot_owner_id", "005A"));
    }

    @Test
    void aPairSeenForTheFirstTimeLetsTheNewerValueWinAndCopiesOneSidedValues() {
        CrmRecord hs = Pairs.hubspot(T0.plusSeconds(1), Map.of("email", "ann@acme.com", "phone", "555"));
        CrmRecord sf = Pairs.salesforce(T0.plusSeconds(2), Map.of("Email", "ann@acme.io"));

        RecordPlan plan = RECONCILER.reconcile(Snapshot.EMPTY, Optional.of(hs), Optional.of(sf), SalesforceType.LEAD);

        assertThat(plan.toHubspot().orElseThrow().fields()).containsEntry("email", "ann@acme.io");
        assertThat(plan.toSalesforce().orElseThrow().fields()).containsEntry("Phone", "555");
        assertThat(plan.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.winner()).isEqualTo(Side.SALESFORCE);
            assertThat(c.reason()).startsWith("new pair");
        });
    }

    @Test
    void aRecordSyncedBeforeAndNowMissingIsNotRecreated() {
        Snapshot base = new Snapshot(Map.of("email", "ann@acme.com"), Map.of("Email", "ann@acme.com"));

        RecordPlan plan = RECONCILER.reconcile(base, Optional.of(HUBSPOT), Optional.empty(), SalesforceType.LEAD);

        assertThat(plan.hasNoWrites()).isTrue();
        assertThat(plan.newSnapshot()).isEqualTo(base);
        assertThat(plan.issues()).singleElement().extracting(RecordIssue::severity).isEqualTo(RecordIssue.Severity.WARNING);
    }

    @Test
    void twoAbsentRecordsPlanNothing() {
        RecordPlan plan = RECONCILER.reconcile(Snapshot.EMPTY, Optional.empty(), Optional.empty(), SalesforceType.LEAD);

        assertThat(plan.hasNoWrites()).isTrue();
        assertThat(plan.issues()).isEmpty();
    }
}
