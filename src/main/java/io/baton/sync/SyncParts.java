package io.baton.sync;

import io.baton.config.DeadLetterProperties;
import io.baton.config.LeakageProperties;
import io.baton.config.LifecycleAssembler;
import io.baton.config.LifecycleProperties;
import io.baton.config.MappingsAssembler;
import io.baton.config.MappingsProperties;
import io.baton.config.SyncProperties;
import io.baton.core.leakage.LeakDetector;
import io.baton.core.leakage.LeakKind;
import io.baton.core.leakage.LeakRule;
import io.baton.core.record.Side;
import io.baton.hubspot.HubSpotChangeReader;
import io.baton.hubspot.HubSpotClient;
import io.baton.hubspot.HubSpotLookups;
import io.baton.hubspot.HubSpotWriter;
import io.baton.config.LeakageAssembler;
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
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything the sync engine and the leak scan are built from: the clients, the store and the
 * settings that are not the admin's rules. The service builds its engine from these once, with
 * the rules from config and {@link CrmEffects#real real} effects; a dry run ({@link SyncPlanner})
 * builds a second one, with the current or a candidate config's rules and recorded effects.
 */
record SyncParts(SyncProperties sync, Clock clock, HubSpotClient hubspotClient, HubSpotChangeReader hubspotReader,
                 HubSpotLookups hubspotLookups, HubSpotWriter hubspotWriter, SalesforceChangeReader salesforceReader,
                 SalesforceLookups salesforceLookups, SalesforceWriter salesforceWriter,
                 SalesforceGateway salesforceGateway, TransactionTemplate transaction, RecordLinkRepository links,
                 FieldSnapshotRepository snapshots, ConflictRepository conflicts, WriteAuditRepository audit,
                 DeadLetterRepository deadLetters, SyncCursorRepository cursors, LifecycleRepository stages,
                 LeakFlagRepository flags, HandoffRotationRepository rotation, DeadLetterProperties deadLetterPolicy,
                 ApiGuards guards, SyncMetrics metrics) {

    /**
     * The sync engine under these rules, making these effects on the CRMs and counting in {@code meters}
     * (the service's {@link #metrics()}; a dry run's own, which nobody reads).
     */
    SyncLoop loop(MappingsProperties mappings, LifecycleProperties lifecycle, CrmEffects effects, SyncMetrics meters) {
        LifecycleStep lifecycleStep = new LifecycleStep(LifecycleAssembler.assemble(lifecycle));
        ActiveMappings active = new ActiveMappings(mappings, lifecycle, lifecycleStep, hubspotClient, salesforceLookups,
                clock, sync.ownerRefreshInterval());
        PageCommit commit = new PageCommit(transaction, links, snapshots, conflicts, audit, deadLetters, cursors,
                DeadLetterConfiguration.filing(deadLetters, deadLetterPolicy, clock, meters),
                new StageCommit(stages, flags, active::salesforceUserEmail, meters), meters);
        PairSync pairs = new PairSync(snapshots, meters.metered(Side.HUBSPOT, effects.hubspot()),
                meters.metered(Side.SALESFORCE, effects.salesforce()), commit,
                hubspotLookups::byIds, lifecycleStep, stages,
                new HandoffOwners(lifecycle.handoff(), salesforceLookups, rotation, active::salesforceUserId)::ownersOf,
                effects.asWritten());
        DuplicateReport duplicates = new DuplicateReport();
        return new SyncLoop(active,
                new HubSpotPageSync(hubspotReader, salesforceLookups, links, cursors, pairs, duplicates),
                new SalesforcePageSync(salesforceReader, hubspotLookups, links, cursors, pairs, duplicates,
                        MappingsAssembler.deletes(mappings, Side.SALESFORCE), salesforceLookups, effects.archiveHubSpot()),
                new HubSpotArchiveScan(hubspotLookups, effects.deleteSalesforce(), links,
                        MappingsAssembler.deletes(mappings, Side.HUBSPOT)),
                sync.hubspotArchiveScanInterval(), sync.maxPagesPerRun(), clock, guards.both());
    }

    /** The leak scan under these rules, writing its flags back to the CRMs through these effects. */
    LeakScan leakScan(LeakageProperties leakage, MappingsProperties mappings, LifecycleProperties lifecycle,
                      BooleanSupplier syncCaughtUp, CrmEffects effects, SyncMetrics meters) {
        List<LeakRule> rules = LeakageAssembler.rules(leakage);
        boolean unowned = rules.stream().anyMatch(r -> r.kind() == LeakKind.UNOWNED);
        boolean stale = rules.stream().anyMatch(r -> r.kind() == LeakKind.STALE);
        List<String> conditions = rules.stream().flatMap(r -> r.nurture().stream()).map(c -> c.property()).distinct()
                .toList();
        CrmReadings readings = new CrmReadings(hubspotLookups, salesforceLookups, leakage.calendar().timeZone(),
                unowned || stale, stale, conditions);
        HubSpotMqlSearch search = new HubSpotMqlSearch(hubspotClient, links, deadLetters,
                MappingsAssembler.assemble(mappings, lifecycle).inclusion(), lifecycle.hubspotProperty(),
                leakage.scanPageSize());
        return new LeakScan(new LeakDetector(rules), stages, flags, readings, search,
                stage -> lifecycle.stage(stage).map(LifecycleProperties.Stage::hubspot).filter(v -> v != null && !v.isBlank()),
                salesforceLookups, clock, leakage.scanPageSize(), syncCaughtUp,
                new LeakWriteBack(leakage.writeBack(), flags, hubspotLookups, salesforceLookups, effects.hubspot(),
                        effects.salesforce()), meters);
    }
}
