package io.baton.sync;

import io.baton.config.CandidateRules;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import io.baton.resilience.Pause;
import io.baton.store.Conflict;
import io.baton.store.DeadLetter;
import io.baton.store.LeakFlag;
import io.baton.store.LifecycleEvent;
import io.baton.store.RecordLink;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dry run behind {@code baton plan} and {@code POST /api/plan}: a second sync engine, built from
 * the same parts under the current or a candidate config's rules, runs the next sync (or, for a
 * re-baseline, a sync of everything) and the leak scan after it, against the real CRMs but with
 * {@link RecordedEffects} in place of every write — and all of it inside one store transaction that
 * is rolled back. So the plan is made by the very code that will sync, links and snapshots and
 * stage moves included, and leaves neither CRM nor store changed. The real engine and leak scan
 * are held still meanwhile, so the plan is of the state the next run will start from. Its meters
 * are its own ({@link SyncMetrics#NONE}): the service's count what happened, not what might.
 */
public final class SyncPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(SyncPlanner.class);
    private static final int MAX_ROUNDS = 10_000;

    private final SyncParts parts;
    private final CandidateRules current;
    private final SyncLoop realLoop;
    private final LeakScan realScan;
    private final Clock clock;

    SyncPlanner(SyncParts parts, CandidateRules current, SyncLoop realLoop, LeakScan realScan) {
        this.parts = parts;
        this.current = current;
        this.realLoop = realLoop;
        this.realScan = realScan;
        this.clock = parts.clock();
    }

    /** Plans with the running rules. */
    public PlanReport plan(boolean full) {
        return plan(current, full);
    }

    /**
     * Plans with {@code rules}; {@code full} plans a re-baseline (every stream from its beginning)
     * instead of the next run.
     */
    public PlanReport plan(CandidateRules rules, boolean full) {
        return realScan.whileStill(() -> realLoop.whileStill(() -> parts.transaction().execute(tx -> {
            tx.setRollbackOnly(); // whatever happens, the store keeps nothing of the dry run
            return dryRun(rules, full);
        })));
    }

    private PlanReport dryRun(CandidateRules rules, boolean full) {
        long started = System.nanoTime();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long lastEvent = parts.stages().lastEventId();
        long lastConflict = parts.conflicts().lastId();
        long lastFlag = parts.flags().lastId();
        RecordedEffects recorded = new RecordedEffects(clock, parts.salesforceLookups()::requiredOnCreate);
        SyncLoop loop = parts.loop(rules.mappings(), rules.lifecycle(), recorded.effects("sync"), SyncMetrics.NONE);
        if (full) {
            parts.cursors().resetAll();
        }
        int read = loop.syncUntilQuiet(MAX_ROUNDS);
        List<Pause> pauses = loop.pauses();
        String incomplete = pauses.isEmpty() ? null : pauses.stream().map(Pause::why).collect(Collectors.joining("; "));
        if (incomplete == null) {
            parts.leakScan(rules.leakage(), rules.mappings(), rules.lifecycle(), () -> true,
                    recorded.effects("leak-write-back"), SyncMetrics.NONE).scan();
        }
        List<LifecycleEvent> events = parts.stages().eventsAfter(lastEvent);
        List<Conflict> conflicts = parts.conflicts().after(lastConflict);
        // Read inside the dry run's transaction: the links it made exist only there.
        Links links = new Links(recorded, parts.links().findByIds(java.util.stream.Stream.concat(
                events.stream().map(LifecycleEvent::linkId), conflicts.stream().map(Conflict::linkId)).toList()));
        PlanReport report = new PlanReport(rules.source(), full, at, (System.nanoTime() - started) / 1_000_000, read,
                recorded.writes().stream().map(SyncPlanner::write).toList(),
                recorded.deletes().stream().map(d -> new PlanReport.Delete(system(d.side()), d.type(), d.id())).toList(),
                events.stream().map(e -> move(e, links)).toList(),
                parts.flags().openedAfter(lastFlag).stream().map(f -> flag(f, recorded)).toList(),
                parts.flags().closedSince(at).stream().filter(f -> f.id() <= lastFlag).map(f -> flag(f, recorded)).toList(),
                conflicts.stream().map(c -> conflict(c, links)).toList(),
                parts.deadLetters().failedSince(at).stream().map(d -> failure(d, recorded)).toList(),
                incomplete);
        LOG.info("plan ({}{}): {} changes read, {} writes, {} deletes, {} stage moves, {} flags to open, {} to close, "
                        + "{} conflicts, {} failures, {} ms; nothing written", rules.source(), full ? ", re-baseline" : "",
                read, report.writes().size(), report.deletes().size(), report.lifecycleMoves().size(),
                report.flagsOpened().size(), report.flagsClosed().size(), report.conflicts().size(),
                report.failures().size(), report.tookMillis());
        return report;
    }

    private static PlanReport.Write write(RecordedEffects.Recorded r) {
        return new PlanReport.Write(system(r.write().side()), r.write().type(), r.write().isCreate() ? "create" : "update",
                r.write().isCreate() ? null : r.recordId(), r.origin(), r.write().fields());
    }

    private static String system(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    private PlanReport.Move move(LifecycleEvent e, Links links) {
        Optional<RecordLink> link = links.of(e.linkId());
        return new PlanReport.Move(links.hubspotId(link), links.salesforceId(link), e.fromStage().orElse(null), e.toStage(),
                e.reason().orElse(null), e.sourceSide().map(SyncPlanner::system).orElse(null), e.outcome().name());
    }

    private static PlanReport.Flag flag(LeakFlag f, RecordedEffects recorded) {
        return new PlanReport.Flag(f.kind(), f.rule(), recorded.shown(f.hubspotId().orElse(null)),
                recorded.shown(f.salesforce().map(RecordRef::id).orElse(null)), f.ownerEmail().orElse(null), f.stage().orElse(null),
                f.detail().orElse(null));
    }

    private PlanReport.PlannedConflict conflict(Conflict c, Links links) {
        Optional<RecordLink> link = links.of(c.linkId());
        return new PlanReport.PlannedConflict(links.hubspotId(link), links.salesforceId(link), c.field(), c.baseValue().orElse(null),
                c.hubspotValue().orElse(null), c.salesforceValue().orElse(null), c.rule(),
                c.winner().map(SyncPlanner::system).orElse(null));
    }

    private static PlanReport.Failure failure(DeadLetter d, RecordedEffects recorded) {
        return new PlanReport.Failure(system(d.record().side()), d.record().type(), recorded.shown(d.record().id()), d.stream(),
                d.errorCode().orElse(null), d.reason());
    }

    /** The links the report's moves and conflicts name, with the ids a plan shows for them. */
    private record Links(RecordedEffects recorded, Map<Long, RecordLink> byId) {

        Optional<RecordLink> of(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        String hubspotId(Optional<RecordLink> link) {
            return recorded.shown(link.flatMap(RecordLink::hubspotId).orElse(null));
        }

        String salesforceId(Optional<RecordLink> link) {
            return recorded.shown(link.flatMap(RecordLink::salesforceId).orElse(null));
        }
    }
}
