package io.baton.store;

import io.baton.core.record.Side;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One recorded stage move (or refused attempt): from where (empty for the first stage), to where, why, seen where, by whom, when. */
public record LifecycleEvent(
        long id,
        long linkId,
        Optional<String> fromStage,
        String toStage,
        Optional<String> reason,
        Optional<Side> sourceSide,
        String actor,
        Instant occurredAt,
        Outcome outcome) {

    /** MOVED: the stage changed; REFUSED: a CRM tried a move the policy does not allow (why in reason). */
    public enum Outcome { MOVED, REFUSED }


    public LifecycleEvent {
        Objects.requireNonNull(fromStage, "fromStage");
        Objects.requireNonNull(toStage, "toStage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sourceSide, "sourceSide");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(outcome, "outcome");
    }
}
