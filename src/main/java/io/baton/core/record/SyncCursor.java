package io.baton.core.record;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * How far a change stream has been read: the (modstamp, id) of the last record committed.
 * Both CRMs stamp many records with the same millisecond, so the timestamp alone would either
 * skip or re-read records; the next read asks for {@code ts > t OR (ts = t AND id > i)}.
 */
public record SyncCursor(Instant timestamp, String id) implements Comparable<SyncCursor> {

    /** Before every record: the start of a backfill. */
    public static final SyncCursor BEGINNING = new SyncCursor(Instant.EPOCH, "");

    private static final Comparator<SyncCursor> ORDER =
            Comparator.comparing(SyncCursor::timestamp).thenComparing(SyncCursor::id);

    public SyncCursor {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(id, "id");
    }

    /** True when a record stamped (timestamp, id) comes after this cursor and must still be read. */
    public boolean isBefore(Instant recordTimestamp, String recordId) {
        int byTime = timestamp.compareTo(recordTimestamp);
        return byTime < 0 || (byTime == 0 && id.compareTo(recordId) < 0);
    }

    @Override
    public int compareTo(SyncCursor other) {
        return ORDER.compare(this, other);
    }
}
