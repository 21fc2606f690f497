package io.baton.sync;

import io.baton.core.reconcile.RecordPlan;
import io.baton.core.reconcile.Reconciler;
import io.baton.core.reconcile.Snapshot;
import io.baton.core.reconcile.Write;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.core.record.SyncCursor;
import io.baton.core.record.WriteResult;
import io.baton.store.FieldSnapshotRepository;
import io.baton.store.LifecycleRepository;
import io.baton.store.LifecycleState;
import io.baton.store.RecordLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import io.baton.core.mapping.SalesforceType;

/**
 * Syncs the pairs of one page: reconcile each against its last synced values, send the writes in
 * batches to both CRMs, then commit links, snapshots, conflicts, audit, dead letters and the
 * stream's cursor together ({@link PageCommit}). A failure that condemns the whole page (a rate
 * limit, an outage) escapes before anything is committed: the page is read again, and the writes,
 * being upserts and compare-before-write updates, do nothing twice.
 */
final class PairSync {

    /** Identity fields that make a create an upsert on the other side (DESIGN §3 Identity). */
    static final String HUBSPOT_ID_ON_SALESFORCE = "Baton_HubSpot_Id__c";
    static final String SALESFORCE_ID_ON_HUBSPOT = "baton_salesforce_id";

    private final FieldSnapshotRepository snapshots;
    private final CrmWriter hubspot;
    private final CrmWriter salesforce;
    private final PageCommit commit;
    private final HubSpotHistory history;
    private final LifecycleStep lifecycle;
    private final LifecycleRepository states;
    private final IntFunction<List<Optional<String>>> leadOwners;
    private final UnaryOperator<SyncPair> asWritten;

    /** Reads HubSpot contacts by id with their property history (A.1), keyed by id. */
    interface HubSpotHistory {
        Map<String, CrmRecord> read(Collection<String> ids, List<String> properties);
    }

    PairSync(FieldSnapshotRepository snapshots, CrmWriter hubspot, CrmWriter salesforce, PageCommit commit,
             HubSpotHistory history, LifecycleStep lifecycle, LifecycleRepository states,
             IntFunction<List<Optional<String>>> leadOwners, UnaryOperator<SyncPair> asWritten) {
        this.leadOwners = leadOwners;
        this.asWritten = asWritten;
        this.lifecycle = lifecycle;
        this.states = states;
        this.snapshots = snapshots;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.commit = commit;
        this.history = history;
    }

    /**
     * What one page did, for the page's log line and the status endpoint; and, for a resync's
     * per-record answer, the source record of every pair synced and those that failed, with why.
     */
    record PageOutcome(int pairs, int hubspotWrites, int salesforceWrites, int failures, int conflicts,
                       Set<RecordRef> sources, Map<RecordRef, String> failed) {
        PageOutcome {
            sources = Set.copyOf(sources);
            failed = Map.copyOf(failed);
        }
    }

