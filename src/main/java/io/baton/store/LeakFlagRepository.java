package io.baton.store;

import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
            + "detail, status, opened_at, closed_at, due_at, level, raised_at, stage, cause, owner_email, hubspot_id, "
            + "salesforce_id, salesforce_type";
    /** Keeps IN lists well under any driver's bind-parameter limit. */
    private static final int IN_CHUNK = 500;
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
    /** Flags closed at or after {@code since}, oldest first: what a write-back must clear. */
    public List<LeakFlag> closedSince(java.time.Instant since) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM leak_flag WHERE status = 'CLOSED' AND closed_at >= :since "
                        + "ORDER BY closed_at, id")
                .param("since", SqlTime.bind(since)).query(LeakFlagRepository::map).list());
    }

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

    /**
     * Raises an open flag to {@code level} (with the finding's cause and due time); false when it is
     * not open or already at that level or higher.
     */
    public boolean raise(long id, int level, Optional<String> cause) {
        var now = SqlTime.bind(clock.instant());
        return jdbc.sql("UPDATE leak_flag SET level = :level, raised_at = :now, last_seen_at = :now, "
                        + "cause = COALESCE(:cause, cause) WHERE id = :id AND status = 'OPEN' AND level < :level")
                .param("level", level).param("now", now).param("cause", cause.map(LeakFlagRepository::cut).orElse(null))
                .param("id", id).update() == 1;
    }

    /** Notes that a scan found these open flags' leaks still there (see {@link #closeUnseen}). */
    public void markSeen(Collection<Long> ids) {
        var now = SqlTime.bind(clock.instant());
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            jdbc.sql("UPDATE leak_flag SET last_seen_at = :now WHERE id IN (:ids) AND status = 'OPEN'")
                    .param("now", now).param("ids", chunk).update();
        }
    }

    /**
     * Closes the open flags of these kinds that no scan has seen since {@code since} (their record left
     * the watched stages, or the leak was fixed where the scan no longer looks); returns how many.
     */
    public int closeUnseen(Collection<String> kinds, Instant since) {
        if (kinds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE leak_flag SET status = 'CLOSED', open_key = NULL, closed_at = :now "
                        + "WHERE status = 'OPEN' AND kind IN (:kinds) AND COALESCE(last_seen_at, opened_at) < :since")
                .param("now", SqlTime.bind(clock.instant())).param("kinds", List.copyOf(kinds))
                .param("since", SqlTime.bind(since)).update();
    }

    /** The open flags, of every kind, on these records. */
    public List<LeakFlag> openOn(Collection<RecordRef> records) {
        List<LeakFlag> found = new ArrayList<>();
        Map<Side, List<String>> bySide = new TreeMap<>();
        records.forEach(r -> bySide.computeIfAbsent(r.side(), s -> new ArrayList<>()).add(r.id()));
        Set<RecordRef> wanted = Set.copyOf(records);
        bySide.forEach((side, ids) -> {
            for (List<String> chunk : chunks(ids)) {
                jdbc.sql("SELECT " + COLUMNS + " FROM leak_flag WHERE status = 'OPEN' AND record_side = :side "
                                + "AND record_id IN (:ids)")
                        .param("side", side.name()).param("ids", chunk).query(LeakFlagRepository::map).list().stream()
                        .filter(flag -> wanted.contains(flag.record())).forEach(found::add);
            }
        });
        return List.copyOf(found);
    }

    /**
     * One page (from 0) of open flags, oldest first, of one kind or of all; with the total count for
     * the pager.
     */
    public LeakFlag.Page listOpen(Optional<String> kind, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1, were " + page + " and " + size);
        }
        String where = " FROM leak_flag WHERE status = 'OPEN'" + (kind.isPresent() ? " AND kind = :kind" : "");
        var rows = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY opened_at, id LIMIT :n OFFSET :off")
                .param("n", size).param("off", (long) page * size);
        var count = jdbc.sql("SELECT COUNT(*)" + where);
        if (kind.isPresent()) {
            rows = rows.param("kind", kind.get());
            count = count.param("kind", kind.get());
        }
        return new LeakFlag.Page(rows.query(LeakFlagRepository::map).list(), count.query(Long.class).single(), page, size);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
        }
        return chunks;
    }

    private static String cut(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }

    private void insert(NewLeakFlag finding) {
        jdbc.sql("INSERT INTO leak_flag (kind, rule, record_side, record_type, record_id, link_id, owner_id, detail, "
                        + "status, opened_at, open_key, due_at, level, stage, cause, owner_email, hubspot_id, "
                        + "salesforce_id, salesforce_type, last_seen_at) "
                        + "VALUES (:kind, :rule, :side, :type, :id, :link, :owner, :detail, 'OPEN', :now, :key, :due, "
                        + ":level, :stage, :cause, :email, :hs, :sf, :sft, :now)")
                .param("due", finding.dueAt().map(SqlTime::bind).orElse(null)).param("level", finding.level())
                .param("stage", finding.stage().orElse(null))
                .param("cause", finding.cause().map(LeakFlagRepository::cut).orElse(null))
                .param("email", finding.ownerEmail().orElse(null)).param("hs", finding.hubspotId().orElse(null))
                .param("sf", finding.salesforce().map(RecordRef::id).orElse(null))
                .param("sft", finding.salesforce().map(RecordRef::type).orElse(null))
                .param("kind", finding.kind()).param("rule", finding.rule())
                .param("side", finding.record().side().name()).param("type", finding.record().type())
                .param("id", finding.record().id()).param("link", finding.linkId().orElse(null))
                .param("owner", finding.ownerId().orElse(null))
                .param("detail", finding.detail().map(LeakFlagRepository::cut).orElse(null))
                .param("now", SqlTime.bind(clock.instant())).param("key", openKey(finding.record(), finding.kind()))
                .update();
    }

    private static String openKey(RecordRef record, String kind) {
        return kind + "|" + record.side().name() + "|" + record.type() + "|" + record.id();
    }

    private static LeakFlag map(ResultSet rs, int row) throws SQLException {
        long linkId = rs.getLong("link_id");
        Optional<Long> link = rs.wasNull() ? Optional.empty() : Optional.of(linkId);
        String sfId = rs.getString("salesforce_id");
        String sfType = rs.getString("salesforce_type");
        return new LeakFlag(rs.getLong("id"), rs.getString("kind"), rs.getString("rule"),
                new RecordRef(Side.valueOf(rs.getString("record_side")), rs.getString("record_type"),
                        rs.getString("record_id")),
                link, Optional.ofNullable(rs.getString("owner_id")), Optional.ofNullable(rs.getString("detail")),
                LeakFlagStatus.valueOf(rs.getString("status")), SqlTime.read(rs, "opened_at"),
                SqlTime.readOptional(rs, "closed_at"), SqlTime.readOptional(rs, "due_at"), rs.getInt("level"),
                SqlTime.readOptional(rs, "raised_at"), Optional.ofNullable(rs.getString("stage")),
                Optional.ofNullable(rs.getString("cause")), Optional.ofNullable(rs.getString("owner_email")),
                Optional.ofNullable(rs.getString("hubspot_id")),
                sfId == null ? Optional.empty() : Optional.of(RecordRef.salesforce(sfType, sfId)));
    }

    /** The id of the newest flag, 0 when there is none: a mark to list later ones from. */
    public long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM leak_flag").query(Long.class).single();
    }

    /** Flags opened after the one with {@code afterId}, in the order they were opened. */
    public List<LeakFlag> openedAfter(long afterId) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM leak_flag WHERE id > :id ORDER BY id")
                .param("id", afterId).query(LeakFlagRepository::map).list());
    }
}
