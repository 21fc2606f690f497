package io.baton.sync;

import io.baton.core.record.SyncCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a change stream is behind, in one place for {@code GET /api/status} and the
 * {@code baton_sync_lag_seconds} gauge, so the two never disagree.
 */
public final class SyncLag {

    private SyncLag() {
    }

    /**
     * Zero when the stream is caught up (its last page said nothing is left and it did not fail
     * since), else the age of its committed cursor — the oldest change not yet synced is at most that
     * old. Empty before the stream has committed a cursor past the beginning.
     */
    public static Optional<Long> seconds(StreamStatus stream, Optional<SyncCursor> committed, Instant now) {
        if (stream.remaining().isPresent() && stream.remaining().getAsLong() == 0 && stream.lastError().isEmpty()) {
            return Optional.of(0L);
        }
        return committed.filter(SyncLag::hasRead)
                .map(cursor -> Math.max(0, Duration.between(cursor.timestamp(), now).toSeconds()));
    }

    /** A cursor past the beginning: the stream has read and committed something. */
    public static boolean hasRead(SyncCursor cursor) {
        return !cursor.equals(SyncCursor.BEGINNING);
    }
}