    /** Syncs and commits the pairs; the stream's cursor moves to {@code cursor} when one is given. */
    PageOutcome sync(String stream, List<SyncPair> pairs, Reconciler reconciler, Optional<SyncCursor> cursor,
                     List<Runnable> beforeCommit) {
        pairs = pairs.stream().map(asWritten).toList();
        Map<Long, Map<String, String>> hubspotBase = snapshots.readMany(linkIds(pairs), Side.HUBSPOT);
        Map<Long, Map<String, String>> salesforceBase = snapshots.readMany(linkIds(pairs), Side.SALESFORCE);
        List<PlannedPair> planned = new ArrayList<>();
        for (SyncPair pair : pairs) {
            Snapshot base = pair.link().map(l -> new Snapshot(hubspotBase.getOrDefault(l.id(), Map.of()),
                    salesforceBase.getOrDefault(l.id(), Map.of()))).orElse(Snapshot.EMPTY);
            planned.add(new PlannedPair(planned.size(), pair, base,
                    reconciler.reconcile(base, pair.hubspot(), pair.salesforce(), pair.type()), Optional.empty()));
        }
        planned = withLifecycle(withHubSpotFieldTimes(planned, reconciler), pairs);
        Map<String, WriteResult> results = new HashMap<>();
        List<RecordWrite> toHubspot = new ArrayList<>();
        List<RecordWrite> toSalesforce = new ArrayList<>();
        List<PlannedPair> newLeads = planned.stream().filter(p -> p.pair().type() == SalesforceType.LEAD
                && p.plan().toSalesforce().filter(Write::isCreate).isPresent()).toList();
        Map<Integer, String> handoffOwners = new HashMap<>();
        List<Optional<String>> owners = leadOwners.apply(newLeads.size());
        for (int i = 0; i < newLeads.size(); i++) {
            int index = newLeads.get(i).index();
            owners.get(i).ifPresent(owner -> handoffOwners.put(index, owner));
        }
        for (PlannedPair p : planned) {
            p.plan().toHubspot().ifPresent(w -> toHubspot.add(hubspotWrite(key(p, Side.HUBSPOT), p.pair(), w)));
            p.plan().toSalesforce().ifPresent(w -> toSalesforce.add(salesforceWrite(key(p, Side.SALESFORCE), p.pair(), w,
                    Optional.ofNullable(handoffOwners.get(p.index())))));
        }
        if (!toSalesforce.isEmpty()) {
            salesforce.write(toSalesforce).forEach(r -> results.put(r.key(), r));
        }
        List<RecordWrite> failedClears = clearHubSpotStagesFirst(planned, toHubspot, results);
        if (!toHubspot.isEmpty()) {
            hubspot.write(toHubspot).forEach(r -> results.put(r.key(), r));
        }
        toHubspot.addAll(failedClears);
        List<PageCommit.Done> done = new ArrayList<>();
        for (PlannedPair p : planned) {
            done.add(new PageCommit.Done(p.pair(), p.plan(),
                    written(toHubspot, key(p, Side.HUBSPOT), results), written(toSalesforce, key(p, Side.SALESFORCE), results),
                    p.lifecycle().map(l -> new StageCommit.StageOutcome(l.decision(), l.before(),
                            lifecycle.currentReading(p.pair(), Side.HUBSPOT),
                            lifecycle.currentReading(p.pair(), Side.SALESFORCE), l.movedAt()))));
        }
        PageCommit.Totals totals = commit.commit(stream, done, cursor, beforeCommit);
        Set<RecordRef> sources = new LinkedHashSet<>();
        pairs.forEach(p -> sources.add(p.source()));
        return new PageOutcome(pairs.size(), toHubspot.size(), toSalesforce.size(), totals.failures(), totals.conflicts(),
                sources, totals.failed());
    }

