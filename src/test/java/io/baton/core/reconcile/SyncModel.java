package io.baton.core.reconcile;

import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.SyncRule;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One linked pair living through random edits, in memory: HubSpot stamps each property when it
 * changes, Salesforce only the record; a sync reconciles, applies the plan's writes like the
 * writers (stamping them) and stores the new snapshot.
 */
final class SyncModel {

    enum Kind { PLAIN, MAPPED, TRANSFORMED }

    record Spec(String hubspot, String salesforce, SyncRule rule, Kind kind) {
        String field(Side side) {
            return side == Side.HUBSPOT ? hubspot : salesforce;
        }
    }

    /** Sets field {@code field} on {@code side} to value number {@code value}, {@code offset} seconds into the round. */
    record Edit(Side side, int field, int value, int offset) {
    }

    record Scenario(List<Integer> hubspotStart, List<Integer> salesforceStart, boolean salesforceExists,
                    Side tieBreaker, List<List<Edit>> rounds) {
    }

    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    private static final List<String> PLAIN = List.of("", "v1", "v2", "v3");
    private static final List<String> TRANSFORMED = List.of("", "v1", " V1 ", "v2", "V2");
    private static final List<String> MAPPED_HUBSPOT = List.of("", "x1", "x2", "x3");
    private static final List<String> MAPPED_SALESFORCE = List.of("", "X", "Y");
    private static final Map<String, String> TO_SALESFORCE = Map.of("x1", "X", "x2", "X", "x3", "Y");

    private final Reconciler reconciler;
    private final Scenario scenario;
    private final Map<String, String> hubspot = new HashMap<>();
    private final Map<String, Instant> hubspotStamps = new HashMap<>();
    private Instant hubspotModstamp = T0;
    private final Map<String, String> salesforce = new HashMap<>();
    private Instant salesforceModstamp = T0;
    private boolean salesforceExists;
    private Snapshot snapshot = Snapshot.EMPTY;
    private Map<String, Optional<String>> hubspotSynced = Map.of();
    private Map<String, Optional<String>> salesforceSynced = Map.of();

    SyncModel(Mappings mappings, Scenario scenario) {
        this.reconciler = new Reconciler(mappings);
        this.scenario = scenario;
        List<Spec> specs = ReconcilerProperties.SPECS;
        for (int i = 0; i < specs.size(); i++) {
            hubspot.put(specs.get(i).hubspot(), value(specs.get(i), Side.HUBSPOT, scenario.hubspotStart().get(i)));
            hubspotStamps.put(specs.get(i).hubspot(), T0);
            salesforce.put(specs.get(i).salesforce(), value(specs.get(i), Side.SALESFORCE, scenario.salesforceStart().get(i)));
        }
        salesforceExists = scenario.salesforceExists();
        if (!salesforceExists) {
            salesforce.clear();
        }
    }

    static String value(Spec spec, Side side, int index) {
        List<String> values = switch (spec.kind()) {
            case PLAIN -> PLAIN;
            case TRANSFORMED -> TRANSFORMED;
            case MAPPED -> side == Side.HUBSPOT ? MAPPED_HUBSPOT : MAPPED_SALESFORCE;
        };
        return values.get(index % values.size());
    }

    /** The edits of round {@code round}, at their times. */
    void edit(int round) {
        Instant start = T0.plusSeconds(100L * (round + 1));
        for (Edit e : scenario.rounds().get(round)) {
            Spec spec = ReconcilerProperties.SPECS.get(e.field());
            Instant at = start.plusSeconds(e.offset());
            if (e.side() == Side.HUBSPOT) {
                hubspot.put(spec.hubspot(), value(spec, Side.HUBSPOT, e.value()));
                hubspotStamps.put(spec.hubspot(), at);
                hubspotModstamp = max(hubspotModstamp, at);
            } else if (salesforceExists) {
                salesforce.put(spec.salesforce(), value(spec, Side.SALESFORCE, e.value()));
                salesforceModstamp = max(salesforceModstamp, at);
            }
        }
    }

    RecordPlan reconcile() {
        CrmRecord hs = new CrmRecord(RecordRef.hubspotContact("1"), hubspotModstamp, hubspot, hubspotStamps);
        Optional<CrmRecord> sf = salesforceExists
                ? Optional.of(new CrmRecord(RecordRef.salesforce("Lead", "00Q1"), salesforceModstamp, salesforce))
                : Optional.empty();
        return reconciler.reconcile(snapshot, Optional.of(hs), sf, SalesforceType.LEAD);
    }

    /** Reconciles, then applies the plan as sync number {@code sync}. */
    RecordPlan sync(int sync) {
        RecordPlan plan = reconcile();
        apply(plan, sync);
        return plan;
    }

    void apply(RecordPlan plan, int sync) {
        Instant at = T0.plusSeconds(100L * sync + 50);
        plan.toHubspot().ifPresent(w -> w.fields().forEach((field, value) -> {
            hubspot.put(field, value);
            hubspotStamps.put(field, at);
            hubspotModstamp = at;
        }));
        plan.toSalesforce().ifPresent(w -> {
            salesforceExists = true;
            salesforce.putAll(w.fields());
            salesforceModstamp = at;
        });
        snapshot = plan.newSnapshot();
        hubspotSynced = values(Side.HUBSPOT);
        salesforceSynced = values(Side.SALESFORCE);
    }

    /** Every mapped field's value on {@code side}, empty when blank. */
    Map<String, Optional<String>> values(Side side) {
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        Map<String, String> fields = side == Side.HUBSPOT ? hubspot : salesforce;
        ReconcilerProperties.SPECS.forEach(s -> values.put(s.field(side),
                Optional.ofNullable(fields.get(s.field(side))).filter(v -> !v.isBlank())));
        return Map.copyOf(values);
    }

    /** By HubSpot property: the one side whose value changed since the last sync, if only one did. */
    Map<String, Optional<Side>> changedAloneSinceSync() {
        Map<String, Optional<Side>> result = new HashMap<>();
        Map<String, Optional<String>> hs = values(Side.HUBSPOT);
        Map<String, Optional<String>> sf = values(Side.SALESFORCE);
        for (Spec s : ReconcilerProperties.SPECS) {
            boolean hsChanged = !normal(s, hs.get(s.hubspot())).equals(normal(s, hubspotSynced.getOrDefault(s.hubspot(), Optional.empty())));
            boolean sfChanged = !normal(s, sf.get(s.salesforce())).equals(normal(s, salesforceSynced.getOrDefault(s.salesforce(), Optional.empty())));
            result.put(s.hubspot(), hsChanged == sfChanged ? Optional.empty()
                    : Optional.of(hsChanged ? Side.HUBSPOT : Side.SALESFORCE));
        }
        return result;
    }

    /** True when both sides say the same for {@code spec}, after transforms and value map. */
    boolean agree(Spec spec) {
        Optional<String> hs = normal(spec, values(Side.HUBSPOT).get(spec.hubspot()));
        Optional<String> sf = normal(spec, values(Side.SALESFORCE).get(spec.salesforce()));
        if (spec.kind() == Kind.MAPPED) {
            hs = hs.map(TO_SALESFORCE::get);
        }
        return hs.equals(sf);
    }

    private static Optional<String> normal(Spec spec, Optional<String> value) {
        return spec.kind() == Kind.TRANSFORMED
                ? value.map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()) : value;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
