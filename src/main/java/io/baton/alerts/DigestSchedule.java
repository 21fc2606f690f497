package io.baton.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a digest is due: its cron has a tick after the last one sent and not after now. After an
 * outage several ticks may have passed; only the latest is returned, so the digest goes out once,
 * not once per missed tick.
 */
final class DigestSchedule {

    private final CronExpression cron;
    private final ZoneId zone;

    DigestSchedule(String cron, ZoneId zone) {
        this.cron = CronExpression.parse(cron);
        this.zone = zone;
    }

    /** The latest tick in ({@code last}, {@code now}], if any. */
    Optional<Instant> dueTick(Instant last, Instant now) {
        ZonedDateTime tick = cron.next(last.atZone(zone));
        if (tick == null || tick.toInstant().isAfter(now)) {
            return Optional.empty();
        }
        for (ZonedDateTime next = cron.next(tick); next != null && !next.toInstant().isAfter(now); next = cron.next(next)) {
            tick = next;
        }
        return Optional.of(tick.toInstant());
    }
}
