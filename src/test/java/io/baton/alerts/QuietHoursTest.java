package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.config.LeakageProperties;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quiet hours in Berlin (UTC+1 in winter, +2 from 29 March 2026), Monday to Friday working days. */
class QuietHoursTest {

    private static final LeakageProperties.Calendar BERLIN = new LeakageProperties.Calendar(ZoneId.of("Europe/Berlin"),
            List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
            new LeakageProperties.WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of());

    private static QuietHours quiet(String start, String end, boolean weekends) {
        return new QuietHours(new LeakageProperties.QuietHours(start == null ? null : LocalTime.parse(start),
                end == null ? null : LocalTime.parse(end), weekends), BERLIN);
    }

    @Test
    void aWindowPastMidnightRunsFromItsStartInclusiveToItsEndExclusiveNextMorning() {
        QuietHours night = quiet("20:00", "07:00", false);

        assertThat(night.until(Instant.parse("2026-03-02T18:59:59Z"))).isEmpty();
        assertThat(night.until(Instant.parse("2026-03-02T19:00:00Z"))).contains(Instant.parse("2026-03-03T06:00:00Z"));
        assertThat(night.until(Instant.parse("2026-03-03T05:59:59Z"))).contains(Instant.parse("2026-03-03T06:00:00Z"));
        assertThat(night.until(Instant.parse("2026-03-03T06:00:00Z"))).isEmpty();
        assertThat(night.until(Instant.parse("2026-03-07T12:00:00Z"))).as("a Saturday noon, weekends off").isEmpty();
    }

    @Test
    void aWindowWithinOneDayEndsThatDay() {
        QuietHours lunch = quiet("12:00", "13:00", false);

        assertThat(lunch.until(Instant.parse("2026-03-02T11:30:00Z"))).contains(Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(lunch.until(Instant.parse("2026-03-02T12:00:00Z"))).isEmpty();
        assertThat(lunch.until(Instant.parse("2026-03-02T10:59:00Z"))).isEmpty();
    }

    @Test
    void withWeekendsAFridayEveningIsQuietUntilMondayMorning() {
        QuietHours nightsAndWeekends = quiet("20:00", "07:00", true);

        assertThat(nightsAndWeekends.until(Instant.parse("2026-03-06T20:00:00Z")))
                .contains(Instant.parse("2026-03-09T06:00:00Z"));
        assertThat(nightsAndWeekends.until(Instant.parse("2026-03-08T12:00:00Z")))
                .contains(Instant.parse("2026-03-09T06:00:00Z"));
    }

    @Test
    void weekendsAloneAreQuietFromSaturdayMidnightToMondayMidnight() {
        QuietHours weekends = quiet(null, null, true);

        assertThat(weekends.until(Instant.parse("2026-03-06T22:59:59Z"))).isEmpty();
        assertThat(weekends.until(Instant.parse("2026-03-06T23:00:00Z"))).contains(Instant.parse("2026-03-08T23:00:00Z"));
        assertThat(weekends.until(Instant.parse("2026-03-09T03:00:00Z"))).isEmpty();
    }

    @Test
    void noQuietHoursConfiguredIsNeverQuiet() {
        QuietHours none = quiet(null, null, false);

        assertThat(none.isQuiet(Instant.parse("2026-03-02T23:00:00Z"))).isFalse();
        assertThat(none.isQuiet(Instant.parse("2026-03-07T12:00:00Z"))).isFalse();
    }

    @Test
    void theEndFollowsTheWallClockAcrossTheSpringDaylightSavingChange() {
        QuietHours night = quiet("20:00", "07:00", false);

        // Saturday 28 March 22:00 CET; Sunday 29 March 07:00 is CEST (UTC+2).
        assertThat(night.until(Instant.parse("2026-03-28T21:00:00Z"))).contains(Instant.parse("2026-03-29T05:00:00Z"));
    }
}
