package io.baton.config;

import io.baton.config.MappingsProperties.FieldMapping;
import io.baton.config.MappingsProperties.SalesforceObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What no single record can check: names that refer to other parts of the configuration (stages,
 * value maps), transforms, fields mapped twice, and lifecycle values meaning two stages
 * ({@link LifecycleChecks}). Runs over the bound records; a record that could not be bound at all is
 * skipped (its problem is already reported).
 */
final class ReferenceChecks {

    static final List<String> TRANSFORMS = List.of("trim", "lower-case", "upper-case", "truncate:N");
    private static final Pattern TRUNCATE = Pattern.compile("truncate:(\\d+)");

    private ReferenceChecks() {
    }

    static void check(MappingsProperties mappings, LifecycleProperties lifecycle, LeakageProperties leakage,
                      Problems problems) {
        List<String> stages = lifecycle == null ? null : lifecycle.stageNames();
        if (lifecycle != null) {
            LifecycleChecks.check(lifecycle, stages, problems);
        }
        if (mappings != null) {
            mappings(mappings, stages, problems);
        }
        if (mappings != null && lifecycle != null) {
            ownedByTheLifecycle(mappings, lifecycle, problems);
        }
        if (leakage != null) {
            leakage(leakage, stages, problems);
            digests(leakage, problems);
            LeakageRuleChecks.check(leakage, lifecycle, problems);
        }
    }

    private static void mappings(MappingsProperties mappings, List<String> stages, Problems problems) {
        String prefix = "baton.mappings";
        if (mappings.include().minStage() != null) {
            stage(prefix + ".include.min-stage", mappings.include().minStage(), stages, problems);
        }
        for (int i = 0; i < mappings.include().conditions().size(); i++) {
            MappingsProperties.Condition c = mappings.include().conditions().get(i);
            boolean needsValues = c.operator() == MappingsProperties.Operator.EQUALS
                    || c.operator() == MappingsProperties.Operator.NOT_EQUALS;
            if (needsValues && c.values().isEmpty()) {
                problems.add(prefix + ".include.conditions[" + i + "].values",
                        "missing: '" + PropertyKeys.kebab(c.operator().name()) + "' compares with values; list at least one");
            }
        }
        Map<String, String> hubspotSeen = new HashMap<>();
        Map<String, String> salesforceSeen = new HashMap<>();
        List<String> valueMaps = new ArrayList<>(mappings.valueMaps().keySet());
        valueMaps.add(MappingsProperties.OWNERS_MAP);
        valueMaps.add(MappingsProperties.LIFECYCLE_MAP);
        for (int i = 0; i < mappings.fields().size(); i++) {
            FieldMapping field = mappings.fields().get(i);
            String key = prefix + ".fields[" + i + "]";
            if (field.valueMap() != null && !valueMaps.contains(field.valueMap())) {
                problems.add(key + ".value-map", "unknown value map '" + field.valueMap() + "'"
                        + DidYouMean.hint(field.valueMap(), valueMaps) + " (define it under baton.mappings.value-maps)");
            }
            for (int t = 0; t < field.transform().size(); t++) {
                transform(key + ".transform[" + t + "]", field.transform().get(t), problems);
            }
            twice(hubspotSeen, field.hubspot(), "HubSpot property '" + field.hubspot() + "'", key + ".hubspot", problems);
            for (SalesforceObject object : field.appliesTo()) {
                String sObject = object == SalesforceObject.LEAD ? mappings.objects().lead() : mappings.objects().contact();
                twice(salesforceSeen, sObject + "." + field.salesforce(),
                        "Salesforce field '" + sObject + "." + field.salesforce() + "'", key + ".salesforce", problems);
            }
        }
        mappings.valueMaps().forEach((name, pairs) -> ambiguous(prefix + ".value-maps." + name, pairs, problems));
    }

    /**
     * The stage fields (lifecyclestage, hs_lead_status, the stage picklist, Lead Status, the reason
     * fields) are moved by the lifecycle policy alone: a mapping of one would write against it.
     */
    private static void ownedByTheLifecycle(MappingsProperties mappings, LifecycleProperties lifecycle,
                                            Problems problems) {
        List<String> hubspot = new ArrayList<>(List.of(lifecycle.hubspotProperty(), lifecycle.hubspotLeadStatusProperty()));
        List<String> salesforce = new ArrayList<>(List.of(lifecycle.salesforceLeadStatusField()));
        if (lifecycle.salesforceField() != null && !lifecycle.salesforceField().isBlank()) {
            salesforce.add(lifecycle.salesforceField());
        }
        if (lifecycle.reasonFields() != null) {
            if (lifecycle.reasonFields().hubspot() != null) {
                hubspot.add(lifecycle.reasonFields().hubspot());
            }
            if (lifecycle.reasonFields().salesforce() != null) {
                salesforce.add(lifecycle.reasonFields().salesforce());
            }
        }
        for (int i = 0; i < mappings.fields().size(); i++) {
            FieldMapping field = mappings.fields().get(i);
            String key = "baton.mappings.fields[" + i + "]";
            if (hubspot.contains(field.hubspot())) {
                problems.add(key + ".hubspot", "'" + field.hubspot() + "' is moved by the shared lifecycle "
                        + "(config/lifecycle.yml); remove this mapping");
            } else if (salesforce.contains(field.salesforce())) {
                problems.add(key + ".salesforce", "'" + field.salesforce() + "' is moved by the shared lifecycle "
                        + "(config/lifecycle.yml); remove this mapping");
            }
        }
    }

