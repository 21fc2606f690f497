package io.baton.alerts;

import io.baton.config.LeakageProperties;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When alert mail waits ({@code baton.leakage.quiet-hours}): the daily window from start (inclusive)
 * to end (exclusive), which runs past midnight when the end comes first, and, with weekends, every
 * day that is not a working day of the calendar. Times are read in the calendar's time zone, so a
 * daylight-saving change moves the window with the wall clock.
 */
final class QuietHours {

    /** More than enough steps to leave any quiet stretch: a week of days plus a window each. */
    private static final int MAX_STEPS = 16;

    private final LocalTime start;
    private final LocalTime end;
    private final Set<DayOfWeek> quietDays;
    private final ZoneId zone;

    QuietHours(LeakageProperties.QuietHours quiet, LeakageProperties.Calendar calendar) {
        boolean window = quiet.start() != null && quiet.end() != null && !quiet.start().equals(quiet.end());
        this.start = window ? quiet.start() : null;
        this.end = window ? quiet.end() : null;
        this.quietDays = quiet.weekends() ? EnumSet.complementOf(EnumSet.copyOf(calendar.workingDays()))
                : EnumSet.noneOf(DayOfWeek.class);
        this.zone = calendar.timeZone();
    }

    /** When the quiet time {@code now} falls in ends; empty when {@code now} is not quiet. */
    Optional<Instant> until(Instant now) {
        ZonedDateTime t = now.atZone(zone);
        boolean moved = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<ZonedDateTime> next = endOfQuietAt(t);
            if (next.isEmpty()) {
                return moved ? Optional.of(t.toInstant()) : Optional.empty();
            }
            if (!next.get().isAfter(t)) {
                return Optional.of(t.toInstant());  // a daylight-saving overlap: the wall clock already passed the end
            }
            t = next.get();
            moved = true;
        }
        throw new IllegalStateException("quiet hours never end after " + now);  // unreachable: working days are never empty
    }

    boolean isQuiet(Instant now) {
        return until(now).isPresent();
    }

    /** If {@code t} is quiet, the end of the stretch it is in (which may be where the next begins). */
    private Optional<ZonedDateTime> endOfQuietAt(ZonedDateTime t) {
        LocalDate day = t.toLocalDate();
        if (quietDays.contains(t.getDayOfWeek())) {
            return Optional.of(day.plusDays(1).atStartOfDay(zone));
        }
        if (start == null) {
            return Optional.empty();
        }
        LocalTime time = t.toLocalTime();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(ZonedDateTime.of(day, end, zone))
                    : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(ZonedDateTime.of(day.plusDays(1), end, zone));
        }
        return time.isBefore(end) ? Optional.of(ZonedDateTime.of(day, end, zone)) : Optional.empty();
    }
}
