package io.baton.core.lifecycle;

import io.baton.core.record.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * A move of the shared stage: from (absent at first placement), to, the side whose change made it,
 * and the reason given with it, if any. This is what the lifecycle audit records.
 */
public record Transition(Optional<String> from, String to, Side source, Optional<String> reason) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }
}
