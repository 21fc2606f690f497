package io.baton.sync;

import io.baton.core.lifecycle.HubSpotFacts;
import io.baton.core.lifecycle.LifecycleDecision;
import io.baton.core.lifecycle.LifecycleFields;
import io.baton.core.lifecycle.LifecycleInput;
import io.baton.core.lifecycle.LifecyclePolicy;
import io.baton.core.lifecycle.OpportunityState;
import io.baton.core.lifecycle.SalesforceFacts;
import io.baton.core.lifecycle.Stage;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.reconcile.RecordPlan;
import io.baton.core.reconcile.Write;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.Side;
import io.baton.hubspot.HubSpotContact;
import io.baton.store.LifecycleState;
import io.baton.store.RecordLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared lifecycle inside a pair's sync: reads what each CRM shows, lets the
 * {@link LifecyclePolicy} decide (a move, a refusal, nothing), and folds the stage writes into the
 * pair's field writes so they go out in the same batches. The lifecycle fields are never in
 * mappings.yml, so nothing else writes them.
 */
final class LifecycleStep {

    /** Read on every Salesforce record: who changed it (the audit's actor) and the activity roll-up. */
    static final String LAST_MODIFIED_BY = "LastModifiedById";
    static final String LAST_ACTIVITY = "LastActivityDate";
    static final String OWNER = "OwnerId";
    /**
     * Not a Salesforce field: the state (OPEN, WON, LOST) of the opportunity a Contact's conversion
     * made, put on the Contact by the Opportunity stream so the lifecycle can read it.
     */
    static final String OPPORTUNITY = "baton:opportunity";

    private final LifecyclePolicy policy;
    private final LifecycleFields fields;

    LifecycleStep(LifecyclePolicy policy) {
        this.policy = policy;
        this.fields = policy.spec().fields();
    }

    /** A pair's plan with the stage writes folded in, and the decision to commit. */
    record Planned(RecordPlan plan, LifecycleDecision decision, boolean clearHubSpotStageFirst,
                   Optional<LifecycleState> before, Optional<Instant> movedAt) {
    }

    /** HubSpot properties the lifecycle reads, beside the mapped ones. */
    List<String> hubspotProperties() {
        List<String> names = new ArrayList<>(List.of(fields.hubspotProperty(), fields.hubspotLeadStatusProperty()));
        fields.hubspotReasonProperty().ifPresent(names::add);
        policy.spec().stages().stream().flatMap(s -> s.hubspot().stream()).distinct().map(HubSpotContact::stageEnteredProperty)
                .forEach(names::add);
        return List.copyOf(names);
    }

    /** Salesforce fields the lifecycle reads on {@code type}, beside the mapped ones. */
    List<String> salesforceFields(SalesforceType type) {
        Set<String> names = new LinkedHashSet<>();
        fields.salesforceField().ifPresent(names::add);
        if (type == SalesforceType.LEAD) {
            names.add(fields.salesforceLeadStatusField());
        }
        fields.salesforceReasonField().ifPresent(names::add);
        names.add(OWNER);
        names.add(LAST_MODIFIED_BY);
        names.add(LAST_ACTIVITY);
        return List.copyOf(names);
    }

    Planned plan(SyncPair pair, RecordPlan plan, Optional<LifecycleState> state) {
        Optional<HubSpotFacts> hubspot = hubspotFacts(pair, plan);
        Optional<SalesforceFacts> salesforce = salesforceFacts(pair, plan);
        LifecycleInput input = new LifecycleInput(state.map(LifecycleState::stage), state.flatMap(LifecycleState::reason),
                state.flatMap(LifecycleState::hubspotStage), state.flatMap(LifecycleState::salesforceStage),
                hubspot, salesforce,
                pair.hubspot().map(r -> r.changedAt(fields.hubspotProperty())).orElse(Instant.MIN),
                pair.salesforce().map(r -> fields.salesforceField().map(r::changedAt).orElse(r.modstamp()))
                        .orElse(Instant.MIN));
        LifecycleDecision decision = policy.decide(input);
        Optional<Write> toHubspot = fold(plan.toHubspot(), Side.HUBSPOT, pair.hubspot(), decision.hubspotWrites());
        Optional<Write> toSalesforce = fold(plan.toSalesforce(), Side.SALESFORCE, pair.salesforce(),
                decision.salesforceWrites());
        RecordPlan folded = new RecordPlan(plan.hubspot(), plan.salesforce(), plan.type(), toHubspot, toSalesforce,
                plan.newSnapshot(), plan.conflicts(), plan.issues());
        boolean clearFirst = decision.hubspotClearFirst() && pair.hubspot().isPresent()
                && toHubspot.filter(w -> !w.isCreate()).isPresent();
        return new Planned(folded, decision, clearFirst, state, movedAt(pair, decision));
    }

