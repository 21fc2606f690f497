package io.baton.core.leakage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the configured rules to one {@link LeadSnapshot} at {@code now}. Each rule first decides
 * whether its condition holds and from when its SLA runs; the finding is due once the SLA has run
 * out on the rule's calendar, and reaches level 2 at the rule's escalation multiple of it (twice by default).
 */
public final class LeakDetector {

    private final List<LeakRule> rules;

    public LeakDetector(List<LeakRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<LeakRule> rules() {
        return rules;
    }

    /** The stages some rule watches in the store (every kind but mql-not-in-salesforce, which reads HubSpot). */
    public List<String> watchedStages() {
        return rules.stream().filter(r -> r.kind() != LeakKind.MQL_NOT_IN_SALESFORCE).map(LeakRule::stage)
                .distinct().toList();
    }

    /** Every finding of every rule on {@code lead} at {@code now}, in rule order. */
    public List<LeakFinding> findings(LeadSnapshot lead, Instant now) {
        List<LeakFinding> found = new ArrayList<>();
        for (LeakRule rule : rules) {
            finding(rule, lead, now).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /** The finding of one rule, when its condition holds and its SLA has run out. */
    public static Optional<LeakFinding> finding(LeakRule rule, LeadSnapshot lead, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!rule.stage().equals(lead.stage())) {
            return Optional.empty();
        }
        Optional<Condition> condition = condition(rule, lead);
        if (condition.isEmpty()) {
            return Optional.empty();
        }
        Instant start = condition.get().slaFrom();
        Instant due = rule.calendar().addBusinessTime(start, rule.sla());
        if (now.isBefore(due)) {
            return Optional.empty();
        }
        Instant twice = rule.calendar().addBusinessTime(start, rule.escalationSla());
        int level = now.isBefore(twice) ? 1 : 2;
        Duration waited = rule.calendar().businessTimeBetween(start, now);
        String overdue = rule.calendar().wallClockMode() ? human(waited) + " waiting"
                : waited.toHours() + "h" + (waited.toMinutesPart() > 0 ? " " + waited.toMinutesPart() + "m" : "")
                + " business time waiting";
        return Optional.of(new LeakFinding(lead, rule, due, level,
                condition.get().cause() + " (" + overdue + ", SLA " + human(rule.sla()) + ")"));
    }

    /** The rule's condition on the record holds, with the SLA running from {@code slaFrom}. */
    private record Condition(Instant slaFrom, String cause) {
    }

    private static Optional<Condition> condition(LeakRule rule, LeadSnapshot lead) {
        Instant entered = lead.stageEnteredAt();
        return switch (rule.kind()) {
            case MQL_NOT_ACCEPTED -> lead.lastWorkedAt().filter(at -> at.isAfter(entered)).isPresent()
                    ? Optional.empty()
                    : Optional.of(new Condition(entered, "not accepted: no owner change, activity or status change in "
                            + lead.stage() + lead.ownerEmail().map(e -> " (owner " + e + ")").orElse("")));
            case MQL_NOT_IN_SALESFORCE -> lead.notInSalesforce()
                    .map(why -> new Condition(entered, "not in Salesforce: " + why.describe()));
            case UNOWNED -> lead.inSalesforce() && (lead.owner() == LeadSnapshot.OwnerState.QUEUE
                    || lead.owner() == LeadSnapshot.OwnerState.INACTIVE_USER)
                    ? Optional.of(new Condition(entered, (lead.owner() == LeadSnapshot.OwnerState.QUEUE
                            ? "owned by a queue" : "owned by an inactive user")
                            + lead.ownerId().map(id -> " (" + id + ")").orElse("")))
                    : Optional.empty();
            case STALE -> {
                Instant since = lead.latestActivity().filter(at -> at.isAfter(entered)).orElse(entered);
                yield Optional.of(new Condition(since, lead.latestActivity()
                        .map(at -> "stale: last activity " + at).orElse("stale: no activity") + " in " + lead.stage()));
            }
            case RECYCLED_WITHOUT_NURTURE -> {
                PropertyCondition nurture = rule.nurture().orElseThrow();
                yield nurture.holdsFor(lead.hubspotProperty(nurture.property()))
                        ? Optional.empty()
                        : Optional.of(new Condition(entered, "recycled but not in nurture (" + nurture + " does not hold)"));
            }
            case DISQUALIFIED_WITHOUT_REASON -> lead.stageReason().filter(r -> !r.isBlank()).isPresent()
                    ? Optional.empty()
                    : Optional.of(new Condition(entered, "disqualified without a reason"));
        };
    }

    /** {@code 2d 3h}, {@code 45m}: durations as people read them. */
    static String human(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append('d');
        }
        if (hours > 0) {
            sb.append(sb.isEmpty() ? "" : " ").append(hours).append('h');
        }
        if (minutes > 0 || sb.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : " ").append(minutes).append('m');
        }
        return sb.toString();
    }
}
