package io.baton.core.leakage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of config/leakage.yml: records of {@code kind} in {@code stage} are flagged once the SLA
 * has run out, counted on {@code calendar} (business hours, or wall clock).
 *
 * @param name     unique name of the rule, shown on flags
 * @param stage    the shared stage (config/lifecycle.yml) the rule watches
 * @param sla      how long a record may sit before it is a leak
 * @param calendar how the SLA is counted
 * @param nurture  for {@link LeakKind#RECYCLED_WITHOUT_NURTURE}: what "enrolled in nurture" means
 * @param escalateAt level 2 at this multiple of the SLA (leakage.yml escalation.multiple, default 2)
 */
public record LeakRule(String name, LeakKind kind, String stage, Duration sla, BusinessCalendar calendar,
                       Optional<PropertyCondition> nurture, double escalateAt) {

    /** The default escalation: level 2 at twice the SLA. */
    public static final double TWICE = 2.0;

    public LeakRule(String name, LeakKind kind, String stage, Duration sla, BusinessCalendar calendar,
                    Optional<PropertyCondition> nurture) {
        this(name, kind, stage, sla, calendar, nurture, TWICE);
    }

    /** How long past its start a finding reaches level 2. */
    public Duration escalationSla() {
        return Duration.ofMillis(Math.round(sla.toMillis() * escalateAt));
    }

    public LeakRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(nurture, "nurture");
        if (sla.isZero() || sla.isNegative()) {
            throw new IllegalArgumentException("rule " + name + ": the SLA must be longer than zero, was " + sla);
        }
        if (!(escalateAt > 1.0)) {
            throw new IllegalArgumentException("rule " + name + ": escalation must come after the SLA, was x" + escalateAt);
        }
        if (kind == LeakKind.RECYCLED_WITHOUT_NURTURE && nurture.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + ": recycled-without-nurture needs a nurture condition");
        }
    }

    public static LeakRule of(String name, LeakKind kind, String stage, Duration sla, BusinessCalendar calendar) {
        return new LeakRule(name, kind, stage, sla, calendar, Optional.empty());
    }
}
