package io.baton.core.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The writes that make a record show a stage, compared with what the record holds, and the record
 * as it will be once they land (so the decision can say what each side will read as).
 */
final class StageProjection {

    /** HubSpot writes: property → value ("" clears), and whether {@code lifecyclestage} must be cleared first. */
    record HubSpotWrites(Map<String, String> values, boolean clearFirst) {
    }

    private final StageReading reading;
    private final LifecycleFields fields;

    StageProjection(StageReading reading, LifecycleFields fields) {
        this.reading = reading;
        this.fields = fields;
    }

    HubSpotWrites hubspot(Stage stage, HubSpotFacts facts, Optional<String> reason) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<String> target = reading.hubspotValue(stage);
        boolean clearFirst = false;
        if (target.isPresent() && !target.equals(facts.lifecycleStage())) {
            values.put(fields.hubspotProperty(), target.get());
            clearFirst = facts.lifecycleStage().filter(current -> reading.hubspotBackward(current, target.get())).isPresent();
        }
        Optional<String> shown = target.or(facts::lifecycleStage);
        if (!stage.hubspotLeadStatus().isEmpty()) {
            if (facts.leadStatus().filter(stage.hubspotLeadStatus()::contains).isEmpty()) {
                values.put(fields.hubspotLeadStatusProperty(), stage.hubspotLeadStatus().get(0));
            }
        } else if (facts.leadStatus().isPresent()) {
            // A status left from another stage (BAD_TIMING after recycled → lead) would keep reading as
            // that stage; clear it, but only then: a rep's working status is theirs to keep.
            boolean pulls = !named(reading.read(new HubSpotFacts(shown, facts.leadStatus(), Optional.empty())), stage);
            boolean clearedReads = named(reading.read(new HubSpotFacts(shown, Optional.empty(), Optional.empty())), stage);
            if (pulls && clearedReads) {
                values.put(fields.hubspotLeadStatusProperty(), "");
            }
        }
        reason.ifPresent(r -> fields.hubspotReasonProperty().filter(p -> !facts.reason().equals(reason))
                .ifPresent(p -> values.put(p, r)));
        return new HubSpotWrites(values, clearFirst);
    }

    /**
     * Salesforce writes. Lead Status is written only on an unconverted Lead and only when it is not
     * already one the stage lists; it cannot be cleared (a required picklist), so a stage listing
     * none leaves it alone. A converted Lead is never written (B.8).
     */
    Map<String, String> salesforce(Stage stage, SalesforceFacts facts, Optional<String> reason) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!facts.writable()) {
            return values;
        }
        fields.salesforceField().ifPresent(field -> stage.salesforce().filter(v -> !facts.stageField().equals(Optional.of(v)))
                .ifPresent(v -> values.put(field, v)));
        if (!facts.converted() && !stage.salesforceLeadStatus().isEmpty()
                && facts.leadStatus().filter(stage.salesforceLeadStatus()::contains).isEmpty()) {
            values.put(fields.salesforceLeadStatusField(), stage.salesforceLeadStatus().get(0));
        }
        reason.ifPresent(r -> fields.salesforceReasonField().filter(f -> !facts.reason().equals(reason))
                .ifPresent(f -> values.put(f, r)));
        return values;
    }

    HubSpotFacts applied(HubSpotFacts facts, Map<String, String> writes) {
        return new HubSpotFacts(
                after(writes, fields.hubspotProperty(), facts.lifecycleStage()),
                after(writes, fields.hubspotLeadStatusProperty(), facts.leadStatus()),
                fields.hubspotReasonProperty().map(p -> after(writes, p, facts.reason())).orElse(facts.reason()));
    }

    SalesforceFacts applied(SalesforceFacts facts, Map<String, String> writes) {
        Optional<String> stageField = fields.salesforceField().map(f -> after(writes, f, facts.stageField()))
                .orElse(facts.stageField());
        Optional<String> reason = fields.salesforceReasonField().map(f -> after(writes, f, facts.reason()))
                .orElse(facts.reason());
        return new SalesforceFacts(facts.type(), stageField,
                after(writes, fields.salesforceLeadStatusField(), facts.leadStatus()), facts.converted(),
                facts.opportunity(), reason);
    }

    private static Optional<String> after(Map<String, String> writes, String key, Optional<String> before) {
        return writes.containsKey(key) ? Optional.of(writes.get(key)) : before;
    }

    static boolean named(Optional<Stage> stage, Stage expected) {
        return stage.map(Stage::name).filter(expected.name()::equals).isPresent();
    }
}