    /**
     * When the CRM that moved says the move happened: HubSpot stamps the day a contact entered each
     * lifecycle stage (hs_lifecyclestage_&lt;stage&gt;_date); otherwise the record's last change.
     * So an MQL found by a backfill keeps its real age, and its SLA is not restarted.
     */
    private Optional<Instant> movedAt(SyncPair pair, LifecycleDecision decision) {
        Optional<Side> source = decision.move().map(m -> m.source());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (source.get() == Side.HUBSPOT) {
            Optional<String> value = decision.stage().flatMap(policy::stage).flatMap(Stage::hubspot);
            return pair.hubspot().map(r -> value.flatMap(v -> r.value(HubSpotContact.stageEnteredProperty(v))).flatMap(LifecycleStep::instant)
                    .orElse(r.changedAt(fields.hubspotProperty())));
        }
        return pair.salesforce().map(r -> fields.salesforceField().map(r::changedAt).orElse(r.modstamp()));
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value))
                    : Instant.parse(value));
        } catch (RuntimeException e) {
            return Optional.empty(); // an unreadable stamp: fall back to the record's change time
        }
    }

    /** What {@code side} shows now, for remembering when its write did not land. */
    Optional<String> currentReading(SyncPair pair, Side side) {
        return (side == Side.HUBSPOT ? hubspotFacts(pair).flatMap(policy::read)
                : salesforceFacts(pair).flatMap(policy::read)).map(Stage::name);
    }

    private Optional<HubSpotFacts> hubspotFacts(SyncPair pair, RecordPlan plan) {
        if (pair.hubspot().isEmpty() && plan.toHubspot().filter(Write::isCreate).isPresent()) {
            return Optional.of(new HubSpotFacts(Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return hubspotFacts(pair);
    }

    private Optional<HubSpotFacts> hubspotFacts(SyncPair pair) {
        return pair.hubspot().map(r -> new HubSpotFacts(r.value(fields.hubspotProperty()),
                r.value(fields.hubspotLeadStatusProperty()), fields.hubspotReasonProperty().flatMap(r::value)));
    }

    private Optional<SalesforceFacts> salesforceFacts(SyncPair pair, RecordPlan plan) {
        if (pair.salesforce().isEmpty() && plan.toSalesforce().filter(Write::isCreate).isPresent()) {
            return Optional.of(new SalesforceFacts(pair.type(), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), Optional.empty()));
        }
        return salesforceFacts(pair);
    }

    private Optional<SalesforceFacts> salesforceFacts(SyncPair pair) {
        return pair.salesforce().map(r -> {
            boolean lead = pair.type() == SalesforceType.LEAD;
            // A Contact shows "converted" only when a Lead's conversion handed it the link: Salesforce
            // keeps that on the Lead alone (ConvertedContactId).
            boolean converted = lead ? r.value("IsConverted").map(Boolean::parseBoolean).orElse(false)
                    : pair.link().flatMap(RecordLink::convertedLeadId).isPresent();
            return new SalesforceFacts(pair.type(), fields.salesforceField().flatMap(r::value),
                    lead ? r.value(fields.salesforceLeadStatusField()) : Optional.empty(), converted,
                    r.value(OPPORTUNITY).map(OpportunityState::valueOf), fields.salesforceReasonField().flatMap(r::value));
        });
    }

    /** The Contact with the state of the opportunity its conversion made. */
    static CrmRecord withOpportunity(CrmRecord contact, String state) {
        Map<String, String> fields = new LinkedHashMap<>(contact.fields());
        fields.put(OPPORTUNITY, state);
        return new CrmRecord(contact.ref(), contact.modstamp(), fields, contact.fieldModstamps());
    }

    /** The pair's write to one side with the stage fields added (they win over nothing: no mapping has them). */
    private static Optional<Write> fold(Optional<Write> write, Side side, Optional<CrmRecord> record,
                                        Map<String, String> stageWrites) {
        if (stageWrites.isEmpty()) {
            return write;
        }
        if (write.isPresent()) {
            Map<String, String> merged = new LinkedHashMap<>(write.get().fields());
            merged.putAll(stageWrites);
            return Optional.of(new Write(side, write.get().kind(), merged));
        }
        return record.map(r -> new Write(side, Write.Kind.UPDATE, stageWrites));
    }
}