    /**
     * HubSpot's search answers without property history (A.2), so a contact read from it knows only
     * its lastmodifieddate, which an edit of any other property moves: an older HubSpot value would
     * then look newer than a rep's Salesforce edit and overwrite it. Conflicts are rare, so only the
     * conflicting contacts are read again, with history, and reconciled once more.
     */
    private List<PlannedPair> withHubSpotFieldTimes(List<PlannedPair> planned, Reconciler reconciler) {
        List<PlannedPair> unsure = planned.stream().filter(p -> !p.plan().conflicts().isEmpty()
                && p.pair().hubspot().map(h -> h.fieldModstamps().isEmpty()).orElse(false)).toList();
        if (unsure.isEmpty()) {
            return planned;
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> properties = new LinkedHashSet<>();
        for (PlannedPair p : unsure) {
            CrmRecord contact = p.pair().hubspot().orElseThrow();
            ids.add(contact.ref().id());
            properties.addAll(contact.fields().keySet());
        }
        Map<String, CrmRecord> withHistory = history.read(ids, List.copyOf(properties));
        List<PlannedPair> out = new ArrayList<>(planned);
        for (PlannedPair p : unsure) {
            CrmRecord again = withHistory.get(p.pair().hubspot().orElseThrow().ref().id());
            if (again != null) {
                SyncPair pair = asWritten.apply(new SyncPair(p.pair().link(), Optional.of(again), p.pair().salesforce(),
                        p.pair().type(), p.pair().accountId(), p.pair().source()));
                out.set(p.index(), new PlannedPair(p.index(), pair, p.base(),
                        reconciler.reconcile(p.base(), pair.hubspot(), pair.salesforce(), pair.type()), Optional.empty()));
            }
        }
        return out;
    }

    /** Folds each pair's lifecycle decision (stage writes, moves, refusals) into its plan. */
    private List<PlannedPair> withLifecycle(List<PlannedPair> planned, List<SyncPair> pairs) {
        Map<Long, LifecycleState> current = states.findMany(linkIds(pairs));
        List<PlannedPair> out = new ArrayList<>(planned.size());
        for (PlannedPair p : planned) {
            LifecycleStep.Planned staged = lifecycle.plan(p.pair(), p.plan(),
                    p.pair().link().map(l -> current.get(l.id())));
            out.add(new PlannedPair(p.index(), p.pair(), p.base(), staged.plan(), Optional.of(staged)));
        }
        return out;
    }

    /**
     * HubSpot ignores a lifecycle stage set backwards (A.5): a legal backward move (recycling, say)
     * clears the stage in one request and sets it in the next. A pair whose clear failed sends no
     * second write; the failed clear, returned, stands for it in the commit.
     */
    private List<RecordWrite> clearHubSpotStagesFirst(List<PlannedPair> planned, List<RecordWrite> toHubspot,
                                                      Map<String, WriteResult> results) {
        List<RecordWrite> clears = new ArrayList<>();
        for (PlannedPair p : planned) {
            if (p.lifecycle().map(LifecycleStep.Planned::clearHubSpotStageFirst).orElse(false)) {
                clears.add(RecordWrite.update(key(p, Side.HUBSPOT), p.pair().hubspot().orElseThrow().ref(),
                        Map.of(lifecycle.hubspotProperties().get(0), "")));
            }
        }
        List<RecordWrite> failed = new ArrayList<>();
        if (!clears.isEmpty()) {
            for (WriteResult r : hubspot.write(clears)) {
                if (!r.succeeded()) {
                    results.put(r.key(), r);
                    toHubspot.removeIf(w -> w.key().equals(r.key()));
                    clears.stream().filter(c -> c.key().equals(r.key())).forEach(failed::add);
                }
            }
        }
        return failed;
    }

    private static Optional<PageCommit.Sent> written(List<RecordWrite> writes, String key, Map<String, WriteResult> results) {
        return writes.stream().filter(w -> w.key().equals(key)).findFirst()
                .map(w -> new PageCommit.Sent(w, results.get(key)));
    }

    private static RecordWrite hubspotWrite(String key, SyncPair pair, Write write) {
        if (write.isCreate()) {
            Map<String, String> fields = new LinkedHashMap<>(write.fields());
            pair.salesforce().ifPresent(sf -> fields.put(SALESFORCE_ID_ON_HUBSPOT, sf.ref().id()));
            return RecordWrite.create(key, Side.HUBSPOT, "contact", fields);
        }
        return RecordWrite.update(key, pair.hubspot().orElseThrow().ref(), write.fields());
    }

    private static RecordWrite salesforceWrite(String key, SyncPair pair, Write write, Optional<String> handoffOwner) {
        if (write.isCreate()) {
            Map<String, String> fields = new LinkedHashMap<>(write.fields());
            handoffOwner.ifPresent(owner -> fields.put(LifecycleStep.OWNER, owner)); // lifecycle.yml handoff.assign
            pair.hubspot().ifPresent(hs -> fields.put(HUBSPOT_ID_ON_SALESFORCE, hs.ref().id()));
            pair.accountId().ifPresent(account -> fields.put("AccountId", account));
            return RecordWrite.create(key, Side.SALESFORCE, pair.type().apiName(), fields);
        }
        return RecordWrite.update(key, pair.salesforce().orElseThrow().ref(), write.fields());
    }

    private static String key(PlannedPair p, Side side) {
        return side.name() + ":" + p.index();
    }

    private static List<Long> linkIds(List<SyncPair> pairs) {
        return pairs.stream().flatMap(p -> p.link().stream()).map(RecordLink::id).distinct().toList();
    }

    private record PlannedPair(int index, SyncPair pair, Snapshot base, RecordPlan plan,
                               Optional<LifecycleStep.Planned> lifecycle) {
    }
}
