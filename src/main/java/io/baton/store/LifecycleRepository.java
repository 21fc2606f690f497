package io.baton.store;

import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lifecycle state per link plus the audit of every stage move. The store records moves; whether a
 * move is allowed is the lifecycle policy's decision, made before calling here.
 */
@Repository
public class LifecycleRepository {

    private static final String STATE_COLUMNS =
            "link_id, stage, stage_entered_at, owner_id, last_activity_at, updated_at";
    private static final int RACE_RETRIES = 5;

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
            var now = SqlTime.bind(clock.instant());
            boolean applied;
            if (current.isPresent()) {
                applied = jdbc.sql("UPDATE lifecycle_state SET stage = :to, stage_entered_at = :now, updated_at = :now "
                                + "WHERE link_id = :id AND stage = :from")
                        .param("to", move.toStage()).param("now", now).param("id", move.linkId())
                        .param("from", current.get().stage()).update() == 1;
            } else {
                applied = unique.tryRun(() -> jdbc.sql("INSERT INTO lifecycle_state (link_id, stage, stage_entered_at, "
                                + "updated_at) VALUES (:id, :to, :now, :now)")
                        .param("id", move.linkId()).param("to", move.toStage()).param("now", now).update());
            }
            if (applied) {
                appendEvent(move, current.map(LifecycleState::stage), now);
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

    /** Sets the owner; false when the link has no lifecycle state. */
    public boolean assignOwner(long linkId, String ownerId) {
        return jdbc.sql("UPDATE lifecycle_state SET owner_id = :o, updated_at = :now WHERE link_id = :id")
                .param("o", ownerId).param("now", SqlTime.bind(clock.instant())).param("id", linkId)
                .update() == 1;
    }

    /** The audit of one link, oldest first. */
    public List<LifecycleEvent> events(long linkId) {
        return List.copyOf(jdbc.sql("SELECT id, link_id, from_stage, to_stage, reason, source_side, actor, occurred_at "
                        + "FROM lifecycle_event WHERE link_id = :id ORDER BY occurred_at, id")
                .param("id", linkId).query(LifecycleRepository::mapEvent).list());
    }

    /** Links in {@code stage}, longest there first: what the leak scan walks. */
    public List<LifecycleState> inStage(String stage) {
        return List.copyOf(jdbc.sql("SELECT " + STATE_COLUMNS + " FROM lifecycle_state WHERE stage = :s "
                        + "ORDER BY stage_entered_at, link_id")
                .param("s", stage).query(LifecycleRepository::mapState).list());
    }

    /** How many links are in each stage. */
    public Map<String, Long> countByStage() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT stage, COUNT(*) AS n FROM lifecycle_state GROUP BY stage")
                .query((rs, row) -> counts.put(rs.getString("stage"), rs.getLong("n"))).list();
        return Collections.unmodifiableMap(counts);
    }

    private void appendEvent(StageMove move, Optional<String> from, Object now) {
        jdbc.sql("INSERT INTO lifecycle_event (link_id, from_stage, to_stage, reason, source_side, actor, occurred_at) "
                        + "VALUES (:id, :from, :to, :reason, :side, :actor, :now)")
                .param("id", move.linkId()).param("from", from.orElse(null)).param("to", move.toStage())
                .param("reason", move.reason().orElse(null))
                .param("side", move.sourceSide().map(Side::name).orElse(null))
                .param("actor", move.actor()).param("now", now).update();
    }

    private static LifecycleState mapState(ResultSet rs, int row) throws SQLException {
        return new LifecycleState(rs.getLong("link_id"), rs.getString("stage"), SqlTime.read(rs, "stage_entered_at"),
                Optional.ofNullable(rs.getString("owner_id")), SqlTime.readOptional(rs, "last_activity_at"),
                SqlTime.read(rs, "updated_at"));
    }

    private static LifecycleEvent mapEvent(ResultSet rs, int row) throws SQLException {
        return new LifecycleEvent(rs.getLong("id"), rs.getLong("link_id"), Optional.ofNullable(rs.getString("from_stage")),
                rs.getString("to_stage"), Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getString("source_side")).map(Side::valueOf), rs.getString("actor"),
                SqlTime.read(rs, "occurred_at"));
    }
}
