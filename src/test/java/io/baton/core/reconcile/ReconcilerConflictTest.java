package io.baton.core.reconcile;

import static io.baton.core.reconcile.Pairs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcilerConflictTest {

    private static final FieldMapping PHONE = FieldMapping.of("phone", "Phone", SyncRule.TWO_WAY);
    private static final Snapshot BASE = new Snapshot(Map.of("phone", "111"), Map.of("Phone", "111"));

    private static RecordPlan reconcile(Side tieBreaker, Instant hubspotAt, Instant salesforceAt) {
        CrmRecord hs = new CrmRecord(RecordRef.hubspotContact("1"), T0.plusSeconds(99), Map.of("phone", "222"),
                Map.of("phone", hubspotAt)); // property history is more precise than the record's modstamp
        CrmRecord sf = Pairs.salesforce(salesforceAt, Map.of("Phone", "333"));
        return new Reconciler(Mappings.of(tieBreaker, List.of(PHONE)))
                .reconcile(BASE, Optional.of(hs), Optional.of(sf), SalesforceType.LEAD);
    }

    @Test
    void aRepsNewerSalesforceEditIsNotOverwrittenByAnOlderHubSpotValue() {
        RecordPlan plan = reconcile(Side.HUBSPOT, T0.plusSeconds(5), T0.plusSeconds(6));

        assertThat(plan.toSalesforce()).isEmpty();
        assertThat(plan.toHubspot().orElseThrow().fields()).containsExactly(Map.entry("phone", "333"));
        assertThat(plan.newSnapshot()).isEqualTo(new Snapshot(Map.of("phone", "333"), Map.of("Phone", "333")));
    }

    @Test
    void conflictCarriesTheBaseBothValuesTheWinnerTheRuleAndWhy() {
        Conflict conflict = reconcile(Side.SALESFORCE, T0.plusSeconds(7), T0.plusSeconds(6)).conflicts().get(0);

        assertThat(conflict.hubspotField()).isEqualTo("phone");
        assertThat(conflict.salesforceField()).isEqualTo("Phone");
        assertThat(conflict.baseValue()).contains("111");
        assertThat(conflict.hubspotValue()).contains("222");
        assertThat(conflict.salesforceValue()).contains("333");
        assertThat(conflict.winner()).isEqualTo(Side.HUBSPOT);
        assertThat(conflict.winningValue()).contains("222");
        assertThat(conflict.rule()).isEqualTo(SyncRule.TWO_WAY);
        assertThat(conflict.reason()).contains("both sides changed").contains("HubSpot's change").contains("newer");
    }

    @Test
    void simultaneousChangesGoToTheTieBreaker() {
        RecordPlan toSalesforce = reconcile(Side.SALESFORCE, T0, T0);
        RecordPlan toHubspot = reconcile(Side.HUBSPOT, T0, T0);

        assertThat(toSalesforce.conflicts().get(0).winner()).isEqualTo(Side.SALESFORCE);
        assertThat(toSalesforce.toHubspot().orElseThrow().fields()).containsEntry("phone", "333");
        assertThat(toSalesforce.conflicts().get(0).reason()).contains("tie-breaker");
        assertThat(toHubspot.conflicts().get(0).winner()).isEqualTo(Side.HUBSPOT);
        assertThat(toHubspot.toSalesforce().orElseThrow().fields()).containsEntry("Phone", "222");
    }

    @Test
    void blankingOnBothSidesIsAgreementNotAConflict() {
        CrmRecord hs = Pairs.hubspot(T0, Map.of("phone", " "));
        CrmRecord sf = Pairs.salesforce(T0, Map.of());

        RecordPlan plan = new Reconciler(Mappings.of(Side.SALESFORCE, List.of(PHONE)))
                .reconcile(BASE, Optional.of(hs), Optional.of(sf), SalesforceType.LEAD);

        assertThat(plan.hasNoWrites()).isTrue();
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.newSnapshot()).isEqualTo(Snapshot.EMPTY);
    }

    @Test
    void blankingIsAChangeThatWinsAConflictWhenNewer() {
        CrmRecord hs = Pairs.hubspot(T0.plusSeconds(9), Map.of("phone", ""));
        CrmRecord sf = Pairs.salesforce(T0.plusSeconds(1), Map.of("Phone", "333"));

        RecordPlan plan = new Reconciler(Mappings.of(Side.SALESFORCE, List.of(PHONE)))
                .reconcile(BASE, Optional.of(hs), Optional.of(sf), SalesforceType.LEAD);

        assertThat(plan.toSalesforce().orElseThrow().fields()).containsExactly(Map.entry("Phone", ""));
        assertThat(plan.conflicts()).singleElement().satisfies(c -> assertThat(c.hubspotValue()).isEmpty());
    }
}
