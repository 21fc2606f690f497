package io.baton.store;

import io.baton.core.record.Side;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One recorded stage move: from where (empty for the first stage), to where, why, seen where, by whom, when. */
public record LifecycleEvent(
        long id,
        long linkId,
        Optional<String> fromStage,
        String toStage,
        Optional<String> reason,
        Optional<Side> sourceSide,
        String actor,
        Instant occurredAt) {

    public LifecycleEvent {
        Objects.requireNonNull(fromStage, "fromStage");
        Objects.requireNonNull(toStage, "toStage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sourceSide, "sourceSide");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
