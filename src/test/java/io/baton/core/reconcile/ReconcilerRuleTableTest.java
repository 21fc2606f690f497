package io.baton.core.reconcile;

import static io.baton.core.reconcile.Pairs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule against every kind of edit, from a synced base of "a" on both sides. In "both changed"
 * HubSpot's change is the newer one. Expected writes: the value sent to HubSpot / Salesforce, "" for
 * a clear, null for no write.
 */
class ReconcilerRuleTableTest {

    enum Edit {
        NEITHER("a", "a"), ONLY_HUBSPOT("h", "a"), ONLY_SALESFORCE("a", "s"), BOTH_DIFFERENT("h", "s"),
        BOTH_SAME("x", "x"), HUBSPOT_BLANKED("", "a"), SALESFORCE_BLANKED("a", "");

        final String hubspot;
        final String salesforce;

        Edit(String hubspot, String salesforce) {
            this.hubspot = hubspot;
            this.salesforce = salesforce;
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row(SyncRule.TWO_WAY, Edit.NEITHER, null, null),
                row(SyncRule.TWO_WAY, Edit.ONLY_HUBSPOT, null, "h"),
                row(SyncRule.TWO_WAY, Edit.ONLY_SALESFORCE, "s", null),
                row(SyncRule.TWO_WAY, Edit.BOTH_DIFFERENT, null, "h"),
                row(SyncRule.TWO_WAY, Edit.BOTH_SAME, null, null),
                row(SyncRule.TWO_WAY, Edit.HUBSPOT_BLANKED, null, ""),
                row(SyncRule.TWO_WAY, Edit.SALESFORCE_BLANKED, "", null),

                row(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK, Edit.NEITHER, null, null),
                row(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK, Edit.ONLY_HUBSPOT, "a", null),
                row(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK, Edit.ONLY_SALESFORCE, "s", null),
                row(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK, Edit.BOTH_DIFFERENT, "s", null),
                row(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK, Edit.BOTH_SAME, null, null),
                row(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK, Edit.HUBSPOT_BLANKED, "a", null),
                row(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK, Edit.SALESFORCE_BLANKED, null, "a"),

                row(SyncRule.PREFER_HUBSPOT_UNLESS_BLANK, Edit.NEITHER, null, null),
                row(SyncRule.PREFER_HUBSPOT_UNLESS_BLANK, Edit.ONLY_HUBSPOT, null, "h"),
                row(SyncRule.PREFER_HUBSPOT_UNLESS_BLANK, Edit.ONLY_SALESFORCE, null, "a"),
                row(SyncRule.PREFER_HUBSPOT_UNLESS_BLANK, Edit.BOTH_DIFFERENT, null, "h"),
                row(SyncRule.PREFER_HUBSPOT_UNLESS_BLANK, Edit.BOTH_SAME, null, null),
                row(SyncRule.PREFER_HUBSPOT_UNLESS_BLANK, Edit.HUBSPOT_BLANKED, "a", null),
                row(SyncRule.PREFER_HUBSPOT_UNLESS_BLANK, Edit.SALESFORCE_BLANKED, null, "a"),

                row(SyncRule.ALWAYS_SALESFORCE, Edit.NEITHER, null, null),
                row(SyncRule.ALWAYS_SALESFORCE, Edit.ONLY_HUBSPOT, "a", null),
                row(SyncRule.ALWAYS_SALESFORCE, Edit.ONLY_SALESFORCE, "s", null),
                row(SyncRule.ALWAYS_SALESFORCE, Edit.BOTH_DIFFERENT, "s", null),
                row(SyncRule.ALWAYS_SALESFORCE, Edit.BOTH_SAME, null, null),
                row(SyncRule.ALWAYS_SALESFORCE, Edit.HUBSPOT_BLANKED, "a", null),
                row(SyncRule.ALWAYS_SALESFORCE, Edit.SALESFORCE_BLANKED, "", null),

                row(SyncRule.ALWAYS_HUBSPOT, Edit.NEITHER, null, null),
                row(SyncRule.ALWAYS_HUBSPOT, Edit.ONLY_HUBSPOT, null, "h"),
                row(SyncRule.ALWAYS_HUBSPOT, Edit.ONLY_SALESFORCE, null, "a"),
                row(SyncRule.ALWAYS_HUBSPOT, Edit.BOTH_DIFFERENT, null, "h"),
                row(SyncRule.ALWAYS_HUBSPOT, Edit.BOTH_SAME, null, null),
                row(SyncRule.ALWAYS_HUBSPOT, Edit.HUBSPOT_BLANKED, null, ""),
                row(SyncRule.ALWAYS_HUBSPOT, Edit.SALESFORCE_BLANKED, null, "a"),

                row(SyncRule.NONE, Edit.NEITHER, null, null),
                row(SyncRule.NONE, Edit.ONLY_HUBSPOT, null, null),
                row(SyncRule.NONE, Edit.ONLY_SALESFORCE, null, null),
                row(SyncRule.NONE, Edit.BOTH_DIFFERENT, null, null),
                row(SyncRule.NONE, Edit.BOTH_SAME, null, null),
                row(SyncRule.NONE, Edit.HUBSPOT_BLANKED, null, null),
                row(SyncRule.NONE, Edit.SALESFORCE_BLANKED, null, null));
    }

    private static Arguments row(SyncRule rule, Edit edit, String toHubspot, String toSalesforce) {
        return Arguments.of(rule, edit, toHubspot, toSalesforce);
    }

    @ParameterizedTest(name = "{0} with {1} writes HubSpot={2} Salesforce={3}")
    @MethodSource("table")
    void eachRuleWritesWhatItSaysAndThenSettles(SyncRule rule, Edit edit, String toHubspot, String toSalesforce) {
        Reconciler reconciler = new Reconciler(Mappings.of(Side.SALESFORCE, List.of(FieldMapping.of("jobtitle", "Title", rule))));
        Snapshot base = new Snapshot(Map.of("jobtitle", "a"), Map.of("Title", "a"));
        Optional<CrmRecord> hs = Optional.of(Pairs.hubspot(T0.plusSeconds(20), Map.of("jobtitle", edit.hubspot)));
        Optional<CrmRecord> sf = Optional.of(Pairs.salesforce(T0.plusSeconds(10), Map.of("Title", edit.salesforce)));

        RecordPlan plan = reconciler.reconcile(base, hs, sf, SalesforceType.LEAD);

        assertThat(plan.toHubspot().map(w -> w.fields().get("jobtitle"))).isEqualTo(Optional.ofNullable(toHubspot));
        assertThat(plan.toSalesforce().map(w -> w.fields().get("Title"))).isEqualTo(Optional.ofNullable(toSalesforce));
        assertThat(plan.conflicts()).hasSize(rule == SyncRule.TWO_WAY && edit == Edit.BOTH_DIFFERENT ? 1 : 0);
        assertThat(plan.issues()).isEmpty();

        RecordPlan again = reconciler.reconcile(plan.newSnapshot(), Pairs.apply(plan, Side.HUBSPOT, hs, T0.plusSeconds(30)),
                Pairs.apply(plan, Side.SALESFORCE, sf, T0.plusSeconds(30)), SalesforceType.LEAD);
        assertThat(again.hasNoWrites()).as("re-reconciling after the writes sends nothing").isTrue();
    }
}
