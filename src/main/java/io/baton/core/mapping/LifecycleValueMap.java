package io.baton.core.mapping;

import java.util.List;
import java.util.Optional;

/**
 * Translates lifecycle stage values (the {@code lifecycle} value map) through the stages of
 * config/lifecycle.yml, forward stages first, in order. A Salesforce stage that HubSpot lacks
 * (e.g. {@code sal}) shows in HubSpot as the nearest earlier forward stage HubSpot knows; an exit
 * stage HubSpot lacks leaves HubSpot alone, with a warning. An unknown value is an error.
 */
public record LifecycleValueMap(List<LifecycleStage> stages) implements ValueTranslation {

    public LifecycleValueMap {
        stages = List.copyOf(stages);
    }

    /** The stage whose HubSpot value is {@code value}. */
    public Optional<LifecycleStage> byHubspot(String value) {
        return stages.stream().filter(s -> s.hubspot().filter(value::equals).isPresent()).findFirst();
    }

    /** The stage whose Salesforce value is {@code value}. */
    public Optional<LifecycleStage> bySalesforce(String value) {
        return stages.stream().filter(s -> s.salesforce().filter(value::equals).isPresent()).findFirst();
    }

    /** Position of the stage named {@code name} on the forward path; empty for exits and unknown names. */
    public Optional<Integer> forwardIndex(String name) {
        List<LifecycleStage> forward = stages.stream().filter(s -> !s.exit()).toList();
        for (int i = 0; i < forward.size(); i++) {
            if (forward.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public Translated toSalesforce(String field, String hubspotValue) {
        Optional<LifecycleStage> stage = byHubspot(hubspotValue);
        if (stage.isEmpty()) {
            return Translated.failure(RecordIssue.error(field, "HubSpot value '" + hubspotValue
                    + "' is not a lifecycle stage in lifecycle.yml"));
        }
        return stage.get().salesforce().map(Translated::of).orElseGet(() -> Translated.failure(
                RecordIssue.warning(field, "stage '" + stage.get().name()
                        + "' has no Salesforce value; Salesforce left unchanged")));
    }

    @Override
    public Translated toHubspot(String field, String salesforceValue) {
        Optional<LifecycleStage> stage = bySalesforce(salesforceValue);
        if (stage.isEmpty()) {
            return Translated.failure(RecordIssue.error(field, "Salesforce value '" + salesforceValue
                    + "' is not a lifecycle stage in lifecycle.yml"));
        }
        if (stage.get().hubspot().isPresent()) {
            return Translated.of(stage.get().hubspot().get());
        }
        Optional<Integer> at = forwardIndex(stage.get().name());
        List<LifecycleStage> forward = stages.stream().filter(s -> !s.exit()).toList();
        for (int i = at.orElse(-1) - 1; i >= 0; i--) {
            if (forward.get(i).hubspot().isPresent()) {
                return Translated.of(forward.get(i).hubspot().get());
            }
        }
        return Translated.failure(RecordIssue.warning(field, "stage '" + stage.get().name()
                + "' has no HubSpot value; HubSpot left unchanged"));
    }
}
