package io.baton.config;

import io.baton.core.lifecycle.AllowedMove;
import io.baton.core.lifecycle.BackwardMoves;
import io.baton.core.lifecycle.LifecycleFields;
import io.baton.core.lifecycle.LifecyclePolicy;
import io.baton.core.lifecycle.LifecycleSpec;
import io.baton.core.lifecycle.Stage;
import io.baton.core.record.Side;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the bound {@code baton.lifecycle.*} record into the core's {@link LifecyclePolicy}. The names
 * in it have been checked by {@link ReferenceChecks} at startup, so a bad name here is a programming
 * error and throws. Settings left out of a directly constructed record take their documented defaults.
 */
public final class LifecycleAssembler {

    private LifecycleAssembler() {
    }

    public static LifecyclePolicy assemble(LifecycleProperties lifecycle) {
        return new LifecyclePolicy(spec(lifecycle));
    }

    /** The pure spec the policy is built from. */
    public static LifecycleSpec spec(LifecycleProperties lifecycle) {
        List<Stage> forward = orEmpty(lifecycle.stages()).stream().map(s -> stage(s, Stage::forward)).toList();
        List<Stage> exits = orEmpty(lifecycle.exits()).stream().map(s -> stage(s, Stage::exit)).toList();
        LifecycleProperties.Moves moves = lifecycle.moves();
        List<AllowedMove> allowed = moves == null ? List.of() : orEmpty(moves.allowed()).stream()
                .map(m -> new AllowedMove(m.from(), m.to(), m.reasonRequired())).toList();
        BackwardMoves backward = lifecycle.backwardMoves() == LifecycleProperties.BackwardMoves.FLAG
                ? BackwardMoves.FLAG : BackwardMoves.CORRECT;
        LifecycleProperties.ReasonFields reasons = lifecycle.reasonFields();
        LifecycleFields defaults = LifecycleFields.defaults();
        LifecycleFields fields = new LifecycleFields(
                text(lifecycle.hubspotProperty()).orElse(defaults.hubspotProperty()),
                text(lifecycle.hubspotLeadStatusProperty()).orElse(defaults.hubspotLeadStatusProperty()),
                reasons == null ? Optional.empty() : text(reasons.hubspot()),
                lifecycle.salesforceField() == null ? defaults.salesforceField() : text(lifecycle.salesforceField()),
                text(lifecycle.salesforceLeadStatusField()).orElse(defaults.salesforceLeadStatusField()),
                reasons == null ? Optional.empty() : text(reasons.salesforce()));
        return new LifecycleSpec(forward, exits, moves == null || moves.allowSkip(), allowed, backward,
                Optional.ofNullable(lifecycle.tieBreaker()).orElse(Side.SALESFORCE), fields);
    }

    private static Stage stage(LifecycleProperties.Stage s, Function<String, Stage> kind) {
        Stage stage = kind.apply(s.name())
                .withHubSpot(text(s.hubspot()).orElse(null))
                .withHubSpotLeadStatus(orEmpty(s.hubspotLeadStatus()).stream().map(String::strip).toArray(String[]::new))
                .withSalesforce(text(s.salesforce()).orElse(null))
                .withSalesforceLeadStatus(orEmpty(s.salesforceLeadStatus()).stream().map(String::strip).toArray(String[]::new))
                .withSalesforceOpportunity(s.salesforceOpportunity());
        return s.salesforceConverted() ? stage.withSalesforceConverted() : stage;
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
