package io.baton.config;

import io.baton.config.LeakageProperties.Kind;
import io.baton.config.LeakageProperties.Rule;
import java.util.Optional;

/**
 * What a leak rule needs besides a known stage and a positive SLA (checked in {@link ReferenceChecks}
 * and on the record): a nurture condition exactly where the kind reads one, values where the
 * condition compares, and a HubSpot value for the stage an mql-not-in-salesforce rule searches.
 */
final class LeakageRuleChecks {

    private LeakageRuleChecks() {
    }

    static void check(LeakageProperties leakage, LifecycleProperties lifecycle, Problems problems) {
        for (int i = 0; i < leakage.rules().size(); i++) {
            Rule rule = leakage.rules().get(i);
            String key = "baton.leakage.rules[" + i + "]";
            if (rule.kind() == Kind.RECYCLED_WITHOUT_NURTURE && rule.nurture() == null) {
                problems.add(key + ".nurture", "missing: recycled-without-nurture needs the HubSpot property "
                        + "condition that means 'enrolled in nurture', e.g. property: hs_email_optout, "
                        + "operator: not-equals, values: [\"true\"]");
            }
            if (rule.nurture() != null && rule.kind() != null && rule.kind() != Kind.RECYCLED_WITHOUT_NURTURE) {
                problems.add(key + ".nurture", "only a recycled-without-nurture rule reads a nurture condition");
            }
            if (rule.nurture() != null && rule.nurture().values().isEmpty()
                    && (rule.nurture().operator() == MappingsProperties.Operator.EQUALS
                    || rule.nurture().operator() == MappingsProperties.Operator.NOT_EQUALS)) {
                problems.add(key + ".nurture.values", "missing: '" + PropertyKeys.kebab(rule.nurture().operator().name())
                        + "' compares with values; list at least one");
            }
            if (rule.kind() == Kind.MQL_NOT_IN_SALESFORCE && lifecycle != null && rule.stage() != null
                    && hubspotValue(lifecycle, rule.stage()).isEmpty() && lifecycle.stageNames().contains(rule.stage())) {
                problems.add(key + ".stage", "stage '" + rule.stage() + "' has no HubSpot value in config/lifecycle.yml, "
                        + "so HubSpot cannot be searched for it");
            }
        }
    }

    private static Optional<String> hubspotValue(LifecycleProperties lifecycle, String stage) {
        return java.util.stream.Stream.concat(lifecycle.stages().stream(), lifecycle.exits().stream())
                .filter(s -> stage.equals(s.name())).map(LifecycleProperties.Stage::hubspot)
                .filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
