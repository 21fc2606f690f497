package io.baton.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The alert outbox: mails are stored rendered (PENDING) before they are sent, then marked SENT,
 * FAILED (retried at {@code next_attempt_at}) or PARKED; {@code alert_flag} records the (flag, level)
 * pairs each covered, so an escalation goes out once per pair. {@code next_attempt_at} is also the
 * lease of whoever is sending a row: {@link #claimDue} only takes rows whose lease has run out.
 * Recipients are stored comma-separated. A dry run records DRY_RUN rows, which are never claimed.
 */
@Repository
public class AlertRepository {

    private static final String COLUMNS = "id, kind, digest, recipients, subject, text_body, html_body, created_at, "
            + "status, attempts, sent_at, next_attempt_at, error";
    private static final int MAX_ERROR = 2000;
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MultiRowInsert flagInserter;

    public AlertRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.flagInserter = new MultiRowInsert(jdbc, "alert_flag", Arrays.asList("alert_id", "flag_id", "level"));
    }

    /** Stores a rendered mail as PENDING, leased to the caller until {@code leaseUntil}, with the flags it covers. */
    public Alert addPending(NewAlert alert, Instant leaseUntil) {
        return insert(alert, AlertStatus.PENDING, leaseUntil);
    }

    /**
     * Records a rendered mail of a dry run (DRY_RUN, no next attempt) with the flags it covers: it
     * is listed like any alert and counts as coverage, but nothing claims it for sending.
     */
    public Alert addDryRun(NewAlert alert) {
        return insert(alert, AlertStatus.DRY_RUN, null);
    }

    private Alert insert(NewAlert alert, AlertStatus status, Instant nextAttemptAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alert (kind, digest, recipients, subject, text_body, html_body, created_at, status, "
                        + "attempts, next_attempt_at) "
                        + "VALUES (:kind, :digest, :to, :subject, :text, :html, :now, :status, 0, :next)")
                .param("kind", alert.kind().name()).param("digest", alert.digest().orElse(null))
                .param("to", String.join(",", alert.recipients())).param("subject", alert.subject())
                .param("text", alert.text()).param("html", alert.html())
                .param("now", SqlTime.bind(clock.instant())).param("status", status.name())
                .param("next", nextAttemptAt == null ? null : SqlTime.bind(nextAttemptAt))
                .update(key, "id");
        long id = StoreKeys.id(key);
        flagInserter.insert(alert.flags().stream().distinct()
                .map(flag -> Arrays.<Object>asList(id, flag.flagId(), flag.level())).toList());
        return find(id).orElseThrow();
    }

    public Optional<Alert> find(long id) {
        return withFlags(jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE id = :id").param("id", id)
                .query(AlertRepository::map).list()).stream().findFirst();
    }

    /**
     * Takes up to {@code limit} PENDING or FAILED alerts whose next attempt (or lease) is due, oldest
     * first, each leased until {@code leaseUntil}; a row another sender claimed meanwhile is left out.
     */
    public List<Alert> claimDue(int limit, Instant leaseUntil) {
        List<Long> due = jdbc.sql("SELECT id FROM alert WHERE status IN ('PENDING', 'FAILED') "
                        + "AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :n")
                .param("now", SqlTime.bind(clock.instant())).param("n", limit).query(Long.class).list();
        List<Alert> claimed = new ArrayList<>();
        for (long id : due) {
            int won = jdbc.sql("UPDATE alert SET next_attempt_at = :lease WHERE id = :id "
                            + "AND status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now")
                    .param("lease", SqlTime.bind(leaseUntil)).param("id", id)
                    .param("now", SqlTime.bind(clock.instant())).update();
            if (won == 1) {
                find(id).ifPresent(claimed::add);
            }
        }
        return List.copyOf(claimed);
    }

    /** The mail server accepted the alert: SENT now, one more attempt counted. */
    public Alert markSent(long id) {
        jdbc.sql("UPDATE alert SET status = 'SENT', sent_at = :now, attempts = attempts + 1, next_attempt_at = NULL, "
                        + "error = NULL WHERE id = :id")
                .param("now", SqlTime.bind(clock.instant())).param("id", id).update();
        return find(id).orElseThrow();
    }

    /** An attempt failed: FAILED and retried at {@code retryAt}, or PARKED when there is no retry left. */
    public Alert markFailed(long id, String error, Optional<Instant> retryAt) {
        jdbc.sql("UPDATE alert SET status = :status, attempts = attempts + 1, next_attempt_at = :next, error = :error "
                        + "WHERE id = :id")
                .param("status", retryAt.isPresent() ? AlertStatus.FAILED.name() : AlertStatus.PARKED.name())
                .param("next", retryAt.map(SqlTime::bind).orElse(null))
                .param("error", error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR))
                .param("id", id).update();
        return find(id).orElseThrow();
    }

    /**
     * Of {@code flagIds}, the (flag, level) pairs an escalation was already stored for, whatever became
     * of it: a failed one is retried from the outbox, not written again.
     */
    public Set<CoveredFlag> escalated(Collection<Long> flagIds) {
        List<Long> all = new ArrayList<>(new HashSet<>(flagIds));
        Set<CoveredFlag> covered = new HashSet<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            covered.addAll(jdbc.sql("SELECT DISTINCT af.flag_id, af.level FROM alert_flag af "
                            + "JOIN alert a ON a.id = af.alert_id WHERE a.kind = 'ESCALATION' AND af.flag_id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + IN_CHUNK)))
                    .query((rs, row) -> new CoveredFlag(rs.getLong("flag_id"), rs.getInt("level"))).list());
        }
        return Set.copyOf(covered);
    }

    /** Page {@code page} (from 0) of {@code size} alerts, newest first. */
    public List<Alert> page(int page, int size) {
        return withFlags(jdbc.sql("SELECT " + COLUMNS + " FROM alert ORDER BY created_at DESC, id DESC "
                        + "LIMIT :n OFFSET :skip")
                .param("n", size).param("skip", (long) page * size).query(AlertRepository::map).list());
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM alert").query(Long.class).single();
    }

    private List<Alert> withFlags(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CoveredFlag>> flags = new HashMap<>();
        jdbc.sql("SELECT alert_id, flag_id, level FROM alert_flag WHERE alert_id IN (:ids) ORDER BY alert_id, flag_id, level")
                .param("ids", alerts.stream().map(Alert::id).toList())
                .query((rs, row) -> flags.computeIfAbsent(rs.getLong("alert_id"), id -> new ArrayList<>())
                        .add(new CoveredFlag(rs.getLong("flag_id"), rs.getInt("level"))))
                .list();
        return alerts.stream().map(a -> a.withFlags(flags.getOrDefault(a.id(), List.of()))).toList();
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        String to = rs.getString("recipients");
        return new Alert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")),
                Optional.ofNullable(rs.getString("digest")), to.isEmpty() ? List.of() : List.of(to.split(",")),
                rs.getString("subject"), nonNull(rs.getString("text_body")), nonNull(rs.getString("html_body")),
                SqlTime.read(rs, "created_at"), AlertStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                SqlTime.readOptional(rs, "sent_at"), SqlTime.readOptional(rs, "next_attempt_at"),
                Optional.ofNullable(rs.getString("error")), List.of());
    }

    /** Alerts stored before the outbox kept no bodies. */
    private static String nonNull(String body) {
        return body == null ? "" : body;
    }
}
