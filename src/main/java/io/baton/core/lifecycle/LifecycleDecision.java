package io.baton.core.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the lifecycle decided for one person, for the sync to carry out.
 *
 * <ul>
 *   <li>{@code stage}/{@code reason}: the shared stage after this pass (absent while neither side shows one);</li>
 *   <li>{@code move}: the move of the shared stage this pass made, if any; {@code refusals}: the moves refused;</li>
 *   <li>{@code hubspotWrites}/{@code salesforceWrites}: property/field → value, only what differs from the
 *       record (an empty string clears a HubSpot property); {@code hubspotClearFirst}: send
 *       {@code lifecyclestage = ""} in a request of its own before the writes, because HubSpot ignores a
 *       backward set (API-REFERENCE A.5);</li>
 *   <li>{@code hubspotReading}/{@code salesforceReading}: the stage each side shows once the writes land;
 *       store them, and pass them back as the previous readings next time;</li>
 *   <li>{@code flagged}: a refused move was left in place ({@code backward-moves: flag}) for a person to settle.</li>
 * </ul>
 */
public record LifecycleDecision(Optional<String> stage, Optional<String> reason, Optional<Transition> move,
                                List<Refusal> refusals, Map<String, String> hubspotWrites, boolean hubspotClearFirst,
                                Map<String, String> salesforceWrites, Optional<String> hubspotReading,
                                Optional<String> salesforceReading, boolean flagged) {

    public LifecycleDecision {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(move, "move");
        refusals = List.copyOf(refusals);
        hubspotWrites = Map.copyOf(hubspotWrites);
        salesforceWrites = Map.copyOf(salesforceWrites);
        Objects.requireNonNull(hubspotReading, "hubspotReading");
        Objects.requireNonNull(salesforceReading, "salesforceReading");
    }

    /** Whether neither side needs a write. */
    public boolean hasNoWrites() {
        return hubspotWrites.isEmpty() && salesforceWrites.isEmpty();
    }
}
