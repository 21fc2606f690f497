package io.baton.core.leakage;

import static io.baton.core.leakage.Leads.OFFICE;
import static io.baton.core.leakage.Leads.berlin;
import static io.baton.core.leakage.Leads.mql;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.leakage.LeadSnapshot.Absence;
import io.baton.core.leakage.LeadSnapshot.NotInSalesforce;
import io.baton.core.leakage.LeadSnapshot.OwnerState;
import io.baton.core.record.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeakDetectorTest {

    private static final Instant FRIDAY_4PM = berlin("2026-03-06T16:00");

    private static final LeakRule NOT_ACCEPTED = LeakRule.of("mql-not-accepted", LeakKind.MQL_NOT_ACCEPTED, "mql",
            Duration.ofHours(4), OFFICE);
    private static final LeakRule NOT_IN_SALESFORCE = LeakRule.of("mql-missing", LeakKind.MQL_NOT_IN_SALESFORCE, "mql",
            Duration.ofMinutes(30), BusinessCalendar.wallClock());
    private static final LeakRule UNOWNED = LeakRule.of("unowned", LeakKind.UNOWNED, "mql", Duration.ofHours(8), OFFICE);
    private static final LeakRule STALE_SQL = LeakRule.of("stale-sql", LeakKind.STALE, "sql", Duration.ofDays(10),
            BusinessCalendar.wallClock());
    private static final LeakRule RECYCLED = new LeakRule("recycled", LeakKind.RECYCLED_WITHOUT_NURTURE, "recycled",
            Duration.ofDays(1), BusinessCalendar.wallClock(), Optional.of(new PropertyCondition("hs_email_optout",
            PropertyCondition.Operator.NOT_EQUALS, List.of("true"))));
    private static final LeakRule DISQUALIFIED = LeakRule.of("dq", LeakKind.DISQUALIFIED_WITHOUT_REASON, "disqualified",
            Duration.ofHours(1), BusinessCalendar.wallClock());

    private static Optional<LeakFinding> find(LeakRule rule, LeadSnapshot lead, Instant now) {
        return LeakDetector.finding(rule, lead, now);
    }

    @Test
    void mqlUntouchedPastSlaIsALeakDueMondayNoon() {
        LeadSnapshot lead = mql(FRIDAY_4PM).build();

        assertThat(find(NOT_ACCEPTED, lead, berlin("2026-03-09T11:59"))).isEmpty();
        LeakFinding finding = find(NOT_ACCEPTED, lead, berlin("2026-03-09T12:00")).orElseThrow();
        assertThat(finding.dueAt()).isEqualTo(berlin("2026-03-09T12:00"));
        assertThat(finding.level()).isEqualTo(1);
        assertThat(finding.kind()).isEqualTo(LeakKind.MQL_NOT_ACCEPTED);
        assertThat(finding.cause()).contains("not accepted").contains("rep@example.com").contains("SLA 4h");
    }

    @Test
    void mqlPastTwiceTheSlaIsLevelTwo() {
        LeadSnapshot lead = mql(FRIDAY_4PM).build();

        assertThat(find(NOT_ACCEPTED, lead, berlin("2026-03-09T15:59")).orElseThrow().level()).isEqualTo(1);
        assertThat(find(NOT_ACCEPTED, lead, berlin("2026-03-09T16:00")).orElseThrow().level()).isEqualTo(2);
    }

    @Test
    void theEscalationMultipleComesFromTheRule() {
        LeakRule thrice = new LeakRule(NOT_ACCEPTED.name(), NOT_ACCEPTED.kind(), NOT_ACCEPTED.stage(), NOT_ACCEPTED.sla(),
                NOT_ACCEPTED.calendar(), Optional.empty(), 3.0);
        LeadSnapshot lead = mql(FRIDAY_4PM).build();

        assertThat(find(thrice, lead, berlin("2026-03-09T16:00")).orElseThrow().level()).isEqualTo(1);
        assertThat(find(thrice, lead, berlin("2026-03-10T12:00")).orElseThrow().level()).as("12 business hours in")
                .isEqualTo(2);
    }

    @Test
    void anOwnerChangeStatusChangeOrActivityAfterTheHandoffAcceptsTheMql() {
        Instant late = berlin("2026-03-10T12:00");
        Instant touch = berlin("2026-03-09T10:00");

        assertThat(find(NOT_ACCEPTED, mql(FRIDAY_4PM).touched(touch).build(), late)).isEmpty();
        assertThat(find(NOT_ACCEPTED, mql(FRIDAY_4PM).activity(Side.SALESFORCE, touch).build(), late)).isEmpty();
        assertThat(find(NOT_ACCEPTED, mql(FRIDAY_4PM).activity(Side.HUBSPOT, touch).build(), late)).isEmpty();
        assertThat(find(NOT_ACCEPTED, mql(FRIDAY_4PM).touched(FRIDAY_4PM).build(), late))
                .as("the move into mql itself is no touch").isPresent();
    }

    @Test
    void anMqlThatMovedOnIsNoLongerWatched() {
        LeadSnapshot sal = mql(FRIDAY_4PM).stage("sal", berlin("2026-03-09T10:00")).build();

        assertThat(find(NOT_ACCEPTED, sal, berlin("2026-03-12T10:00"))).isEmpty();
    }

    @Test
    void mqlMissingFromSalesforceCountsWallClockAndNamesTheCause() {
        Instant saturday = berlin("2026-03-07T22:00");
        LeadSnapshot excluded = mql(saturday).notInSalesforce(NotInSalesforce.of(Absence.EXCLUDED,
                "condition not met: hs_email_optout not-equals [true]")).build();
        LeadSnapshot refused = mql(saturday).notInSalesforce(NotInSalesforce.deadLetter(
                "REQUIRED_FIELD_MISSING: Required fields are missing: [Company]")).build();
        LeadSnapshot duplicate = mql(saturday).notInSalesforce(NotInSalesforce.deadLetter(
                "DUPLICATES_DETECTED: Use one of these records?")).build();
        LeadSnapshot waiting = mql(saturday).notInSalesforce(null).build();
        Instant now = saturday.plus(Duration.ofMinutes(31));

        assertThat(find(NOT_IN_SALESFORCE, excluded, saturday.plus(Duration.ofMinutes(29)))).isEmpty();
        assertThat(find(NOT_IN_SALESFORCE, excluded, now).orElseThrow().cause())
                .contains("excluded by the inclusion filter: condition not met: hs_email_optout");
        assertThat(find(NOT_IN_SALESFORCE, refused, now).orElseThrow().cause())
                .contains("Salesforce refused it (dead letter): REQUIRED_FIELD_MISSING");
        assertThat(find(NOT_IN_SALESFORCE, duplicate, now).orElseThrow().cause())
                .contains("a Salesforce duplicate rule refused it: DUPLICATES_DETECTED");
        assertThat(find(NOT_IN_SALESFORCE, waiting, now).orElseThrow().cause()).contains("not yet synced");
        assertThat(find(NOT_IN_SALESFORCE, mql(saturday).build(), now)).as("in Salesforce").isEmpty();
    }

    @Test
    void aQueueOrAnInactiveOwnerPastTheSlaIsUnowned() {
        Instant now = berlin("2026-03-10T10:00");

        assertThat(find(UNOWNED, mql(FRIDAY_4PM).owner("00G1", OwnerState.QUEUE).build(), now).orElseThrow().cause())
                .contains("owned by a queue (00G1)");
        assertThat(find(UNOWNED, mql(FRIDAY_4PM).owner("005X", OwnerState.INACTIVE_USER).build(), now).orElseThrow()
                .cause()).contains("inactive user");
        assertThat(find(UNOWNED, mql(FRIDAY_4PM).build(), now)).isEmpty();
        assertThat(find(UNOWNED, mql(FRIDAY_4PM).owner("00G1", OwnerState.QUEUE).build(), berlin("2026-03-09T15:59")))
                .as("8 business hours run out Monday 16:00").isEmpty();
    }

    @Test
    void anSqlWithoutActivityInEitherSystemForTenDaysIsStale() {
        Instant entered = Instant.parse("2026-03-01T10:00:00Z");
        LeadSnapshot quiet = mql(entered).stage("sql", entered).build();
        LeadSnapshot worked = mql(entered).stage("sql", entered)
                .activity(Side.HUBSPOT, Instant.parse("2026-03-05T10:00:00Z"))
                .activity(Side.SALESFORCE, Instant.parse("2026-03-08T10:00:00Z")).build();
        Instant now = Instant.parse("2026-03-12T10:00:00Z");

        LeakFinding stale = find(STALE_SQL, quiet, now).orElseThrow();
        assertThat(stale.dueAt()).isEqualTo(Instant.parse("2026-03-11T10:00:00Z"));
        assertThat(stale.cause()).contains("no activity");
        assertThat(find(STALE_SQL, worked, now)).as("Salesforce activity 4 days ago").isEmpty();
        assertThat(find(STALE_SQL, worked, Instant.parse("2026-03-18T10:00:00Z"))).isPresent();
        assertThat(find(STALE_SQL, worked, Instant.parse("2026-03-28T10:00:00Z")).orElseThrow().level()).isEqualTo(2);
    }

    @Test
    void aRecycledContactNotInNurtureIsFlagged() {
        Instant recycled = Instant.parse("2026-03-01T10:00:00Z");
        Instant now = recycled.plus(Duration.ofDays(2));

        assertThat(find(RECYCLED, mql(recycled).stage("recycled", recycled).reason("no budget")
                .property("hs_email_optout", "true").build(), now).orElseThrow().cause())
                .contains("not in nurture").contains("hs_email_optout not-equals [true]");
        assertThat(find(RECYCLED, mql(recycled).stage("recycled", recycled).reason("no budget")
                .property("hs_email_optout", "false").build(), now)).isEmpty();
    }

    @Test
    void aDisqualificationWithoutReasonIsFlaggedAndOneWithAReasonIsNot() {
        Instant dq = Instant.parse("2026-03-01T10:00:00Z");
        Instant now = dq.plus(Duration.ofHours(2));

        assertThat(find(DISQUALIFIED, mql(dq).stage("disqualified", dq).build(), now)).isPresent();
        assertThat(find(DISQUALIFIED, mql(dq).stage("disqualified", dq).reason("  ").build(), now)).isPresent();
        assertThat(find(DISQUALIFIED, mql(dq).stage("disqualified", dq).reason("competitor").build(), now)).isEmpty();
    }

    @Test
    void theDetectorAppliesEveryRuleAndKnowsWhichStagesToRead() {
        LeakDetector detector = new LeakDetector(List.of(NOT_ACCEPTED, NOT_IN_SALESFORCE, UNOWNED, STALE_SQL));
        LeadSnapshot both = mql(FRIDAY_4PM).owner("00G1", OwnerState.QUEUE).build();

        assertThat(detector.findings(both, berlin("2026-03-12T10:00"))).extracting(LeakFinding::kind)
                .containsExactly(LeakKind.MQL_NOT_ACCEPTED, LeakKind.UNOWNED);
        assertThat(detector.watchedStages()).containsExactly("mql", "sql");
    }

    @Test
    void kindsHaveKebabIds() {
        assertThat(LeakKind.RECYCLED_WITHOUT_NURTURE.id()).isEqualTo("recycled-without-nurture");
        assertThat(LeakKind.fromId("mql-not-in-salesforce")).isEqualTo(LeakKind.MQL_NOT_IN_SALESFORCE);
    }
}
