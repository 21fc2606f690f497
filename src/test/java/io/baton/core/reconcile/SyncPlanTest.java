package io.baton.core.reconcile;

import static io.baton.core.reconcile.Pairs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.RecordIssue;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.mapping.Transform;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncPlanTest {

    private static final Reconciler RECONCILER = new Reconciler(Mappings.of(Side.SALESFORCE, List.of(
            FieldMapping.of("email", "Email", SyncRule.TWO_WAY),
            FieldMapping.of("jobtitle", "Title", SyncRule.TWO_WAY).withTransforms(Transform.truncate(3)))));

    @Test
    void totalsCountWritesPerSideAndFieldConflictsIssuesAndExclusions() {
        Snapshot base = new Snapshot(Map.of("email", "a@x.com"), Map.of("Email", "a@x.com"));
        RecordPlan update = RECONCILER.reconcile(base, Optional.of(Pairs.hubspot(T0.plusSeconds(5), Map.of("email", "b@x.com"))),
                Optional.of(Pairs.salesforce(T0, Map.of("Email", "c@x.com"))), SalesforceType.LEAD);
        RecordPlan create = RECONCILER.reconcile(Snapshot.EMPTY,
                Optional.of(Pairs.hubspot(T0, Map.of("email", "d@x.com", "jobtitle", "Director"))), Optional.empty(),
                SalesforceType.LEAD);
        RecordPlan quiet = RECONCILER.reconcile(base, Optional.of(Pairs.hubspot(T0, Map.of("email", "a@x.com"))),
                Optional.of(Pairs.salesforce(T0, Map.of("Email", "a@x.com"))), SalesforceType.LEAD);

        SyncPlan plan = new SyncPlan(List.of(update, create, quiet),
                List.of(new SyncPlan.Exclusion(RecordRef.hubspotContact("9"), "stage lead is before mql")));

        assertThat(plan.updates(Side.SALESFORCE)).isEqualTo(1);
        assertThat(plan.creates(Side.SALESFORCE)).isEqualTo(1);
        assertThat(plan.writingTo(Side.HUBSPOT)).isEmpty();
        assertThat(plan.fieldWrites(Side.SALESFORCE)).containsExactly(Map.entry("Email", 2L), Map.entry("Title", 1L));
        assertThat(plan.fieldWriteCount(Side.SALESFORCE)).isEqualTo(3);
        assertThat(plan.conflicts()).hasSize(1);
        assertThat(plan.issueCount(RecordIssue.Severity.WARNING)).isEqualTo(1);
        assertThat(plan.issueCount(RecordIssue.Severity.ERROR)).isZero();
        assertThat(plan.failed()).isEmpty();
        assertThat(plan.excludedCount()).isEqualTo(1);
        assertThat(plan.hasNoWrites()).isFalse();
        assertThat(SyncPlan.of(List.of(quiet)).hasNoWrites()).isTrue();
    }
}
