package io.baton.store;

import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lifecycle state per link plus the audit of every stage move. The store records moves; whether a
 * move is allowed is the lifecycle policy's decision, made before calling here.
 */
@Repository
public class LifecycleRepository {

    private static final String STATE_COLUMNS =
            "link_id, stage, stage_entered_at, owner_id, last_activity_at, updated_at, stage_reason, hubspot_stage, "
            + "salesforce_stage, touched_at, owner_email";
    private static final int MAX_REASON = 500;
    private static final int RACE_RETRIES = 5;
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UniqueInsert unique;

    public LifecycleRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unique = new UniqueInsert(jdbc);
    }

    public Optional<LifecycleState> find(long linkId) {
        return jdbc.sql("SELECT " + STATE_COLUMNS + " FROM lifecycle_state WHERE link_id = :id")
                .param("id", linkId).query(LifecycleRepository::mapState).optional();
    }

    /** The states of a page of links, by link id; links without one are absent. */
    public Map<Long, LifecycleState> findMany(Collection<Long> linkIds) {
        List<Long> all = new ArrayList<>(linkIds);
        Map<Long, LifecycleState> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            jdbc.sql("SELECT " + STATE_COLUMNS + " FROM lifecycle_state WHERE link_id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + IN_CHUNK)))
                    .query(LifecycleRepository::mapState).list().forEach(state -> found.put(state.linkId(), state));
        }
        return Collections.unmodifiableMap(found);
    }

    /**
     * Moves the link to {@code move.toStage()} and appends the event. A move to the stage it is
     * already in changes nothing and records nothing (a replayed page must not double the audit).
     */
    public LifecycleState move(StageMove move) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Optional<LifecycleState> current = find(move.linkId());
            if (current.isPresent() && current.get().stage().equals(move.toStage())) {
                return current.get();
            }
            Instant clockNow = clock.instant();
            // When the CRM says it moved, if Baton sees it later (a poll, a restart); never in the future.
            var at = SqlTime.bind(move.at().filter(t -> t.isBefore(clockNow)).orElse(clockNow));
            var now = SqlTime.bind(clockNow);
            boolean applied;
            if (current.isPresent()) {
                applied = jdbc.sql("UPDATE lifecycle_state SET stage = :to, stage_reason = :reason, stage_entered_at = :at, "
                                + "touched_at = :at, updated_at = :now WHERE link_id = :id AND stage = :from")
                        .param("to", move.toStage()).param("reason", reason(move.reason())).param("at", at)
                        .param("now", now).param("id", move.linkId())
                        .param("from", current.get().stage()).update() == 1;
            } else {
                applied = unique.tryRun(() -> jdbc.sql("INSERT INTO lifecycle_state (link_id, stage, stage_reason, "
                                + "stage_entered_at, updated_at) VALUES (:id, :to, :reason, :at, :now)")
                        .param("id", move.linkId()).param("to", move.toStage()).param("reason", reason(move.reason()))
                        .param("at", at).param("now", now).update());
            }
            if (applied) {
                appendEvent(move.linkId(), current.map(LifecycleState::stage), move.toStage(), move.reason(),
                        move.sourceSide(), move.actor(), LifecycleEvent.Outcome.MOVED, at);
                return find(move.linkId()).orElseThrow();
            }
            // Another writer moved it between our read and write: decide again from what it wrote.
        }
        throw new IllegalStateException("lifecycle of link " + move.linkId() + " kept changing under concurrent moves");
    }

    /**
     * Notes activity on the link; an older instant than the one stored is ignored (activity is read
     * out of order). False only when the link has no lifecycle state yet.
     */
    public boolean recordActivity(long linkId, Instant at) {
        return jdbc.sql("UPDATE lifecycle_state SET last_activity_at = :at, updated_at = :now WHERE link_id = :id "
                        + "AND (last_activity_at IS NULL OR last_activity_at < :at)")
                .param("at", SqlTime.bind(at)).param("now", SqlTime.bind(clock.instant())).param("id", linkId)
                .update() == 1 || find(linkId).isPresent();
    }

    /**
     * Sets the owner (and their email, when known); a change of owner counts as sales touching the
     * record. False when the link has no lifecycle state.
     */
    public boolean assignOwner(long linkId, String ownerId, Optional<String> ownerEmail) {
        var now = SqlTime.bind(clock.instant());
        jdbc.sql("UPDATE lifecycle_state SET touched_at = :now WHERE link_id = :id "
                        + "AND owner_id IS NOT NULL AND owner_id <> :o")
                .param("o", ownerId).param("now", now).param("id", linkId).update();
        return jdbc.sql("UPDATE lifecycle_state SET owner_id = :o, owner_email = :e, updated_at = :now WHERE link_id = :id")
                .param("o", ownerId).param("e", ownerEmail.orElse(null)).param("now", now).param("id", linkId)
                .update() == 1;
    }

    /** Notes that sales touched the record at {@code at} (a status change, say); older instants are ignored. */
    public boolean touch(long linkId, Instant at) {
        return jdbc.sql("UPDATE lifecycle_state SET touched_at = :at, updated_at = :now WHERE link_id = :id "
                        + "AND (touched_at IS NULL OR touched_at < :at)")
                .param("at", SqlTime.bind(at)).param("now", SqlTime.bind(clock.instant())).param("id", linkId)
                .update() == 1 || find(linkId).isPresent();
    }

    /**
     * Remembers the stage each CRM showed once this sync's writes landed: the next sync compares
     * against these to tell a side's own move from a side merely lagging. False without state.
     */
    public boolean rememberReadings(long linkId, Optional<String> hubspotStage, Optional<String> salesforceStage) {
        return jdbc.sql("UPDATE lifecycle_state SET hubspot_stage = :h, salesforce_stage = :s, updated_at = :now "
                        + "WHERE link_id = :id")
                .param("h", hubspotStage.orElse(null)).param("s", salesforceStage.orElse(null))
                .param("now", SqlTime.bind(clock.instant())).param("id", linkId).update() == 1;
    }

    /** Audits a move the policy refused; the state does not change. */
    public void refuse(StageRefusal refusal) {
        appendEvent(refusal.linkId(), find(refusal.linkId()).map(LifecycleState::stage), refusal.attemptedStage(),
                Optional.of(refusal.why()), Optional.of(refusal.sourceSide()), refusal.actor(),
                LifecycleEvent.Outcome.REFUSED, SqlTime.bind(clock.instant()));
    }

    /** The audit of one link, oldest first. */
    public List<LifecycleEvent> events(long linkId) {
        return List.copyOf(jdbc.sql("SELECT id, link_id, from_stage, to_stage, reason, source_side, actor, occurred_at, outcome "
                        + "FROM lifecycle_event WHERE link_id = :id ORDER BY occurred_at, id")
                .param("id", linkId).query(LifecycleRepository::mapEvent).list());
    }

    /** Links in {@code stage}, longest there first: what the leak scan walks. */
    public List<LifecycleState> inStage(String stage) {
        return List.copyOf(jdbc.sql("SELECT " + STATE_COLUMNS + " FROM lifecycle_state WHERE stage = :s "
                        + "ORDER BY stage_entered_at, link_id")
                .param("s", stage).query(LifecycleRepository::mapState).list());
    }

    /**
     * One page of the active links in any of {@code stages}, with their link, after link id
     * {@code afterLinkId} in link-id order: the leak scan walks the watched stages with this, a page
     * at a time, instead of holding the table in memory.
     */
    public List<LinkedState> inStagesAfter(java.util.Collection<String> stages, long afterLinkId, int limit) {
        if (stages.isEmpty()) {
            return List.of();
        }
        String columns = java.util.Arrays.stream(STATE_COLUMNS.split(",\\s*")).map(c -> "s." + c)
                .collect(java.util.stream.Collectors.joining(", "));
        return List.copyOf(jdbc.sql("SELECT " + columns + ", l.id, l.hubspot_id, l.salesforce_id, l.salesforce_type, "
                        + "l.email, l.status, l.merged_into_id, l.created_at, l.updated_at AS link_updated_at, l.converted_lead_id "
                        + "FROM lifecycle_state s JOIN record_link l ON l.id = s.link_id "
                        + "WHERE s.stage IN (:stages) AND l.status = 'ACTIVE' AND s.link_id > :after "
                        + "ORDER BY s.link_id LIMIT :n")
                .param("stages", List.copyOf(stages)).param("after", afterLinkId).param("n", limit)
                .query(LifecycleRepository::mapLinked).list());
    }

    /** Both tables have an updated_at: the state's is read by name, the link's under its alias. */
    private static LinkedState mapLinked(ResultSet rs, int row) throws SQLException {
        RecordLink l = RecordLinkRepository.map(rs, row);
        return new LinkedState(mapState(rs, row), new RecordLink(l.id(), l.hubspotId(), l.salesforce(), l.email(),
                l.status(), l.mergedInto(), l.createdAt(), SqlTime.read(rs, "link_updated_at"), l.convertedLeadId()));
    }

    /** A lifecycle state with the link it belongs to. */
    public record LinkedState(LifecycleState state, RecordLink link) {
    }

    /** How many links are in each stage. */
    public Map<String, Long> countByStage() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT stage, COUNT(*) AS n FROM lifecycle_state GROUP BY stage")
                .query((rs, row) -> counts.put(rs.getString("stage"), rs.getLong("n"))).list();
        return Collections.unmodifiableMap(counts);
    }

    /** A move into a stage, as the audit has it: what the funnel is counted from. */
    public record StageEntry(long linkId, String stage, Instant at) {
    }

    /**
     * Every stage move of the active links (refusals left out), optionally only those at or after
     * {@code since}, handed over link by link, each link's moves oldest first. The store is read
     * {@code linksPerPage} links at a time, so the audit never has to fit in memory.
     */
    public void forEachStageEntry(Optional<Instant> since, int linksPerPage, Consumer<StageEntry> each) {
        String window = since.isPresent() ? " AND e.occurred_at >= :since" : "";
        long after = 0;
        while (true) {
            Long upTo = jdbc.sql("SELECT MAX(id) FROM (SELECT id FROM record_link WHERE status = 'ACTIVE' AND id > :after "
                            + "ORDER BY id LIMIT :n) page")
                    .param("after", after).param("n", linksPerPage).query(Long.class).optional().orElse(null);
            if (upTo == null) {
                return;
            }
            JdbcClient.StatementSpec page = jdbc.sql("SELECT e.link_id, e.to_stage, e.occurred_at FROM lifecycle_event e "
                            + "JOIN record_link l ON l.id = e.link_id WHERE l.status = 'ACTIVE' AND e.outcome = 'MOVED' "
                            + "AND e.link_id > :after AND e.link_id <= :upTo" + window
                            + " ORDER BY e.link_id, e.occurred_at, e.id")
                    .param("after", after).param("upTo", upTo);
            if (since.isPresent()) {
                page = page.param("since", SqlTime.bind(since.get()));
            }
            page.query((rs, row) -> new StageEntry(rs.getLong("link_id"), rs.getString("to_stage"),
                    SqlTime.read(rs, "occurred_at"))).list().forEach(each);
            after = upTo;
        }
    }

    private void appendEvent(long linkId, Optional<String> from, String to, Optional<String> reason,
            Optional<Side> side, String actor, LifecycleEvent.Outcome outcome, Object now) {
        jdbc.sql("INSERT INTO lifecycle_event (link_id, from_stage, to_stage, reason, source_side, actor, occurred_at, "
                        + "outcome) VALUES (:id, :from, :to, :reason, :side, :actor, :now, :outcome)")
                .param("id", linkId).param("from", from.orElse(null)).param("to", to)
                .param("reason", reason(reason)).param("side", side.map(Side::name).orElse(null))
                .param("actor", actor).param("now", now).param("outcome", outcome.name()).update();
    }

    private static String reason(Optional<String> reason) {
        return reason.map(r -> r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON)).orElse(null);
    }

    private static LifecycleState mapState(ResultSet rs, int row) throws SQLException {
        return new LifecycleState(rs.getLong("link_id"), rs.getString("stage"), SqlTime.read(rs, "stage_entered_at"),
                Optional.ofNullable(rs.getString("owner_id")), SqlTime.readOptional(rs, "last_activity_at"),
                SqlTime.read(rs, "updated_at"), Optional.ofNullable(rs.getString("stage_reason")),
                Optional.ofNullable(rs.getString("hubspot_stage")), Optional.ofNullable(rs.getString("salesforce_stage")),
                SqlTime.readOptional(rs, "touched_at"), Optional.ofNullable(rs.getString("owner_email")));
    }

    private static LifecycleEvent mapEvent(ResultSet rs, int row) throws SQLException {
        return new LifecycleEvent(rs.getLong("id"), rs.getLong("link_id"), Optional.ofNullable(rs.getString("from_stage")),
                rs.getString("to_stage"), Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getString("source_side")).map(Side::valueOf), rs.getString("actor"),
                SqlTime.read(rs, "occurred_at"), LifecycleEvent.Outcome.valueOf(rs.getString("outcome")));
    }

    /** The id of the newest audit event, 0 when there is none: a mark to list later events from. */
    public long lastEventId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM lifecycle_event").query(Long.class).single();
    }

    /** Audit events recorded after the one with {@code afterId}, in the order they were recorded. */
    public List<LifecycleEvent> eventsAfter(long afterId) {
        return List.copyOf(jdbc.sql("SELECT id, link_id, from_stage, to_stage, reason, source_side, actor, occurred_at, outcome "
                        + "FROM lifecycle_event WHERE id > :id ORDER BY id")
                .param("id", afterId).query(LifecycleRepository::mapEvent).list());
    }
}
