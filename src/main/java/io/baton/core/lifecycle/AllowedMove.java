package io.baton.core.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * A move allowed besides going forward: a record in any {@code from} stage may move to {@code to};
 * with {@code reasonRequired} only when the move carries a reason (e.g. {@code recycled → lead}).
 */
public record AllowedMove(List<String> from, String to, boolean reasonRequired) {

    public AllowedMove {
        from = List.copyOf(from);
        Objects.requireNonNull(to, "to");
    }

    /** Whether this entry allows {@code from → to}. */
    public boolean covers(String fromStage, String toStage) {
        return to.equals(toStage) && from.contains(fromStage);
    }
}
