package io.baton.store;

import io.baton.resilience.UsageLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Baton's API calls per system and hour ({@code api_usage}), the memory of the daily allocations. */
@Repository
public class ApiUsageRepository implements UsageLog {

    /** Buckets are kept a day longer than the rolling window needs, then pruned. */
    private static final Duration KEEP = Duration.ofDays(2);
    private static final int RACE_RETRIES = 20;

    private final JdbcClient jdbc;
    private final UniqueInsert unique;

    public ApiUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.unique = new UniqueInsert(jdbc);
    }

    /**
     * Counts calls already made, so it commits on its own: a caller's transaction that rolls back
     * (a dry run's, which reads the CRMs inside one) must not take the count with it.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void add(String system, Instant bucket, long calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("api_usage of " + system + ": calls cannot be negative, was " + calls);
        }
        var at = SqlTime.bind(bucket);
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            if (jdbc.sql("UPDATE api_usage SET calls = calls + :n WHERE system = :s AND bucket = :b")
                    .param("n", calls).param("s", system).param("b", at).update() == 1) {
                prune(system, bucket);
                return;
            }
            if (unique.tryRun(() -> jdbc.sql("INSERT INTO api_usage (system, bucket, calls) VALUES (:s, :b, :n)")
                    .param("s", system).param("b", at).param("n", calls).update())) {
                prune(system, bucket);
                return;
            }
            // Another instance inserted the bucket between our update and insert: add to it.
        }
        throw new IllegalStateException("api_usage bucket " + system + " " + bucket + " kept changing under concurrent adds");
    }

    @Override
    public Map<Instant, Long> since(String system, Instant since) {
        Map<Instant, Long> buckets = new TreeMap<>();
        jdbc.sql("SELECT bucket, calls FROM api_usage WHERE system = :s AND bucket >= :since")
                .param("s", system).param("since", SqlTime.bind(since))
                .query((rs, row) -> buckets.put(SqlTime.read(rs, "bucket"), rs.getLong("calls")))
                .list();
        return Collections.unmodifiableMap(buckets);
    }

    private void prune(String system, Instant now) {
        jdbc.sql("DELETE FROM api_usage WHERE system = :s AND bucket < :cutoff")
                .param("s", system).param("cutoff", SqlTime.bind(now.minus(KEEP))).update();
    }
}
