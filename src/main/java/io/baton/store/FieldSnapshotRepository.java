package io.baton.store;

import io.baton.core.record.Side;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The field values last synced per link and side: the base of the 3-way merge. A value stored as
 * absent reads back as {@code ""}; like {@link io.baton.core.record.CrmRecord}, blank and absent
 * both mean "no value".
 */
@Repository
public class FieldSnapshotRepository {

    private static final int IN_CHUNK = 500;
    private static final int RACE_RETRIES = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UniqueInsert unique;
    private final MultiRowInsert inserter;

    public FieldSnapshotRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unique = new UniqueInsert(jdbc);
        this.inserter = new MultiRowInsert(jdbc, "field_snapshot",
                Arrays.asList("link_id", "side", "field_name", "field_value", "synced_at"));
    }

    /** All stored values of one link on one side, by field name; empty when never synced. */
    public Map<String, String> read(long linkId, Side side) {
        return readMany(List.of(linkId), side).getOrDefault(linkId, Map.of());
    }

    /** Values for a page of links on one side, by link id then field; links never synced are absent. */
    public Map<Long, Map<String, String>> readMany(Collection<Long> linkIds, Side side) {
        List<Long> all = new ArrayList<>(linkIds);
        Map<Long, Map<String, String>> byLink = new HashMap<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            jdbc.sql("SELECT link_id, field_name, field_value FROM field_snapshot "
                            + "WHERE side = :side AND link_id IN (:ids) ORDER BY link_id, field_name")
                    .param("side", side.name())
                    .param("ids", all.subList(from, Math.min(all.size(), from + IN_CHUNK)))
                    .query((rs, row) -> {
                        String value = rs.getString("field_value");
                        byLink.computeIfAbsent(rs.getLong("link_id"), id -> new LinkedHashMap<>())
                                .put(rs.getString("field_name"), value == null ? "" : value);
                        return null;
                    }).list();
        }
        Map<Long, Map<String, String>> result = new HashMap<>();
        byLink.forEach((id, values) -> result.put(id, Collections.unmodifiableMap(values)));
        return Collections.unmodifiableMap(result);
    }

    /** Replaces every stored value of one link on one side by {@code values} (null values allowed). */
    public void replace(long linkId, Side side, Map<String, String> values) {
        replaceMany(side, Map.of(linkId, values));
    }

    /**
     * Replaces the stored values of many links on one side: one delete and a few multi-row inserts
     * per page. Two writers replacing the same link at once cannot leave duplicates; the last one
     * to succeed wins.
     */
    public void replaceMany(Side side, Map<Long, Map<String, String>> valuesByLink) {
        if (valuesByLink.isEmpty()) {
            return;
        }
        List<Long> linkIds = new ArrayList<>(valuesByLink.keySet());
        List<List<Object>> rows = new ArrayList<>();
        var now = SqlTime.bind(clock.instant());
        valuesByLink.forEach((linkId, values) -> values.forEach((field, value) ->
                rows.add(Arrays.asList(linkId, side.name(), field, value, now))));
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            boolean done = unique.tryRun(() -> {
                for (int from = 0; from < linkIds.size(); from += IN_CHUNK) {
                    jdbc.sql("DELETE FROM field_snapshot WHERE side = :side AND link_id IN (:ids)")
                            .param("side", side.name())
                            .param("ids", linkIds.subList(from, Math.min(linkIds.size(), from + IN_CHUNK)))
                            .update();
                }
                inserter.insert(rows);
            });
            if (done) {
                return;
            }
            // A concurrent replace of the same link inserted between our delete and insert. Inside
            // a transaction the row locks taken by DELETE settle this at once; without one, writers
            // can keep colliding, so wait a short random while before redoing it.
            pauseBeforeRetry(attempt);
        }
        throw new IllegalStateException("snapshot replace kept colliding with concurrent writers");
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replacing a snapshot", interrupted);
        }
    }
}