    /**
     * One HubSpot value translating to two Salesforce values leaves the sync nothing to write
     * (several HubSpot values may share one Salesforce value: going back, the first pair wins).
     */
    private static void ambiguous(String key, List<MappingsProperties.ValuePair> pairs, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            MappingsProperties.ValuePair pair = pairs.get(i);
            String earlier = seen.putIfAbsent(pair.hubspot(), pair.salesforce());
            if (earlier != null && !earlier.equals(pair.salesforce())) {
                problems.add(key + "[" + i + "].hubspot", "HubSpot value '" + pair.hubspot() + "' already maps to '"
                        + earlier + "'; it cannot also map to '" + pair.salesforce() + "'");
            }
        }
    }

    /** A field mapped to two places would be written twice per sync, each write undoing the other. */
    private static void twice(Map<String, String> seen, String name, String label, String key, Problems problems) {
        if (name == null || name.isBlank() || name.endsWith(".null")) {
            return;
        }
        String earlier = seen.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), key);
        if (earlier != null && !earlier.equals(key)) {
            problems.add(key, label + " is mapped twice (also at " + earlier + ")");
        }
    }

    private static void transform(String key, String transform, Problems problems) {
        String t = transform.trim();
        if (t.equals("trim") || t.equals("lower-case") || t.equals("upper-case")) {
            return;
        }
        Matcher truncate = TRUNCATE.matcher(t);
        if (truncate.matches()) {
            if (Integer.parseInt(truncate.group(1)) < 1) {
                problems.add(key, "truncate needs a length of at least 1, as in 'truncate:40'");
            }
            return;
        }
        String hint = t.startsWith("truncate") ? " (write 'truncate:N', e.g. 'truncate:40')"
                : DidYouMean.hint(t, TRANSFORMS);
        problems.add(key, "unknown transform '" + t + "'" + (hint.isEmpty()
                ? " (one of " + String.join(", ", TRANSFORMS) + ")" : hint));
    }

    /** A digest's name keys when it last went out: two digests of one name would each suppress the other. */
    private static void digests(LeakageProperties leakage, Problems problems) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < leakage.digests().size(); i++) {
            String name = leakage.digests().get(i).name();
            String key = "baton.leakage.digests[" + i + "].name";
            String earlier = name == null ? null : names.putIfAbsent(name, key);
            if (earlier != null) {
                problems.add(key, "digest name '" + name + "' is used twice (also at " + earlier + ")");
            }
        }
    }

    private static void leakage(LeakageProperties leakage, List<String> stages, Problems problems) {
        String prefix = "baton.leakage";
        LeakageProperties.WorkingHours hours = leakage.calendar().workingHours();
        if (hours.start() != null && hours.end() != null && !hours.start().isBefore(hours.end())) {
            problems.add(prefix + ".calendar.working-hours.end", "must be after start (" + hours.start() + ")");
        }
        quietHours(leakage.quietHours(), problems);
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < leakage.rules().size(); i++) {
            LeakageProperties.Rule rule = leakage.rules().get(i);
            String key = prefix + ".rules[" + i + "]";
            stage(key + ".stage", rule.stage(), stages, problems);
            if (rule.name() != null) {
                String earlier = names.putIfAbsent(rule.name(), key + ".name");
                if (earlier != null) {
                    problems.add(key + ".name", "rule name '" + rule.name() + "' is used twice (also at " + earlier + ")");
                }
            }
        }
    }

    /** Quiet hours name both ends or neither; equal ends would mean all day or never, so neither is guessed. */
    private static void quietHours(LeakageProperties.QuietHours quiet, Problems problems) {
        String key = "baton.leakage.quiet-hours";
        if (problems.hasAtOrAbove(key + ".start") || problems.hasAtOrAbove(key + ".end")) {
            return;  // a time that did not convert is already reported
        }
        if (quiet.start() == null && quiet.end() != null) {
            problems.add(key + ".start", "missing: quiet hours need a start as well as an end (e.g. start: \"20:00\")");
        } else if (quiet.start() != null && quiet.end() == null) {
            problems.add(key + ".end", "missing: quiet hours need an end as well as a start (e.g. end: \"07:00\")");
        } else if (quiet.start() != null && quiet.start().equals(quiet.end())) {
            problems.add(key + ".end", "must differ from start (" + quiet.start() + "); for no quiet hours leave both out");
        }
    }

    static void stage(String key, String name, List<String> stages, Problems problems) {
        if (stages == null || name == null || name.isBlank() || stages.contains(name)) {
            return;
        }
        problems.add(key, "stage '" + name + "' is not defined in config/lifecycle.yml" + DidYouMean.hint(name, stages));
    }
}
