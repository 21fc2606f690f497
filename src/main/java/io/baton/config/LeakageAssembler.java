package io.baton.config;

import io.baton.core.leakage.BusinessCalendar;
import io.baton.core.leakage.LeakKind;
import io.baton.core.leakage.LeakRule;
import io.baton.core.leakage.PropertyCondition;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Turns the bound {@code baton.leakage} record into the core's calendar and rules. */
public final class LeakageAssembler {

    private LeakageAssembler() {
    }

    /** The business calendar of {@code calendar}. */
    public static BusinessCalendar calendar(LeakageProperties leakage) {
        LeakageProperties.Calendar c = leakage.calendar();
        return BusinessCalendar.of(c.timeZone(), EnumSet.copyOf(c.workingDays()), c.workingHours().start(),
                c.workingHours().end(), java.util.Set.copyOf(c.holidays()));
    }

    /** The rules, in file order, each on the business calendar or the wall clock. */
    public static List<LeakRule> rules(LeakageProperties leakage) {
        BusinessCalendar business = calendar(leakage);
        return leakage.rules().stream().map(r -> new LeakRule(r.name(), LeakKind.valueOf(r.kind().name()), r.stage(),
                r.sla(), r.businessHours() ? business : BusinessCalendar.wallClock(),
                Optional.ofNullable(r.nurture()).map(LeakageAssembler::condition), leakage.escalation().multiple()))
                .toList();
    }

    private static PropertyCondition condition(MappingsProperties.Condition c) {
        return new PropertyCondition(c.property(), PropertyCondition.Operator.valueOf(c.operator().name()), c.values());
    }
}
