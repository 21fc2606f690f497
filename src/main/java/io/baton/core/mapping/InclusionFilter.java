package io.baton.core.mapping;

import io.baton.core.record.CrmRecord;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which HubSpot contacts take part in the sync: those at or past {@code minStage} on the lifecycle's
 * forward path and matching every condition. An excluded contact is counted with its reason, not
 * reported as an error.
 *
 * @param stageProperty the HubSpot property holding the lifecycle stage
 */
public record InclusionFilter(String stageProperty, LifecycleValueMap lifecycle, Optional<String> minStage,
                              List<Condition> conditions) {

    /** How a condition compares; values compare trimmed and case-insensitively. */
    public enum Operator { EQUALS, NOT_EQUALS, IS_SET, IS_BLANK }

    /** One property condition: {@code equals}/{@code not-equals} any of {@code values}, or presence. */
    public record Condition(String property, Operator operator, List<String> values) {
        public Condition {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
        }

        boolean holdsFor(CrmRecord contact) {
            Optional<String> value = contact.value(property).map(v -> v.strip().toLowerCase(Locale.ROOT));
            boolean anyEqual = value.isPresent()
                    && values.stream().anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(value.get()));
            return switch (operator) {
                case EQUALS -> anyEqual;
                case NOT_EQUALS -> !anyEqual;
                case IS_SET -> value.isPresent();
                case IS_BLANK -> value.isEmpty();
            };
        }

        @Override
        public String toString() {
            String op = operator.name().toLowerCase(Locale.ROOT).replace('_', '-');
            return property + " " + op + (values.isEmpty() ? "" : " " + values);
        }
    }

    /** Whether a contact takes part, and why not when it does not. */
    public record Decision(boolean included, String reason) {
        static final Decision IN = new Decision(true, "included");

        static Decision out(String reason) {
            return new Decision(false, reason);
        }
    }

    public InclusionFilter {
        Objects.requireNonNull(stageProperty, "stageProperty");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(minStage, "minStage");
        conditions = List.copyOf(conditions);
        minStage.ifPresent(name -> {
            if (lifecycle.forwardIndex(name).isEmpty()) {
                throw new IllegalArgumentException("min-stage '" + name + "' is not a forward lifecycle stage");
            }
        });
    }

    /** A filter that lets every contact through. */
    public static InclusionFilter everyone() {
        return new InclusionFilter("lifecyclestage", new LifecycleValueMap(List.of()), Optional.empty(), List.of());
    }

    /** The HubSpot properties this filter reads. */
    public List<String> properties() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        minStage.ifPresent(s -> names.add(stageProperty));
        conditions.forEach(c -> names.add(c.property()));
        return List.copyOf(names);
    }

    /** Whether {@code contact} (a HubSpot contact) takes part in the sync. */
    public Decision evaluate(CrmRecord contact) {
        if (minStage.isPresent()) {
            Optional<String> value = contact.value(stageProperty).map(String::strip);
            if (value.isEmpty()) {
                return Decision.out("no lifecycle stage; needs at least " + minStage.get());
            }
            Optional<LifecycleStage> stage = lifecycle.byHubspot(value.get());
            if (stage.isEmpty()) {
                return Decision.out("unknown lifecycle stage '" + value.get() + "'");
            }
            Optional<Integer> at = lifecycle.forwardIndex(stage.get().name());
            if (at.isEmpty()) {
                return Decision.out("stage " + stage.get().name() + " is off the forward path");
            }
            if (at.get() < lifecycle.forwardIndex(minStage.get()).orElseThrow()) {
                return Decision.out("stage " + stage.get().name() + " is before " + minStage.get());
            }
        }
        for (Condition condition : conditions) {
            if (!condition.holdsFor(contact)) {
                return Decision.out("condition not met: " + condition);
            }
        }
        return Decision.IN;
    }
}
