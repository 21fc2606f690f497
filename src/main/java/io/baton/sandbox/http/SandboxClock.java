package io.baton.sandbox.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulators' clock: wall time truncated to the millisecond (both CRMs keep modstamps to the
 * millisecond, so many records can share one), never running backwards, and movable forward by
 * tests to expire tokens or roll rate-limit windows without sleeping.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    public SandboxClock(Clock base) {
        this.base = base;
    }

    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC());
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public Instant instant() {
        Instant now = base.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
        return last.accumulateAndGet(now, (prev, next) -> next.isAfter(prev) ? next : prev);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox clock is always UTC");
    }
}
