package io.baton.store;

import io.baton.core.record.SyncCursor;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One {@link SyncCursor} per change stream ({@code hubspot:contacts}, {@code salesforce:Lead}, …).
 *
 * <p>A cursor never moves backwards: a commit behind the stored one is ignored. The comparison is
 * done in Java with {@link SyncCursor#compareTo} and applied with a compare-and-set UPDATE, because
 * comparing ids in SQL would follow the database collation (PostgreSQL's locale orders
 * {@code "a" < "B"}, Java does not) and could disagree with the readers.
 */
@Repository
public class SyncCursorRepository {

    private static final int RACE_RETRIES = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UniqueInsert unique;

    public SyncCursorRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unique = new UniqueInsert(jdbc);
    }

    /** The committed cursor of {@code stream}; empty before its first commit. */
    public Optional<SyncCursor> find(String stream) {
        return jdbc.sql("SELECT position_ts, position_id FROM sync_cursor WHERE stream = :s")
                .param("s", stream)
                .query((rs, row) -> new SyncCursor(SqlTime.read(rs, "position_ts"), rs.getString("position_id")))
                .optional();
    }

    /** Every stream's cursor, by stream name (for status pages). */
    public Map<String, SyncCursor> findAll() {
        Map<String, SyncCursor> all = new TreeMap<>();
        jdbc.sql("SELECT stream, position_ts, position_id FROM sync_cursor")
                .query((rs, row) -> all.put(rs.getString("stream"),
                        new SyncCursor(SqlTime.read(rs, "position_ts"), rs.getString("position_id"))))
                .list();
        return Collections.unmodifiableMap(all);
    }

    /**
     * Stores {@code cursor} (its timestamp truncated to the millisecond) as the position of
     * {@code stream}, unless the stored one is already at or beyond it. Safe to call from several
     * threads at once: exactly one row per stream, and the furthest cursor wins.
     */
    public void commit(String stream, SyncCursor cursor) {
        SyncCursor target = new SyncCursor(SqlTime.stored(cursor.timestamp()), cursor.id());
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Optional<SyncCursor> current = find(stream);
            if (current.isEmpty()) {
                if (unique.tryRun(() -> insert(stream, target))) {
                    return;
                }
                continue; // another writer created the row first: compare against it
            }
            if (target.compareTo(current.get()) <= 0) {
                return;
            }
            if (compareAndSet(stream, current.get(), target)) {
                return;
            }
            // Another writer moved it between our read and write: read again.
        }
        throw new IllegalStateException("cursor of stream " + stream + " kept changing under concurrent commits");
    }

    private void insert(String stream, SyncCursor cursor) {
        var now = SqlTime.bind(clock.instant());
        jdbc.sql("INSERT INTO sync_cursor (stream, position_ts, position_id, updated_at) VALUES (:s, :ts, :id, :now)")
                .param("s", stream).param("ts", SqlTime.bind(cursor.timestamp())).param("id", cursor.id())
                .param("now", now).update();
    }

    private boolean compareAndSet(String stream, SyncCursor expected, SyncCursor next) {
        return jdbc.sql("UPDATE sync_cursor SET position_ts = :ts, position_id = :id, updated_at = :now "
                        + "WHERE stream = :s AND position_ts = :oldTs AND position_id = :oldId")
                .param("ts", SqlTime.bind(next.timestamp())).param("id", next.id())
                .param("now", SqlTime.bind(clock.instant())).param("s", stream)
                .param("oldTs", SqlTime.bind(expected.timestamp())).param("oldId", expected.id())
                .update() == 1;
    }

    /**
     * Removes every stream's cursor, so each reads again from its beginning: a re-baseline after a
     * mapping change. Links, snapshots and the lifecycle stay, so unchanged pairs write nothing.
     * Returns how many cursors there were.
     */
    public int resetAll() {
        return jdbc.sql("DELETE FROM sync_cursor").update();
    }
}
