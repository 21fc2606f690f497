package io.baton.sync;

import io.baton.config.LifecycleProperties;
import io.baton.salesforce.SalesforceLookups;
import io.baton.store.HandoffRotationRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who owns the Leads Baton creates for handed-off contacts (lifecycle.yml {@code handoff.assign}):
 * the owner mapping (nothing to do here), the org's assignment rules (the writer's
 * Sforce-Auto-Assign header), a queue, or the listed users in turn. The rotation's position lives
 * in the store, so turns go on where they stopped after a restart.
 */
final class HandoffOwners {

    private static final Logger LOG = LoggerFactory.getLogger(HandoffOwners.class);
    static final String ROTATION = "handoff";

    private final LifecycleProperties.Handoff handoff;
    private final SalesforceLookups salesforce;
    private final HandoffRotationRepository rotation;
    private final Function<String, Optional<String>> userIdByEmail;
    private volatile Optional<String> queueId = Optional.empty();

    HandoffOwners(LifecycleProperties.Handoff handoff, SalesforceLookups salesforce, HandoffRotationRepository rotation,
                  Function<String, Optional<String>> userIdByEmail) {
        this.handoff = handoff;
        this.salesforce = salesforce;
        this.rotation = rotation;
        this.userIdByEmail = userIdByEmail;
    }

    /** The owner of each of {@code count} new Leads, in order; empty: keep the one the owner mapping chose. */
    List<Optional<String>> ownersOf(int count) {
        if (count == 0) {
            return List.of();
        }
        return switch (handoff.assign()) {
            case QUEUE -> Collections.nCopies(count, queue());
            case ROUND_ROBIN -> turns(count);
            case OWNER_MAPPING, ASSIGNMENT_RULES -> Collections.nCopies(count, Optional.empty());
        };
    }

    private Optional<String> queue() {
        if (queueId.isEmpty()) {
            queueId = salesforce.queueId(handoff.queue());
            if (queueId.isEmpty()) {
                LOG.error("handoff: Salesforce has no queue named '{}' (lifecycle.yml handoff.queue); new Leads keep "
                        + "the owner mapping's owner until it exists", handoff.queue());
            }
        }
        return queueId;
    }

    private List<Optional<String>> turns(int count) {
        List<String> users = new ArrayList<>();
        for (String email : handoff.users()) {
            userIdByEmail.apply(email).ifPresentOrElse(users::add, () -> LOG.warn(
                    "handoff: {} (lifecycle.yml handoff.users) is no active Salesforce user; skipped in the rotation", email));
        }
        if (users.isEmpty()) {
            LOG.error("handoff: none of handoff.users is an active Salesforce user; new Leads keep the owner mapping's owner");
            return Collections.nCopies(count, Optional.empty());
        }
        long first = rotation.take(ROTATION, count);
        List<Optional<String>> owners = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            owners.add(Optional.of(users.get((int) Math.floorMod(first + i, (long) users.size()))));
        }
        return owners;
    }
}
