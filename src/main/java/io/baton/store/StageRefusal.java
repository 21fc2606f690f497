package io.baton.store;

import io.baton.core.record.Side;
import java.util.Objects;

/**
 * A move one CRM attempted and the lifecycle policy refused, for the audit.
 *
 * @param attemptedStage the stage the CRM showed
 * @param why the policy's reason, e.g. "sql → lead is a backward move"
 */
public record StageRefusal(long linkId, String attemptedStage, Side sourceSide, String actor, String why) {

    public StageRefusal {
        Objects.requireNonNull(attemptedStage, "attemptedStage");
        Objects.requireNonNull(sourceSide, "sourceSide");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(why, "why");
    }
}
