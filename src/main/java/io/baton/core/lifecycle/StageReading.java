package io.baton.core.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reading rules: which stage a record's values show. Kept apart from the policy so that the
 * projections can read back what they would write (a write is only useful when it reads as the
 * stage it was meant to show).
 */
final class StageReading {

    private final List<Stage> stages;
    private final List<Stage> forward;
    private final List<String> hubspotOrder;

    StageReading(LifecycleSpec spec) {
        this.stages = spec.stages();
        this.forward = spec.forward();
        List<String> order = new ArrayList<>();
        stages.forEach(s -> s.hubspot().filter(v -> !order.contains(v)).ifPresent(order::add));
        this.hubspotOrder = List.copyOf(order);
    }

    Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The stage the HubSpot value {@code lifecyclestage} names, refined by {@code hs_lead_status}
     * when the status belongs to a stage that HubSpot shows with that same value (sal, which
     * HubSpot lacks, shows as {@code marketingqualifiedlead} + IN_PROGRESS); a status that belongs to
     * an exit wins whatever {@code lifecyclestage} says, because reps mark a bad lead by status.
     */
    Optional<Stage> read(HubSpotFacts facts) {
        Optional<Stage> byStatus = facts.leadStatus()
                .flatMap(v -> stages.stream().filter(s -> s.hubspotLeadStatus().contains(v)).findFirst());
        if (byStatus.isPresent() && (byStatus.get().exit() || hubspotValue(byStatus.get()).equals(facts.lifecycleStage()))) {
            return byStatus;
        }
        // Several stages may share a value (recycled shows as lead + BAD_TIMING): the first one owns it.
        return facts.lifecycleStage().flatMap(v -> stages.stream().filter(s -> s.hubspot().equals(Optional.of(v))).findFirst());
    }

    /**
     * The stage a Salesforce record shows. The signals come in priority order — the opportunity's
     * state, then conversion, then Lead Status — and the first that names a stage is weighed against
     * the stage field: the signal wins when it is an exit or further forward, the field wins when it
     * is an exit or further forward. So a rep's Disqualified on a converted Contact is read, and a
     * won opportunity is read even while the field still says Opportunity.
     *
     * <p>Every new Lead gets a default Status ({@code Open - Not Contacted}, API-REFERENCE B.8)
     * whatever its stage; a Status listed for no stage is therefore ignored, and a listed one never
     * pulls the record back behind its stage field.
     */
    Optional<Stage> read(SalesforceFacts facts) {
        Optional<Stage> signal = facts.opportunity()
                .flatMap(o -> stages.stream().filter(s -> s.salesforceOpportunity().equals(Optional.of(o))).findFirst())
                .or(() -> facts.converted() ? stages.stream().filter(Stage::salesforceConverted).findFirst() : Optional.empty())
                .or(() -> facts.leadStatus()
                        .flatMap(v -> stages.stream().filter(s -> s.salesforceLeadStatus().contains(v)).findFirst()));
        Optional<Stage> field = facts.stageField()
                .flatMap(v -> stages.stream().filter(s -> s.salesforce().equals(Optional.of(v))).findFirst());
        if (signal.isEmpty() || field.isEmpty()) {
            return signal.or(() -> field);
        }
        Stage sig = signal.get();
        Stage fld = field.get();
        if (sig.exit() || sig.isForwardOf(fld)) {
            return signal;
        }
        return field;
    }

    /**
     * The {@code lifecyclestage} value that shows {@code stage}: its own, else (forward stages) the
     * nearest earlier forward stage's; an exit without one leaves {@code lifecyclestage} alone.
     */
    Optional<String> hubspotValue(Stage stage) {
        if (stage.hubspot().isPresent() || stage.exit()) {
            return stage.hubspot();
        }
        for (int i = stage.order() - 1; i >= 0; i--) {
            if (forward.get(i).hubspot().isPresent()) {
                return forward.get(i).hubspot();
            }
        }
        return Optional.empty();
    }

    /**
     * Whether setting {@code lifecyclestage} from {@code current} to {@code target} goes backward in
     * HubSpot's order (the forward stages' values, then the exits', in config order). An unknown
     * current value (a custom pipeline's id) counts as backward: clearing first is harmless.
     */
    boolean hubspotBackward(String current, String target) {
        int from = hubspotOrder.indexOf(current);
        return from < 0 || hubspotOrder.indexOf(target) < from;
    }
}
