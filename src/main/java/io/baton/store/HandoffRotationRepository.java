package io.baton.store;

import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Turns of a round-robin rotation. {@link #take} hands out consecutive turns atomically, so two
 * pages (or two instances) never give the same turn twice.
 */
@Repository
public class HandoffRotationRepository {

    private static final int RACE_RETRIES = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UniqueInsert unique;

    public HandoffRotationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unique = new UniqueInsert(jdbc);
    }

    /** Takes {@code count} turns of {@code rotation}; returns the first (0 for a new rotation). */
    public long take(String rotation, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("take at least one turn, not " + count);
        }
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Optional<Long> next = jdbc.sql("SELECT next_turn FROM handoff_rotation WHERE name = :n")
                    .param("n", rotation).query(Long.class).optional();
            var now = SqlTime.bind(clock.instant());
            if (next.isEmpty()) {
                if (unique.tryRun(() -> jdbc.sql("INSERT INTO handoff_rotation (name, next_turn, updated_at) "
                        + "VALUES (:n, :next, :now)").param("n", rotation).param("next", (long) count)
                        .param("now", now).update())) {
                    return 0;
                }
            } else if (jdbc.sql("UPDATE handoff_rotation SET next_turn = :next, updated_at = :now "
                            + "WHERE name = :n AND next_turn = :seen")
                    .param("next", next.get() + count).param("now", now).param("n", rotation)
                    .param("seen", next.get()).update() == 1) {
                return next.get();
            }
            // Another page took turns between our read and write: read again.
        }
        throw new IllegalStateException("rotation " + rotation + " kept changing under concurrent takes");
    }
}
