package io.baton.core.lifecycle;

import io.baton.core.record.Side;
import java.util.Objects;
import java.util.Optional;

/** A move a person made on one side that the lifecycle does not allow, and why. */
public record Refusal(Side side, Optional<String> from, String attempted, String why) {

    public Refusal {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(attempted, "attempted");
        Objects.requireNonNull(why, "why");
    }
}
