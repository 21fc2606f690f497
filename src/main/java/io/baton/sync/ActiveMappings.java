package io.baton.sync;

import io.baton.config.LifecycleProperties;
import io.baton.config.MappingsAssembler;
import io.baton.config.MappingsProperties;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.OwnerMapping;
import io.baton.hubspot.HubSpotClient;
import io.baton.salesforce.SalesforceLookups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import io.baton.core.mapping.SalesforceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mappings the sync works with: config/mappings.yml and lifecycle.yml as assembled at start-up,
 * plus the owner directory of both CRMs (HubSpot owners, active Salesforce users), read when first
 * needed and again every {@code baton.sync.owner-refresh-interval}.
 */
final class ActiveMappings {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveMappings.class);

    private final Mappings configured;
    private final HubSpotClient hubspot;
    private final SalesforceLookups salesforce;
    private final Clock clock;
    private final Duration refreshEvery;
    private volatile Mappings current;
    private volatile Instant refreshedAt = Instant.MIN;

    private volatile Map<String, String> userEmails = Map.of();

    ActiveMappings(MappingsProperties mappings, LifecycleProperties lifecycle, LifecycleStep stages,
                   HubSpotClient hubspot, SalesforceLookups salesforce, Clock clock, Duration refreshEvery) {
        Map<SalesforceType, List<String>> stageFields = new EnumMap<>(SalesforceType.class);
        for (SalesforceType type : SalesforceType.values()) {
            stageFields.put(type, stages.salesforceFields(type));
        }
        this.configured = MappingsAssembler.assemble(mappings, lifecycle)
                .alsoReading(stages.hubspotProperties(), stageFields);
        this.current = configured;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
    }

    /** The mappings with an owner directory at most {@code refreshEvery} old. */
    synchronized Mappings get() {
        Instant now = clock.instant();
        if (refreshedAt.plus(refreshEvery).isBefore(now)) {
            List<OwnerMapping.Person> owners = hubspot.owners().stream()
                    .map(o -> new OwnerMapping.Person(o.id(), o.email())).toList();
            List<OwnerMapping.Person> users = salesforce.activeUsers().stream()
                    .map(u -> new OwnerMapping.Person(u.id(), u.email())).toList();
            current = configured.withOwners(owners, users);
            userEmails = users.stream().filter(u -> u.email() != null)
                    .collect(Collectors.toUnmodifiableMap(OwnerMapping.Person::id, OwnerMapping.Person::email, (a, b) -> a));
            refreshedAt = now;
            LOG.info("owners: {} HubSpot owners, {} active Salesforce users", owners.size(), users.size());
        }
        return current;
    }

    /** The id of the active Salesforce user with this email (any case), from the directory last read. */
    Optional<String> salesforceUserId(String email) {
        get();
        return userEmails.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(email.trim()))
                .map(Map.Entry::getKey).sorted().findFirst();
    }

    /** The email of an active Salesforce user, from the directory last read. */
    Optional<String> salesforceUserEmail(String userId) {
        return Optional.ofNullable(userEmails.get(userId));
    }
}
