package io.baton.store;

import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leak and stale flags. At most one OPEN flag per record and kind (unique {@code open_key},
 * cleared on close), so a scan that finds the same leak every run flags and alerts it once.
 */
@Repository
public class LeakFlagRepository {

    private static final String COLUMNS = "id, kind, rule, record_side, record_type, record_id, link_id, owner_id, "
            + "detail, status, opened_at, closed_at";
    private static final int MAX_DETAIL = 2000;
    private static final int RACE_RETRIES = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UniqueInsert unique;

    public LeakFlagRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unique = new UniqueInsert(jdbc);
    }

    /**
     * Opens a flag for the finding unless one of the same kind is already open on the record, in
     * which case that one is returned unchanged with {@code newlyOpened} false.
     */
    public LeakFlag.Opening openIfAbsent(NewLeakFlag finding) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Optional<LeakFlag> open = findOpen(finding.record(), finding.kind());
            if (open.isPresent()) {
                return new LeakFlag.Opening(open.get(), false);
            }
            if (unique.tryRun(() -> insert(finding))) {
                return new LeakFlag.Opening(findOpen(finding.record(), finding.kind()).orElseThrow(), true);
            }
            // Another scan opened it first: loop and return theirs.
        }
        throw new IllegalStateException("leak flag for " + finding.record() + " kept changing under concurrent scans");
    }

    public Optional<LeakFlag> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM leak_flag WHERE id = :id").param("id", id)
                .query(LeakFlagRepository::map).optional();
    }

    public Optional<LeakFlag> findOpen(RecordRef record, String kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM leak_flag WHERE open_key = :key")
                .param("key", openKey(record, kind)).query(LeakFlagRepository::map).optional();
    }

    /** Closes an open flag; false when it is not open. */
    public boolean close(long id) {
        return jdbc.sql("UPDATE leak_flag SET status = 'CLOSED', open_key = NULL, closed_at = :now "
                        + "WHERE id = :id AND status = 'OPEN'")
                .param("now", SqlTime.bind(clock.instant())).param("id", id).update() == 1;
    }

    /** Closes the open flag of this kind on the record, if any (the condition cleared). */
    public boolean closeOpen(RecordRef record, String kind) {
        return findOpen(record, kind).map(flag -> close(flag.id())).orElse(false);
    }

    /** Every open flag, oldest first. */
    public List<LeakFlag> listOpen() {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM leak_flag WHERE status = 'OPEN' ORDER BY opened_at, id")
                .query(LeakFlagRepository::map).list());
    }

    /** Open flags by kind, for the {@code baton_leaks_open{kind}} gauge. */
    public Map<String, Long> countOpenByKind() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT kind, COUNT(*) AS n FROM leak_flag WHERE status = 'OPEN' GROUP BY kind")
                .query((rs, row) -> counts.put(rs.getString("kind"), rs.getLong("n"))).list();
        return Collections.unmodifiableMap(counts);
    }

    private void insert(NewLeakFlag finding) {
        jdbc.sql("INSERT INTO leak_flag (kind, rule, record_side, record_type, record_id, link_id, owner_id, detail, "
                        + "status, opened_at, open_key) "
                        + "VALUES (:kind, :rule, :side, :type, :id, :link, :owner, :detail, 'OPEN', :now, :key)")
                .param("kind", finding.kind()).param("rule", finding.rule())
                .param("side", finding.record().side().name()).param("type", finding.record().type())
                .param("id", finding.record().id()).param("link", finding.linkId().orElse(null))
                .param("owner", finding.ownerId().orElse(null))
                .param("detail", finding.detail().map(d -> d.length() <= MAX_DETAIL ? d : d.substring(0, MAX_DETAIL))
                        .orElse(null))
                .param("now", SqlTime.bind(clock.instant())).param("key", openKey(finding.record(), finding.kind()))
                .update();
    }

    private static String openKey(RecordRef record, String kind) {
        return kind + "|" + record.side().name() + "|" + record.type() + "|" + record.id();
    }

    private static LeakFlag map(ResultSet rs, int row) throws SQLException {
        long linkId = rs.getLong("link_id");
        Optional<Long> link = rs.wasNull() ? Optional.empty() : Optional.of(linkId);
        return new LeakFlag(rs.getLong("id"), rs.getString("kind"), rs.getString("rule"),
                new RecordRef(Side.valueOf(rs.getString("record_side")), rs.getString("record_type"),
                        rs.getString("record_id")),
                link, Optional.ofNullable(rs.getString("owner_id")), Optional.ofNullable(rs.getString("detail")),
                LeakFlagStatus.valueOf(rs.getString("status")), SqlTime.read(rs, "opened_at"),
                SqlTime.readOptional(rs, "closed_at"));
    }
}
