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
 * Alerts sent, with the flags each covered ({@code alert_flag}), for {@code GET /api/alerts} and so
 * a flag is escalated once. Recipients are stored comma-separated.
 */
@Repository
public class AlertRepository {

    private static final String COLUMNS = "id, kind, recipients, subject, sent_at, status, error";
    private static final int MAX_ERROR = 2000;
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MultiRowInsert flagInserter;

    public AlertRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.flagInserter = new MultiRowInsert(jdbc, "alert_flag", Arrays.asList("alert_id", "flag_id"));
    }

    /** Records an alert (its id and time are ignored; stamped now) and the flags it covered. */
    public Alert add(Alert alert) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alert (kind, recipients, subject, sent_at, status, error) "
                        + "VALUES (:kind, :to, :subject, :now, :status, :error)")
                .param("kind", alert.kind().name()).param("to", String.join(",", alert.recipients()))
                .param("subject", alert.subject()).param("now", SqlTime.bind(clock.instant()))
                .param("status", alert.status().name())
                .param("error", alert.error().map(e -> e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR))
                        .orElse(null))
                .update(key, "id");
        long id = StoreKeys.id(key);
        flagInserter.insert(alert.flagIds().stream().distinct().map(flag -> Arrays.<Object>asList(id, flag)).toList());
        return find(id).orElseThrow();
    }

    public Optional<Alert> find(long id) {
        return withFlags(jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE id = :id").param("id", id)
                .query(AlertRepository::map).list()).stream().findFirst();
    }

    /** The latest alerts, newest first. */
    public List<Alert> listRecent(int limit) {
        return withFlags(jdbc.sql("SELECT " + COLUMNS + " FROM alert ORDER BY sent_at DESC, id DESC LIMIT :n")
                .param("n", limit).query(AlertRepository::map).list());
    }

    /** Of {@code flagIds}, those already covered by a SENT alert of {@code kind}. */
    public Set<Long> coveredFlagIds(AlertKind kind, Collection<Long> flagIds) {
        List<Long> all = new ArrayList<>(flagIds);
        Set<Long> covered = new HashSet<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            covered.addAll(jdbc.sql("SELECT DISTINCT af.flag_id FROM alert_flag af JOIN alert a ON a.id = af.alert_id "
                            + "WHERE a.kind = :kind AND a.status = 'SENT' AND af.flag_id IN (:ids)")
                    .param("kind", kind.name()).param("ids", all.subList(from, Math.min(all.size(), from + IN_CHUNK)))
                    .query(Long.class).list());
        }
        return Set.copyOf(covered);
    }

    /** When the last SENT alert of {@code kind} went out, for digest scheduling. */
    public Optional<Instant> lastSent(AlertKind kind) {
        return jdbc.sql("SELECT MAX(sent_at) AS last_sent FROM alert WHERE kind = :kind AND status = 'SENT'")
                .param("kind", kind.name()).query((rs, row) -> SqlTime.readOptional(rs, "last_sent")).single();
    }

    private List<Alert> withFlags(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> flags = new HashMap<>();
        jdbc.sql("SELECT alert_id, flag_id FROM alert_flag WHERE alert_id IN (:ids) ORDER BY alert_id, flag_id")
                .param("ids", alerts.stream().map(Alert::id).toList())
                .query((rs, row) -> flags.computeIfAbsent(rs.getLong("alert_id"), id -> new ArrayList<>())
                        .add(rs.getLong("flag_id")))
                .list();
        return alerts.stream().map(a -> new Alert(a.id(), a.kind(), a.recipients(), a.subject(), a.sentAt(), a.status(),
                a.error(), flags.getOrDefault(a.id(), List.of()))).toList();
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        String to = rs.getString("recipients");
        return new Alert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")),
                to.isEmpty() ? List.of() : List.of(to.split(",")), rs.getString("subject"), SqlTime.read(rs, "sent_at"),
                AlertStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("error")), List.of());
    }
}
