package io.baton.sync;

import io.baton.config.CandidateRules;
import io.baton.config.DeadLetterProperties;
import io.baton.config.LeakageProperties;
import io.baton.config.LifecycleProperties;
import io.baton.config.MappingsProperties;
import io.baton.config.SyncProperties;
import io.baton.hubspot.HubSpotChangeReader;
import io.baton.hubspot.HubSpotClient;
import io.baton.hubspot.HubSpotLookups;
import io.baton.hubspot.HubSpotWriter;
import io.baton.resilience.ApiGuards;
import io.baton.salesforce.SalesforceChangeReader;
import io.baton.salesforce.SalesforceGateway;
import io.baton.salesforce.SalesforceLookups;
import io.baton.salesforce.SalesforceWriter;
import io.baton.store.ConflictRepository;
import io.baton.store.DeadLetterRepository;
import io.baton.store.FieldSnapshotRepository;
import io.baton.store.HandoffRotationRepository;
import io.baton.store.LeakFlagRepository;
import io.baton.store.LifecycleRepository;
import io.baton.store.RecordLinkRepository;
import io.baton.store.SyncCursorRepository;
import io.baton.store.WriteAuditRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The sync engine's parts, wired once; the routes call {@code syncLoop}. */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    @Bean
    SyncMetrics syncMetrics(MeterRegistry registry) {
        return new SyncMetrics(registry);
    }

    /** {@code baton_sync_lag_seconds{direction}} (DESIGN §3): the lag {@code /api/status} shows, per direction. */
    @Bean
    MeterBinder syncLagGauges(SyncLoop syncLoop, SyncCursorRepository cursors, Clock clock) {
        return registry -> SyncMetrics.registerLag(registry, syncLoop, cursors, clock);
    }

    @Bean
    SyncParts syncParts(SyncProperties sync, Clock clock, HubSpotClient hubspotClient, HubSpotChangeReader hubspotReader,
                        HubSpotLookups hubspotLookups, HubSpotWriter hubspotWriter,
                        SalesforceChangeReader salesforceReader, SalesforceLookups salesforceLookups,
                        SalesforceWriter salesforceWriter, SalesforceGateway salesforceGateway,
                        TransactionTemplate transaction, RecordLinkRepository links, FieldSnapshotRepository snapshots,
                        ConflictRepository conflicts, WriteAuditRepository audit, DeadLetterRepository deadLetters,
                        SyncCursorRepository cursors, LifecycleRepository stages, LeakFlagRepository flags,
                        HandoffRotationRepository rotation, DeadLetterProperties deadLetterPolicy, ApiGuards guards,
                        SyncMetrics metrics) {
        return new SyncParts(sync, clock, hubspotClient, hubspotReader, hubspotLookups, hubspotWriter, salesforceReader,
                salesforceLookups, salesforceWriter, salesforceGateway, transaction, links, snapshots, conflicts, audit,
                deadLetters, cursors, stages, flags, rotation, deadLetterPolicy, guards, metrics);
    }

    @Bean
    SyncLoop syncLoop(SyncParts parts, MappingsProperties mappings, LifecycleProperties lifecycle) {
        return parts.loop(mappings, lifecycle, CrmEffects.real(parts), parts.metrics());
    }

    @Bean
    SyncPlanner syncPlanner(SyncParts parts, MappingsProperties mappings, LifecycleProperties lifecycle,
                            LeakageProperties leakage, SyncLoop syncLoop, LeakScan leakScan) {
        return new SyncPlanner(parts, CandidateRules.current(mappings, lifecycle, leakage), syncLoop, leakScan);
    }

    @Bean
    Rebaseline rebaseline(SyncLoop syncLoop, SyncCursorRepository cursors, Clock clock) {
        return new Rebaseline(syncLoop, cursors, clock);
    }
}
