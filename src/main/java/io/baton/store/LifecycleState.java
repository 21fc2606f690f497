package io.baton.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one linked person stands in the shared lifecycle: the stage (a name from
 * {@code config/lifecycle.yml}), since when, who owns it and when it was last worked on.
 */
public record LifecycleState(
        long linkId,
        String stage,
        Instant stageEnteredAt,
        Optional<String> ownerId,
        Optional<Instant> lastActivityAt,
        Instant updatedAt) {

    public LifecycleState {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
