package io.baton.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last cron tick each digest was sent for ({@code digest_run}). Advancing is a compare-and-set
 * on the tick read before, so two runs deciding on the same tick cannot both send it.
 */
@Repository
public class DigestRunRepository {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UniqueInsert unique;

    public DigestRunRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unique = new UniqueInsert(jdbc);
    }

    public Optional<Instant> lastTick(String digest) {
        return jdbc.sql("SELECT last_tick FROM digest_run WHERE digest = :d").param("d", digest)
                .query((rs, row) -> SqlTime.read(rs, "last_tick")).optional();
    }

    /** Moves the digest from tick {@code expected} (none: never run) to {@code tick}; false when another run did first. */
    public boolean advance(String digest, Optional<Instant> expected, Instant tick) {
        var now = SqlTime.bind(clock.instant());
        if (expected.isEmpty()) {
            return unique.tryRun(() -> jdbc.sql("INSERT INTO digest_run (digest, last_tick, ran_at) VALUES (:d, :t, :now)")
                    .param("d", digest).param("t", SqlTime.bind(tick)).param("now", now).update());
        }
        return jdbc.sql("UPDATE digest_run SET last_tick = :t, ran_at = :now WHERE digest = :d AND last_tick = :prev")
                .param("t", SqlTime.bind(tick)).param("now", now).param("d", digest)
                .param("prev", SqlTime.bind(expected.get())).update() == 1;
    }
}
