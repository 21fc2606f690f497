package io.baton.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.CreationPolicy;
import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.InclusionFilter;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.mapping.Transform;
import io.baton.core.mapping.ValueMap;
import io.baton.core.record.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random interleaved edits on both sides over several sync rounds, each round reconciled and its
 * plan applied as the writers would: the plan never echoes, never writes what the target already
 * holds, and leaves both sides agreeing as the rules say.
 */
class ReconcilerProperties {

    static final List<SyncModel.Spec> SPECS = List.of(
            new SyncModel.Spec("a", "A", SyncRule.TWO_WAY, SyncModel.Kind.PLAIN),
            new SyncModel.Spec("b", "B", SyncRule.TWO_WAY, SyncModel.Kind.MAPPED),
            new SyncModel.Spec("c", "C", SyncRule.PREFER_SALESFORCE_UNLESS_BLANK, SyncModel.Kind.PLAIN),
            new SyncModel.Spec("d", "D", SyncRule.PREFER_HUBSPOT_UNLESS_BLANK, SyncModel.Kind.MAPPED),
            new SyncModel.Spec("e", "E", SyncRule.ALWAYS_SALESFORCE, SyncModel.Kind.PLAIN),
            new SyncModel.Spec("f", "F", SyncRule.ALWAYS_HUBSPOT, SyncModel.Kind.TRANSFORMED),
            new SyncModel.Spec("g", "G", SyncRule.NONE, SyncModel.Kind.PLAIN),
            new SyncModel.Spec("h", "H", SyncRule.TWO_WAY, SyncModel.Kind.TRANSFORMED));

    static Mappings mappings(Side tieBreaker) {
        List<FieldMapping> fields = SPECS.stream().map(s -> {
            FieldMapping f = FieldMapping.of(s.hubspot(), s.salesforce(), s.rule());
            return switch (s.kind()) {
                case PLAIN -> f;
                case MAPPED -> f.withValueMap("vm");
                case TRANSFORMED -> f.withTransforms(Transform.TRIM_VALUE, Transform.LOWER);
            };
        }).toList();
        ValueMap vm = new ValueMap("vm", List.of(new ValueMap.Pair("x1", "X"), new ValueMap.Pair("x2", "X"),
                new ValueMap.Pair("x3", "Y")));
        return new Mappings(fields, tieBreaker, Map.of("vm", vm), InclusionFilter.everyone(),
                CreationPolicy.of(CreationPolicy.Mode.ALWAYS_LEAD));
    }

    @Provide
    Arbitrary<SyncModel.Scenario> scenarios() {
        Arbitrary<List<Integer>> values = Arbitraries.integers().between(0, 4).list().ofSize(SPECS.size());
        Arbitrary<SyncModel.Edit> edit = Combinators.combine(Arbitraries.of(Side.values()),
                Arbitraries.integers().between(0, SPECS.size() - 1), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3)).as(SyncModel.Edit::new);
        return Combinators.combine(values, values, Arbitraries.of(true, false), Arbitraries.of(Side.values()),
                        edit.list().ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5))
                .as(SyncModel.Scenario::new);
    }

    @Property(tries = 400)
    void reReconcilingAfterTheWritesSendsNothing(@ForAll("scenarios") SyncModel.Scenario scenario) {
        SyncModel model = new SyncModel(mappings(scenario.tieBreaker()), scenario);
        model.sync(0);
        for (int round = 0; round < scenario.rounds().size(); round++) {
            model.edit(round);
            model.sync(round + 1);
            RecordPlan again = model.reconcile();
            assertThat(again.hasNoWrites()).as("echo after round %s: %s", round, again).isTrue();
            assertThat(again.conflicts()).isEmpty();
        }
    }

    @Property(tries = 400)
    void afterEachRoundBothSidesAgreeAndTheOwningSideWins(@ForAll("scenarios") SyncModel.Scenario scenario) {
        SyncModel model = new SyncModel(mappings(scenario.tieBreaker()), scenario);
        model.sync(0);
        for (int round = 0; round < scenario.rounds().size(); round++) {
            model.edit(round);
            Map<String, Optional<String>> hubspotBefore = model.values(Side.HUBSPOT);
            Map<String, Optional<String>> salesforceBefore = model.values(Side.SALESFORCE);
            Map<String, Optional<Side>> changedAlone = model.changedAloneSinceSync();
            model.sync(round + 1);
            for (SyncModel.Spec spec : SPECS) {
                if (spec.rule() == SyncRule.NONE) {
                    continue;
                }
                assertThat(model.agree(spec)).as("%s agrees after round %s", spec, round).isTrue();
                Optional<Side> owner = spec.rule().preferredSide();
                if (owner.isPresent()) {
                    Map<String, Optional<String>> before = owner.get() == Side.HUBSPOT ? hubspotBefore : salesforceBefore;
                    String field = owner.get() == Side.HUBSPOT ? spec.hubspot() : spec.salesforce();
                    boolean always = spec.rule() == SyncRule.ALWAYS_HUBSPOT || spec.rule() == SyncRule.ALWAYS_SALESFORCE;
                    if (always || before.get(field).isPresent()) {
                        assertThat(model.values(owner.get()).get(field)).as("%s keeps its owner's value", spec)
                                .isEqualTo(before.get(field));
                    }
                }
                Optional<Side> editor = changedAlone.get(spec.hubspot());
                if (spec.rule() == SyncRule.TWO_WAY && editor.isPresent()) {
                    Map<String, Optional<String>> before = editor.get() == Side.HUBSPOT ? hubspotBefore : salesforceBefore;
                    String field = editor.get() == Side.HUBSPOT ? spec.hubspot() : spec.salesforce();
                    assertThat(model.values(editor.get()).get(field)).as("%s: the only editor's value stays", spec)
                            .isEqualTo(before.get(field));
                }
            }
        }
    }

    @Property(tries = 400)
    void noWriteCarriesTheValueTheTargetAlreadyHolds(@ForAll("scenarios") SyncModel.Scenario scenario) {
        SyncModel model = new SyncModel(mappings(scenario.tieBreaker()), scenario);
        for (int round = 0; round <= scenario.rounds().size(); round++) {
            if (round > 0) {
                model.edit(round - 1);
            }
            RecordPlan plan = model.reconcile();
            for (Side side : Side.values()) {
                Map<String, Optional<String>> current = model.values(side);
                plan.writeTo(side).filter(w -> !w.isCreate()).ifPresent(w -> w.fields().forEach((field, value) ->
                        assertThat(Optional.of(value).filter(v -> !v.isBlank()))
                                .as("write %s=%s to %s", field, value, side).isNotEqualTo(current.get(field))));
            }
            model.apply(plan, round + 1);
            assertThat(plan.type()).isEqualTo(SalesforceType.LEAD);
        }
    }
}
