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

    /**
     * How both CRMs order ids within one timestamp: HubSpot ids are decimal numbers ("9" before
     * "10"), Salesforce ids all have 18 characters. Shorter first, then character by character,
     * is numeric order for the one and plain order for the other.
     */
    public static final Comparator<String> ID_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private static final Comparator<SyncCursor> ORDER =
            Comparator.comparing(SyncCursor::timestamp).thenComparing(SyncCursor::id, ID_ORDER);

    public SyncCursor {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(id, "id");
    }

    /** True when a record stamped (timestamp, id) comes after this cursor and must still be read. */
    public boolean isBefore(Instant recordTimestamp, String recordId) {
        int byTime = timestamp.compareTo(recordTimestamp);
        return byTime < 0 || (byTime == 0 && ID_ORDER.compare(id, recordId) < 0);
    }

    @Override
    public int compareTo(SyncCursor other) {
        return ORDER.compare(this, other);
    }
}
