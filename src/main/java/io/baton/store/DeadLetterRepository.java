package io.baton.store;

import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dead letters. "One OPEN letter per record and stream" is enforced by the unique {@code open_key},
 * which is cleared when a letter is replayed or discarded, so a later failure opens a new one.
 */
@Repository
public class DeadLetterRepository {

    private static final String COLUMNS = "id, record_side, record_type, record_id, stream, payload, reason, "
            + "error_category, attempts, first_failed_at, last_failed_at, next_attempt_at, status, resolved_at";
    private static final int MAX_REASON = 2000;
    private static final int RACE_RETRIES = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UniqueInsert unique;

    public DeadLetterRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unique = new UniqueInsert(jdbc);
    }

    /**
     * Files a failure: opens a dead letter for the record and stream, or, when one is already open,
     * counts another attempt on it and keeps the latest reason, payload and retry time.
     */
    public DeadLetter add(RecordFailure failure) {
        String key = openKey(failure.record(), failure.stream());
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            var now = SqlTime.bind(clock.instant());
            int bumped = jdbc.sql("UPDATE dead_letter SET attempts = attempts + 1, last_failed_at = :now, "
                            + "reason = :reason, error_category = :cat, payload = :payload, next_attempt_at = :next "
                            + "WHERE open_key = :key")
                    .param("now", now).param("reason", cut(failure.reason())).param("cat", failure.errorCategory())
                    .param("payload", failure.payload().orElse(null))
                    .param("next", failure.nextAttemptAt().map(SqlTime::bind).orElse(null))
                    .param("key", key).update();
            if (bumped == 0) {
                bumped = unique.tryRun(() -> insert(failure, key, now)) ? 1 : 0;
            }
            if (bumped == 1) {
                return findOpen(failure.record(), failure.stream()).orElseThrow();
            }
            // Another writer opened it between our update and insert: count our attempt on it.
        }
        throw new IllegalStateException("dead letter for " + failure.record() + " kept changing under concurrent writers");
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE id = :id").param("id", id)
                .query(DeadLetterRepository::map).optional();
    }

    public Optional<DeadLetter> findOpen(RecordRef record, String stream) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE open_key = :key")
                .param("key", openKey(record, stream)).query(DeadLetterRepository::map).optional();
    }

    /** Open letters, oldest failure first. */
    public List<DeadLetter> listOpen(int limit) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE status = 'OPEN' "
                        + "ORDER BY first_failed_at, id LIMIT :n")
                .param("n", limit).query(DeadLetterRepository::map).list());
    }

    /** Open letters whose next attempt time has come, most overdue first. */
    public List<DeadLetter> dueForRetry(int limit) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE status = 'OPEN' "
                        + "AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :n")
                .param("now", SqlTime.bind(clock.instant())).param("n", limit)
                .query(DeadLetterRepository::map).list());
    }

    public long countOpen() {
        return jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE status = 'OPEN'").query(Long.class).single();
    }

    /** Closes an open letter as replayed (the record synced); false when it is not open. */
    public boolean markReplayed(long id) {
        return resolve(id, DeadLetterStatus.REPLAYED);
    }

    /** Closes an open letter as given up; false when it is not open. */
    public boolean discard(long id) {
        return resolve(id, DeadLetterStatus.DISCARDED);
    }

    private boolean resolve(long id, DeadLetterStatus status) {
        return jdbc.sql("UPDATE dead_letter SET status = :s, open_key = NULL, resolved_at = :now, next_attempt_at = NULL "
                        + "WHERE id = :id AND status = 'OPEN'")
                .param("s", status.name()).param("now", SqlTime.bind(clock.instant())).param("id", id)
                .update() == 1;
    }

    private void insert(RecordFailure failure, String key, Object now) {
        jdbc.sql("INSERT INTO dead_letter (record_side, record_type, record_id, stream, payload, reason, error_category, "
                        + "attempts, first_failed_at, last_failed_at, next_attempt_at, status, open_key) "
                        + "VALUES (:side, :type, :id, :stream, :payload, :reason, :cat, 1, :now, :now, :next, 'OPEN', :key)")
                .param("side", failure.record().side().name()).param("type", failure.record().type())
                .param("id", failure.record().id()).param("stream", failure.stream())
                .param("payload", failure.payload().orElse(null)).param("reason", cut(failure.reason()))
                .param("cat", failure.errorCategory()).param("now", now)
                .param("next", failure.nextAttemptAt().map(SqlTime::bind).orElse(null))
                .param("key", key).update();
    }

    private static String openKey(RecordRef record, String stream) {
        return record.side().name() + "|" + record.type() + "|" + record.id() + "|" + stream;
    }

    private static String cut(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        RecordRef record = new RecordRef(Side.valueOf(rs.getString("record_side")), rs.getString("record_type"),
                rs.getString("record_id"));
        return new DeadLetter(rs.getLong("id"), record, rs.getString("stream"), Optional.ofNullable(rs.getString("payload")),
                rs.getString("reason"), rs.getString("error_category"), rs.getInt("attempts"),
                SqlTime.read(rs, "first_failed_at"), SqlTime.read(rs, "last_failed_at"),
                SqlTime.readOptional(rs, "next_attempt_at"), DeadLetterStatus.valueOf(rs.getString("status")),
                SqlTime.readOptional(rs, "resolved_at"));
    }
}
