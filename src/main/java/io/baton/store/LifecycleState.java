package io.baton.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one linked person stands in the shared lifecycle: the stage (a name from
 * {@code config/lifecycle.yml}), since when and why, who owns it, when it was last worked on
 * (activity) or touched by sales (activity, owner or status change), and the stage each CRM showed at
 * the last sync ({@code hubspotStage}, {@code salesforceStage}: a side only moved when its reading
 * differs from these).
 */
public record LifecycleState(
        long linkId,
        String stage,
        Instant stageEnteredAt,
        Optional<String> ownerId,
        Optional<Instant> lastActivityAt,
        Instant updatedAt,
        Optional<String> reason,
        Optional<String> hubspotStage,
        Optional<String> salesforceStage,
        Optional<Instant> touchedAt,
        Optional<String> ownerEmail) {

    public LifecycleState {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hubspotStage, "hubspotStage");
        Objects.requireNonNull(salesforceStage, "salesforceStage");
        Objects.requireNonNull(touchedAt, "touchedAt");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
    }
}
