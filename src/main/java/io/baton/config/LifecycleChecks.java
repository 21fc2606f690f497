package io.baton.config;

import io.baton.config.LifecycleProperties.Assignment;
import io.baton.config.LifecycleProperties.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The cross-references inside config/lifecycle.yml (part of {@link ReferenceChecks}): stage names
 * used by moves and the handoff must exist, and every CRM value may mean one stage only, or reading
 * a record would depend on the order of the file.
 */
final class LifecycleChecks {

    private static final String PREFIX = "baton.lifecycle";

    private LifecycleChecks() {
    }

    static void check(LifecycleProperties lifecycle, List<String> stages, Problems problems) {
        if (lifecycle.stages().isEmpty()) {
            problems.add(PREFIX + ".stages", "no stages defined: list the lifecycle stages in order");
        }
        values(lifecycle, "name", s -> List.of(s.name()), problems);
        hubspotValues(lifecycle, problems);
        values(lifecycle, "salesforce", s -> s.salesforce() == null ? List.of() : List.of(s.salesforce()), problems);
        values(lifecycle, "hubspot-lead-status", Stage::hubspotLeadStatus, problems);
        values(lifecycle, "salesforce-lead-status", Stage::salesforceLeadStatus, problems);
        values(lifecycle, "salesforce-converted", s -> s.salesforceConverted() ? List.of("true") : List.of(), problems);
        values(lifecycle, "salesforce-opportunity", s -> s.salesforceOpportunity() == null ? List.of()
                : List.of(PropertyKeys.kebab(s.salesforceOpportunity().name())), problems);
        for (int i = 0; i < lifecycle.moves().allowed().size(); i++) {
            LifecycleProperties.Move move = lifecycle.moves().allowed().get(i);
            String key = PREFIX + ".moves.allowed[" + i + "]";
            for (int j = 0; j < move.from().size(); j++) {
                ReferenceChecks.stage(key + ".from[" + j + "]", move.from().get(j), stages, problems);
            }
            ReferenceChecks.stage(key + ".to", move.to(), stages, problems);
        }
        LifecycleProperties.Handoff handoff = lifecycle.handoff();
        ReferenceChecks.stage(PREFIX + ".handoff.stage", handoff.stage(), stages, problems);
        ReferenceChecks.stage(PREFIX + ".handoff.accepted-stage", handoff.acceptedStage(), stages, problems);
        if (handoff.assign() == Assignment.QUEUE && (handoff.queue() == null || handoff.queue().isBlank())) {
            problems.add(PREFIX + ".handoff.queue", "missing: assign is 'queue', so name the Salesforce queue");
        }
        if (handoff.assign() == Assignment.ROUND_ROBIN && handoff.users().isEmpty()) {
            problems.add(PREFIX + ".handoff.users", "missing: assign is 'round-robin', so list the users' emails");
        }
    }

    /** A value (a name, a picklist value, a signal) claimed by two stages, forward stages and exits alike. */
    private static void values(LifecycleProperties lifecycle, String what, Function<Stage, List<String>> of,
                               Problems problems) {
        Map<String, String> seen = new HashMap<>();
        forEachStage(lifecycle, (stage, key) -> {
            List<String> values = of.apply(stage);
            for (int v = 0; v < values.size(); v++) {
                String value = values.get(v);
                String at = key + "." + what + (isList(what) ? "[" + v + "]" : "");
                if (value == null || value.isBlank()) {
                    continue;
                }
                String earlier = seen.putIfAbsent(value.strip().toLowerCase(Locale.ROOT), at);
                if (earlier != null) {
                    problems.add(at, "'" + value.strip() + "' already means another stage (at " + earlier
                            + "): a value may mean one stage only");
                }
            }
        });
    }

    /**
     * HubSpot has fewer stages than the lifecycle, so a later stage may share an earlier one's
     * {@code lifecyclestage} value, but only when its lead statuses tell it apart.
     */
    private static void hubspotValues(LifecycleProperties lifecycle, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        forEachStage(lifecycle, (stage, key) -> {
            if (stage.hubspot() == null || stage.hubspot().isBlank()) {
                return;
            }
            String earlier = seen.putIfAbsent(stage.hubspot().strip(), key + ".hubspot");
            if (earlier != null && stage.hubspotLeadStatus().isEmpty()) {
                problems.add(key + ".hubspot", "'" + stage.hubspot().strip() + "' already means another stage (at "
                        + earlier + "): list hubspot-lead-status values that tell this stage apart");
            }
        });
    }

    private static boolean isList(String what) {
        return what.endsWith("lead-status");
    }

    private static void forEachStage(LifecycleProperties lifecycle, java.util.function.BiConsumer<Stage, String> action) {
        for (int i = 0; i < lifecycle.stages().size(); i++) {
            action.accept(lifecycle.stages().get(i), PREFIX + ".stages[" + i + "]");
        }
        for (int i = 0; i < lifecycle.exits().size(); i++) {
            action.accept(lifecycle.exits().get(i), PREFIX + ".exits[" + i + "]");
        }
    }
}
