package io.baton.sync;

import io.baton.core.leakage.FlagKey;
import io.baton.core.leakage.FlagLedger;
import io.baton.core.leakage.LeadSnapshot;
import io.baton.core.leakage.LeakDetector;
import io.baton.core.leakage.LeakFinding;
import io.baton.core.leakage.LeakKind;
import io.baton.core.leakage.LeakRule;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import io.baton.salesforce.SalesforceLookups;
import io.baton.store.LeakFlag;
import io.baton.store.LeakFlagRepository;
import io.baton.store.LifecycleRepository;
import io.baton.store.LifecycleRepository.LinkedState;
import io.baton.store.NewLeakFlag;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code routes/leakage-scan.yaml} calls: one pass of the leak rules over everyone in the
 * watched stages, a page at a time (lifecycle state + link + both CRMs' readings), plus, for
 * mql-not-in-salesforce, HubSpot's contacts at that stage. Each page's flags are settled by the
 * {@link FlagLedger}; at the end, open flags no page saw again (their record left the watched
 * stages) are closed.
 */
public class LeakScan {

    private static final Logger LOG = LoggerFactory.getLogger(LeakScan.class);

    /** What one scan did. */
    public record Summary(int scanned, int opened, int raised, int closed) {
    }

    private final LeakDetector detector;
    private final BooleanSupplier syncCaughtUp;
    private final LeakWriteBack writeBack;
    private final LifecycleRepository lifecycle;
    private final LeakFlagRepository flags;
    private final CrmReadings readings;
    private final HubSpotMqlSearch hubspot;
    private final Function<String, Optional<String>> hubspotValueOfStage;
    private final SalesforceLookups salesforce;
    private final Clock clock;
    private final int pageSize;
    private final SyncMetrics metrics;

    LeakScan(LeakDetector detector, LifecycleRepository lifecycle, LeakFlagRepository flags, CrmReadings readings,
             HubSpotMqlSearch hubspot, Function<String, Optional<String>> hubspotValueOfStage,
             SalesforceLookups salesforce, Clock clock, int pageSize, BooleanSupplier syncCaughtUp,
             LeakWriteBack writeBack, SyncMetrics metrics) {
        this.metrics = metrics;
        this.syncCaughtUp = syncCaughtUp;
        this.writeBack = writeBack;
        this.detector = detector;
        this.lifecycle = lifecycle;
        this.flags = flags;
        this.readings = readings;
        this.hubspot = hubspot;
        this.hubspotValueOfStage = hubspotValueOfStage;
        this.salesforce = salesforce;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** One scan; logs one INFO line with what it did. */
    public synchronized Summary scan() {
        if (!syncCaughtUp.getAsBoolean()) {
            // Before the first pass has read both CRMs up to now, every MQL not yet synced would look
            // like a leak: a fresh start (or a backfill) would flag and mail hundreds of false alarms.
            LOG.info("leak scan: waiting for the sync to catch up with both CRMs once");
            return new Summary(0, 0, 0, 0);
        }
        long started = System.nanoTime();
        Instant scanStart = clock.instant();
        Tally tally = new Tally();
        Set<LeakKind> stateKinds = EnumSet.complementOf(EnumSet.of(LeakKind.MQL_NOT_IN_SALESFORCE));
        SalesforceOwners owners = kinds().contains(LeakKind.UNOWNED) ? SalesforceOwners.read(salesforce)
                : SalesforceOwners.none();
        List<String> stages = detector.watchedStages();
        long after = 0;
        while (!stages.isEmpty()) {
            List<LinkedState> page = lifecycle.inStagesAfter(stages, after, pageSize);
            if (page.isEmpty()) {
                break;
            }
            Map<Long, CrmReadings.Reading> read = readings.read(page.stream().map(LinkedState::link).toList());
            settle(page.stream().map(s -> snapshot(s, read.getOrDefault(s.link().id(), CrmReadings.Reading.NONE), owners))
                    .toList(), stateKinds, tally);
            after = page.get(page.size() - 1).state().linkId();
            if (page.size() < pageSize) {
                break;
            }
        }
        detector.rules().stream().filter(r -> r.kind() == LeakKind.MQL_NOT_IN_SALESFORCE).map(LeakRule::stage).distinct()
                .forEach(stage -> hubspotValueOfStage.apply(stage).ifPresent(value -> hubspot.forEachPage(stage, value,
                        snapshots -> settle(snapshots, EnumSet.of(LeakKind.MQL_NOT_IN_SALESFORCE), tally))));
        // A flag no page saw again belongs to a record that left the watched stages: its leak is over.
        for (LeakKind kind : LeakKind.values()) {
            int closed = flags.closeUnseen(List.of(kind.id()), scanStart);
            metrics.flagsClosed(kind.id(), closed);
            tally.closed += closed;
        }
        writeBack.run(scanStart);
        Summary summary = new Summary(tally.scanned, tally.opened, tally.raised, tally.closed);
        LOG.info("leak scan: {} scanned, {} opened, {} raised, {} closed, open {}, {} ms", summary.scanned(),
                summary.opened(), summary.raised(), summary.closed(), flags.countOpenByKind(),
                (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    /** Runs {@code work} while no scan of this instance runs (a dry run's own scan touches the same flags). */
    synchronized <T> T whileStill(java.util.function.Supplier<T> work) {
        return work.get();
    }

    private Set<LeakKind> kinds() {
        return detector.rules().stream().map(LeakRule::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(LeakKind.class)));
    }

    /** Applies the ledger's decision for one page of snapshots and these kinds. */
    private void settle(List<LeadSnapshot> page, Set<LeakKind> kinds, Tally tally) {
        Instant now = clock.instant();
        tally.scanned += page.size();
        List<LeakFinding> findings = page.stream().flatMap(s -> detector.findings(s, now).stream())
                .filter(f -> kinds.contains(f.kind())).toList();
        Set<RecordRef> records = page.stream().map(LeadSnapshot::record).collect(Collectors.toSet());
        List<FlagLedger.OpenFlag> open = flags.openOn(records).stream()
                .flatMap(f -> kindOf(f).filter(kinds::contains)
                        .map(k -> new FlagLedger.OpenFlag(f.id(), new FlagKey(f.record(), k), f.level())).stream())
                .toList();
        FlagLedger.Decision decision = FlagLedger.decide(open, findings, records);
        for (LeakFinding finding : decision.open()) {
            if (flags.openIfAbsent(newFlag(finding)).newlyOpened()) {
                metrics.flagsOpened(finding.kind().id(), 1);
                tally.opened++;
            }
        }
        for (FlagLedger.Raise raise : decision.raise()) {
            if (flags.raise(raise.flag().id(), raise.finding().level(), Optional.of(raise.finding().cause()))) {
                tally.raised++;
            }
        }
        flags.markSeen(decision.keep().stream().map(FlagLedger.OpenFlag::id).toList());
        for (FlagLedger.OpenFlag closed : decision.close()) {
            if (flags.close(closed.id())) {
                metrics.flagsClosed(closed.key().kind().id(), 1);
                tally.closed++;
            }
        }
    }

    private static Optional<LeakKind> kindOf(LeakFlag flag) {
        return Arrays.stream(LeakKind.values()).filter(k -> k.id().equals(flag.kind())).findFirst();
    }

    private static LeadSnapshot snapshot(LinkedState linked, CrmReadings.Reading reading, SalesforceOwners owners) {
        var state = linked.state();
        var link = linked.link();
        Optional<String> ownerId = reading.salesforceOwnerId().or(state::ownerId);
        Map<Side, Instant> activity = new EnumMap<>(Side.class);
        reading.hubspotActivity().ifPresent(at -> activity.put(Side.HUBSPOT, at));
        reading.salesforceActivity().ifPresent(at -> activity.put(Side.SALESFORCE, at));
        // Activity Baton saw during the sync counts as a touch: it is sales working the record.
        Optional<Instant> touched = Stream.concat(state.touchedAt().stream(), state.lastActivityAt().stream())
                .max(Instant::compareTo);
        return new LeadSnapshot(Optional.of(link.id()), link.hubspotId(), link.salesforce(), state.stage(),
                state.stageEnteredAt(), state.reason(), ownerId, state.ownerEmail().or(() -> owners.email(ownerId)),
                owners.state(ownerId), activity, touched, Optional.empty(), reading.hubspotProperties());
    }

    private static NewLeakFlag newFlag(LeakFinding f) {
        LeadSnapshot lead = f.lead();
        return new NewLeakFlag(f.kind().id(), f.rule().name(), f.record(), lead.linkId(), lead.ownerId(),
                Optional.of(f.cause()), Optional.of(f.dueAt()), f.level(), Optional.of(lead.stage()),
                Optional.of(f.cause()), lead.ownerEmail(), lead.hubspotId(), lead.salesforce());
    }

    private static final class Tally {
        int scanned;
        int opened;
        int raised;
        int closed;
    }
}
