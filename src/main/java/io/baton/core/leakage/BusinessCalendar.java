package io.baton.core.leakage;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When SLAs tick: working days and hours in one time zone, minus holidays. Working hours are wall
 * clock times of the zone, so on a DST change day the working day still starts and ends at the
 * configured local times (the clock change happens at night, outside them). A {@link #wallClock()}
 * calendar counts every second of every day, for rules that measure a sync problem, not people.
 *
 * @param zone     the zone working hours are read in
 * @param workingDays days SLAs run on
 * @param start    start of the working day, inclusive
 * @param end      end of the working day, exclusive; after {@code start}
 * @param holidays days the SLA does not run, in {@code zone}
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime start, LocalTime end,
                               Set<LocalDate> holidays, boolean wallClockMode) {

    /** A calendar that is open around the clock, every day (business-hours: false). */
    public static BusinessCalendar wallClock() {
        return new BusinessCalendar(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX,
                Set.of(), true);
    }

    /** A business calendar. */
    public static BusinessCalendar of(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime start, LocalTime end,
                                      Set<LocalDate> holidays) {
        return new BusinessCalendar(zone, workingDays, start, end, holidays, false);
    }

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        workingDays = workingDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workingDays));
        holidays = Set.copyOf(holidays);
        if (!wallClockMode && !start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must end after they start: " + start + "–" + end);
        }
        if (!wallClockMode && workingDays.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working day");
        }
    }

    /** The instant {@code d} of working time after {@code from}. */
    public Instant addBusinessTime(Instant from, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot add a negative duration: " + d);
        }
        if (wallClockMode) {
            return from.plus(d);
        }
        Duration left = d;
        ZonedDateTime cursor = from.atZone(zone);
        for (int guard = 0; guard < 100_000; guard++) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day)) {
                Instant open = day.atTime(start).atZone(zone).toInstant();
                Instant close = day.atTime(end).atZone(zone).toInstant();
                Instant at = cursor.toInstant().isBefore(open) ? open : cursor.toInstant();
                if (at.isBefore(close)) {
                    Duration available = Duration.between(at, close);
                    if (left.compareTo(available) <= 0) {
                        return at.plus(left);
                    }
                    left = left.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time found within 100,000 days of " + from);
    }

    /** The working time between {@code a} and {@code b}; zero when {@code b} is not after {@code a}. */
    public Duration businessTimeBetween(Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return Duration.ZERO;
        }
        if (wallClockMode) {
            return Duration.between(a, b);
        }
        Duration total = Duration.ZERO;
        LocalDate last = b.atZone(zone).toLocalDate();
        for (LocalDate day = a.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant open = max(day.atTime(start).atZone(zone).toInstant(), a);
            Instant close = min(day.atTime(end).atZone(zone).toInstant(), b);
            if (close.isAfter(open)) {
                total = total.plus(Duration.between(open, close));
            }
        }
        return total;
    }

    /** Whether SLAs run at all on {@code day}. */
    public boolean isWorkingDay(LocalDate day) {
        return wallClockMode || (workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
