package io.baton.store;

import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dead letters. "One unresolved letter per record and stream" is enforced by the unique
 * {@code open_key}, which an OPEN or PARKED letter holds and which is cleared when the letter is
 * replayed or discarded, so a later failure opens a new one.
 */
@Repository
public class DeadLetterRepository {

    private static final String COLUMNS = "id, record_side, record_type, record_id, stream, payload, error_code, reason, "
            + "error_category, attempts, first_failed_at, last_failed_at, next_attempt_at, status, resolved_at";
    private static final String UNRESOLVED = "status IN ('OPEN', 'PARKED')";
    private static final int MAX_REASON = 2000;
    private static final int MAX_CODE = 100;
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
     * Files a failure: opens a dead letter for the record and stream, or, when one is unresolved,
     * counts another attempt on it and keeps the latest reason, payload and retry time (a PARKED
     * letter stays parked until {@link #reschedule} says otherwise).
     */
    public DeadLetter add(RecordFailure failure) {
        String key = openKey(failure.record(), failure.stream());
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            var now = SqlTime.bind(clock.instant());
            int bumped = jdbc.sql("UPDATE dead_letter SET attempts = attempts + 1, last_failed_at = :now, "
                            + "reason = :reason, error_code = :code, error_category = :cat, payload = :payload, "
                            + "next_attempt_at = :next WHERE open_key = :key")
                    .param("now", now).param("reason", cut(failure.reason(), MAX_REASON))
                    .param("code", code(failure)).param("cat", failure.errorCategory())
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

    /**
     * Sets an unresolved letter's next automatic attempt, or parks it ({@code PARKED}, no next
     * attempt); false when the letter is resolved or unknown.
     */
    public boolean reschedule(long id, DeadLetterStatus status, Optional<Instant> nextAttemptAt) {
        if (!status.isUnresolved()) {
            throw new IllegalArgumentException("a letter is rescheduled as OPEN or PARKED, not " + status);
        }
        return jdbc.sql("UPDATE dead_letter SET status = :s, next_attempt_at = :next WHERE id = :id AND " + UNRESOLVED)
                .param("s", status.name()).param("next", nextAttemptAt.map(SqlTime::bind).orElse(null))
                .param("id", id).update() == 1;
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE id = :id").param("id", id)
                .query(DeadLetterRepository::map).optional();
    }

    /** The record's unresolved (OPEN or PARKED) letter on this stream. */
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

    /**
     * A page of letters in these statuses (all when empty), optionally of one error class, oldest
     * failure first, with the total that match.
     */
    public DeadLetter.Page list(Set<DeadLetterStatus> statuses, Optional<String> errorCategory, int page, int size) {
        String where = where(statuses, errorCategory);
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM dead_letter" + where), statuses, errorCategory)
                .query(Long.class).single();
        List<DeadLetter> letters = bind(jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter" + where
                        + " ORDER BY first_failed_at, id LIMIT :n OFFSET :skip"), statuses, errorCategory)
                .param("n", size).param("skip", (long) page * size).query(DeadLetterRepository::map).list();
        return new DeadLetter.Page(letters, total, page, size);
    }

    /**
     * Unresolved letters in these statuses, optionally of one error class, with ids above
     * {@code afterId}, in id order: a replay of all of them walks the table a batch at a time.
     */
    public List<DeadLetter> unresolvedAfter(long afterId, Set<DeadLetterStatus> statuses, Optional<String> errorCategory,
                                            int limit) {
        Set<DeadLetterStatus> wanted = statuses.isEmpty() ? Set.of(DeadLetterStatus.OPEN, DeadLetterStatus.PARKED) : statuses;
        if (wanted.stream().anyMatch(s -> !s.isUnresolved())) {
            throw new IllegalArgumentException("only OPEN and PARKED letters can be replayed, not " + wanted);
        }
        return after(afterId, wanted, errorCategory, limit);
    }

    /**
     * Letters in these statuses (all when empty), optionally of one error class, with ids above
     * {@code afterId}, in id order: walks the table a batch at a time, whatever its size, without
     * counting or skipping rows (an export, a replay of all).
     */
    public List<DeadLetter> after(long afterId, Set<DeadLetterStatus> statuses, Optional<String> errorCategory, int limit) {
        return List.copyOf(bind(jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter" + where(statuses, errorCategory)
                        + " AND id > :after ORDER BY id LIMIT :n"), statuses, errorCategory)
                .param("after", afterId).param("n", limit).query(DeadLetterRepository::map).list());
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

    /** OPEN and PARKED letters: records that wait for a retry, a fix or an operator. */
    public long countUnresolved() {
        return jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE " + UNRESOLVED).query(Long.class).single();
    }

    /** OPEN letters per error class (classes without one are absent). */
    public Map<String, Long> countOpenByCategory() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT error_category, COUNT(*) AS n FROM dead_letter WHERE status = 'OPEN' GROUP BY error_category")
                .query((rs, row) -> counts.put(rs.getString("error_category"), rs.getLong("n"))).list();
        return counts;
    }

    /**
     * The OPEN and PARKED letters per error class, the class with most letters first: the
     * dashboard's error cards. A record failing on two streams counts as one record.
     */
    public List<DeadLetter.ClassCount> countUnresolvedByClass() {
        return List.copyOf(jdbc.sql("SELECT error_category, "
                        + "SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END) AS open_n, "
                        + "SUM(CASE WHEN status = 'PARKED' THEN 1 ELSE 0 END) AS parked_n, "
                        + "COUNT(DISTINCT record_side || '|' || record_type || '|' || record_id) AS records "
                        + "FROM dead_letter WHERE " + UNRESOLVED + " GROUP BY error_category "
                        + "ORDER BY COUNT(*) DESC, error_category")
                .query((rs, row) -> new DeadLetter.ClassCount(rs.getString("error_category"), rs.getLong("open_n"),
                        rs.getLong("parked_n"), rs.getLong("records"))).list());
    }

    /** Closes an unresolved letter as replayed (the record synced); false when it is not unresolved. */
    public boolean markReplayed(long id) {
        return resolve(id, DeadLetterStatus.REPLAYED);
    }

    /** Closes an unresolved letter as given up; false when it is not unresolved. */
    public boolean discard(long id) {
        return resolve(id, DeadLetterStatus.DISCARDED);
    }

    private boolean resolve(long id, DeadLetterStatus status) {
        return jdbc.sql("UPDATE dead_letter SET status = :s, open_key = NULL, resolved_at = :now, next_attempt_at = NULL "
                        + "WHERE id = :id AND " + UNRESOLVED)
                .param("s", status.name()).param("now", SqlTime.bind(clock.instant())).param("id", id)
                .update() == 1;
    }

    private void insert(RecordFailure failure, String key, Object now) {
        jdbc.sql("INSERT INTO dead_letter (record_side, record_type, record_id, stream, payload, error_code, reason, "
                        + "error_category, attempts, first_failed_at, last_failed_at, next_attempt_at, status, open_key) "
                        + "VALUES (:side, :type, :id, :stream, :payload, :code, :reason, :cat, 1, :now, :now, :next, "
                        + "'OPEN', :key)")
                .param("side", failure.record().side().name()).param("type", failure.record().type())
                .param("id", failure.record().id()).param("stream", failure.stream())
                .param("payload", failure.payload().orElse(null)).param("code", code(failure))
                .param("reason", cut(failure.reason(), MAX_REASON))
                .param("cat", failure.errorCategory()).param("now", now)
                .param("next", failure.nextAttemptAt().map(SqlTime::bind).orElse(null))
                .param("key", key).update();
    }

    private static String where(Set<DeadLetterStatus> statuses, Optional<String> errorCategory) {
        String where = " WHERE 1 = 1";
        if (!statuses.isEmpty()) {
            where += " AND status IN (:statuses)";
        }
        if (errorCategory.isPresent()) {
            where += " AND error_category = :cat";
        }
        return where;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Set<DeadLetterStatus> statuses,
                                                 Optional<String> errorCategory) {
        if (!statuses.isEmpty()) {
            spec = spec.param("statuses", statuses.stream().map(Enum::name).sorted().toList());
        }
        return errorCategory.isPresent() ? spec.param("cat", errorCategory.get()) : spec;
    }

    private static String openKey(RecordRef record, String stream) {
        return record.side().name() + "|" + record.type() + "|" + record.id() + "|" + stream;
    }

    private static String code(RecordFailure failure) {
        return failure.errorCode().isBlank() ? null : cut(failure.errorCode(), MAX_CODE);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        RecordRef record = new RecordRef(Side.valueOf(rs.getString("record_side")), rs.getString("record_type"),
                rs.getString("record_id"));
        return new DeadLetter(rs.getLong("id"), record, rs.getString("stream"), Optional.ofNullable(rs.getString("payload")),
                Optional.ofNullable(rs.getString("error_code")), rs.getString("reason"), rs.getString("error_category"),
                rs.getInt("attempts"), SqlTime.read(rs, "first_failed_at"), SqlTime.read(rs, "last_failed_at"),
                SqlTime.readOptional(rs, "next_attempt_at"), DeadLetterStatus.valueOf(rs.getString("status")),
                SqlTime.readOptional(rs, "resolved_at"));
    }

    /** Letters that failed (first or again) at or after {@code since}, in the order they last failed. */
    public List<DeadLetter> failedSince(Instant since) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE last_failed_at >= :since "
                        + "ORDER BY last_failed_at, id")
                .param("since", SqlTime.bind(since)).query(DeadLetterRepository::map).list());
    }
}
