package io.baton.sync;

import io.baton.store.SyncCursorRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full re-baseline, after a mapping change: every stream's cursor goes back to its beginning, so
 * the sync reads every record again and reconciles it under the rules now configured. Links,
 * snapshots and stages stay, so a pair the change does not touch writes nothing. Progress shows
 * like a backfill's in {@code GET /api/status} (what is left per stream, rate, ETA).
 */
public final class Rebaseline {

    private static final Logger LOG = LoggerFactory.getLogger(Rebaseline.class);

    private final SyncLoop loop;
    private final SyncCursorRepository cursors;
    private final Clock clock;
    private volatile Instant startedAt;

    Rebaseline(SyncLoop loop, SyncCursorRepository cursors, Clock clock) {
        this.loop = loop;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** Sends every stream back to its beginning, between two pages; returns the cursors reset. */
    public int start() {
        int reset = loop.whileStill(cursors::resetAll);
        startedAt = clock.instant();
        LOG.warn("re-baseline: {} stream cursor(s) reset; every record is read again under the current rules", reset);
        return reset;
    }

    /** When the last re-baseline since start-up began. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }
}
