package io.baton.core.leakage;

import static io.baton.core.leakage.Leads.OFFICE;
import static io.baton.core.leakage.Leads.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessCalendar EVERY_DAY = BusinessCalendar.of(Leads.BERLIN,
            EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());

    @Test
    void fourHourSlaOnAFridayAfternoonMqlFallsDueMondayNoon() {
        assertThat(OFFICE.addBusinessTime(berlin("2026-03-06T16:00"), Duration.ofHours(4)))
                .isEqualTo(berlin("2026-03-09T12:00"));
    }

    @Test
    void twentyFourBusinessHoursAreThreeWorkingDays() {
        assertThat(OFFICE.addBusinessTime(berlin("2026-03-02T09:00"), Duration.ofHours(24)))
                .isEqualTo(berlin("2026-03-04T17:00"));
        assertThat(OFFICE.addBusinessTime(berlin("2026-03-02T13:00"), Duration.ofHours(24)))
                .isEqualTo(berlin("2026-03-05T13:00"));
    }

    @Test
    void aStartOutsideWorkingHoursWaitsForTheNextOpening() {
        assertThat(OFFICE.addBusinessTime(berlin("2026-03-03T20:00"), Duration.ofHours(1)))
                .isEqualTo(berlin("2026-03-04T10:00"));
        assertThat(OFFICE.addBusinessTime(berlin("2026-03-04T06:30"), Duration.ofMinutes(30)))
                .isEqualTo(berlin("2026-03-04T09:30"));
        assertThat(OFFICE.addBusinessTime(berlin("2026-03-07T11:00"), Duration.ofHours(1)))
                .as("Saturday").isEqualTo(berlin("2026-03-09T10:00"));
    }

    @Test
    void holidaysDoNotCount() {
        assertThat(OFFICE.addBusinessTime(berlin("2025-12-24T16:00"), Duration.ofHours(4)))
                .isEqualTo(berlin("2025-12-29T12:00"));
        assertThat(OFFICE.businessTimeBetween(berlin("2025-12-24T09:00"), berlin("2025-12-29T09:00")))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void onTheDstChangeDayWorkingHoursStayLocal() {
        // Europe/Berlin springs forward on Sunday 2026-03-29 at 02:00 and falls back on 2026-10-25.
        assertThat(EVERY_DAY.addBusinessTime(berlin("2026-03-28T16:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(EVERY_DAY.businessTimeBetween(berlin("2026-03-28T09:00"), berlin("2026-03-30T09:00")))
                .isEqualTo(Duration.ofHours(16));
        assertThat(EVERY_DAY.addBusinessTime(berlin("2026-10-24T16:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-10-25T09:00:00Z"));
    }

    @Test
    void workingHoursSpanningTheSkippedHourAreOneHourShorter() {
        BusinessCalendar night = BusinessCalendar.of(Leads.BERLIN, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(1, 0), LocalTime.of(5, 0), Set.of());

        assertThat(night.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-29T23:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(night.addBusinessTime(berlin("2026-03-29T01:00"), Duration.ofHours(4)))
                .isEqualTo(berlin("2026-03-30T02:00"));
    }

    @Test
    void businessTimeBetweenInvertsAdding() {
        Instant start = berlin("2026-03-06T16:00");
        for (long minutes : new long[] {1, 59, 60, 240, 480, 1440, 4321}) {
            Instant due = OFFICE.addBusinessTime(start, Duration.ofMinutes(minutes));
            assertThat(OFFICE.businessTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(minutes));
        }
        assertThat(OFFICE.businessTimeBetween(start, start.minusSeconds(1))).isZero();
    }

    @Test
    void wallClockCountsEverySecond() {
        BusinessCalendar wall = BusinessCalendar.wallClock();
        Instant saturdayNight = berlin("2026-03-07T23:50");

        assertThat(wall.addBusinessTime(saturdayNight, Duration.ofMinutes(30))).isEqualTo(saturdayNight.plusSeconds(1800));
        assertThat(wall.businessTimeBetween(saturdayNight, saturdayNight.plusSeconds(60))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void workingHoursMustEndAfterTheyStart() {
        assertThatThrownBy(() -> BusinessCalendar.of(ZoneId.of("UTC"), EnumSet.of(DayOfWeek.MONDAY),
                LocalTime.of(17, 0), LocalTime.of(9, 0), Set.of())).hasMessageContaining("end after");
    }
}
