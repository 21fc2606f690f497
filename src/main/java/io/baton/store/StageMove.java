package io.baton.store;

import io.baton.core.record.Side;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A move of one link to a lifecycle stage, as recorded in the audit.
 *
 * @param sourceSide the CRM where the change was seen; empty when Baton itself decided it
 * @param actor who made it: a CRM user id, or {@code baton} for policy moves
 * @param reason required by policy for recycle/disqualify, free text otherwise
 * @param at when the CRM says the move happened (e.g. HubSpot's stage-entry date); empty or a time
 *           after the store's clock means now
 */
public record StageMove(long linkId, String toStage, Optional<String> reason, Optional<Side> sourceSide, String actor,
                        Optional<Instant> at) {

    /** A move made now. */
    public StageMove(long linkId, String toStage, Optional<String> reason, Optional<Side> sourceSide, String actor) {
        this(linkId, toStage, reason, sourceSide, actor, Optional.empty());
    }

    public StageMove {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(toStage, "toStage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sourceSide, "sourceSide");
        Objects.requireNonNull(actor, "actor");
        if (toStage.isBlank()) {
            throw new IllegalArgumentException("stage must not be blank");
        }
    }
}
