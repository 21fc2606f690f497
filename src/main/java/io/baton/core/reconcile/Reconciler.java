package io.baton.core.reconcile;

import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.RecordIssue;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.mapping.Translated;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The 3-way merge of one linked pair, field by field: base = the last synced values, against the
 * current HubSpot and Salesforce values, under each field's rule. A pure function: same input, same
 * plan, no clock, no I/O.
 *
 * <p>A side "changed" a field when its current value differs from the base. A side whose value is
 * what Baton last wrote has therefore not changed, which is the echo suppression; and a value is
 * only written where it differs from what the target holds (compare-before-write), so reconciling
 * again after the plan's writes yields no write at all. When one record is missing, the plan
 * creates it from the other, with every mapped value its rule lets travel in that direction.
 */
public final class Reconciler {

    private final Mappings mappings;

    public Reconciler(Mappings mappings) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
    }

    /**
     * Plans one pair. An absent record that was never synced is created; one that was synced before
     * (its side of the snapshot holds values) is not re-created: deletes follow the delete policy,
     * outside this function.
     */
    public RecordPlan reconcile(Snapshot base, Optional<CrmRecord> hubspot, Optional<CrmRecord> salesforce,
                                SalesforceType type) {
        Objects.requireNonNull(base, "base");
        Plan plan = new Plan(hubspot, salesforce, type);
        if (hubspot.isEmpty() && salesforce.isEmpty()) {
            return plan.build(base);
        }
        for (Side side : Side.values()) {
            if (plan.record(side).isEmpty()) {
                if (!base.side(side).isEmpty()) {
                    plan.issues.add(RecordIssue.warning(side == Side.HUBSPOT ? "contact" : type.apiName(),
                            "the " + side.name().toLowerCase(java.util.Locale.ROOT) + " record synced before is gone; left to the delete policy"));
                    return plan.build(base);
                }
                create(side, plan);
                return plan.build(plan.snapshot());
            }
        }
        for (FieldMapping field : mappings.fieldsFor(type)) {
            merge(new FieldValues(mappings, field), base, plan);
        }
        return plan.build(plan.snapshot());
    }

    private void create(Side target, Plan plan) {
        Side source = target.opposite();
        plan.creating = target;
        for (FieldMapping field : mappings.fieldsFor(plan.type)) {
            FieldValues values = new FieldValues(mappings, field);
            Translated read = values.read(source, plan.record(source));
            if (read.value().isEmpty() || !field.rule().writesTo(target)) {
                read.value().ifPresent(v -> plan.next(source).put(field.field(source), v));
                continue;
            }
            Translated carried = values.carry(source, read);
            plan.issues.addAll(carried.issues());
            if (carried.hasError()) {
                continue; // neither side's value counts as synced: the next run tries again
            }
            plan.next(source).put(field.field(source), read.value().get());
            carried.value().ifPresent(v -> {
                plan.writes(target).put(field.field(target), v);
                plan.next(target).put(field.field(target), v);
            });
        }
    }

    private void merge(FieldValues values, Snapshot base, Plan plan) {
        FieldMapping field = values.field();
        Translated hs = values.read(Side.HUBSPOT, plan.hubspot);
        Translated sf = values.read(Side.SALESFORCE, plan.salesforce);
        Optional<String> hsBase = base.value(Side.HUBSPOT, field.hubspot());
        Optional<String> sfBase = base.value(Side.SALESFORCE, field.salesforce());
        Optional<Side> source = decide(values, hs.value(), sf.value(), hsBase,
                !hs.value().equals(hsBase), !sf.value().equals(sfBase), base.isEmpty(), plan);
        Optional<String> hsNext = hs.value();
        Optional<String> sfNext = sf.value();
        if (source.isPresent()) {
            Side target = source.get().opposite();
            Translated carried = values.carry(source.get(), source.get() == Side.HUBSPOT ? hs : sf);
            Optional<String> targetNow = target == Side.HUBSPOT ? hs.value() : sf.value();
            if (carried.failed()) {
                plan.issues.addAll(carried.issues());
                if (carried.hasError()) {
                    hsNext = hsBase;
                    sfNext = sfBase;
                }
            } else if (!values.same(hs.value(), sf.value()) && !carried.value().equals(targetNow)) {
                plan.issues.addAll(carried.issues());
                plan.writes(target).put(field.field(target), carried.value().orElse(""));
                if (target == Side.HUBSPOT) {
                    hsNext = carried.value();
                } else {
                    sfNext = carried.value();
                }
            }
        }
        hsNext.ifPresent(v -> plan.nextHubspot.put(field.hubspot(), v));
        sfNext.ifPresent(v -> plan.nextSalesforce.put(field.salesforce(), v));
    }

    /** The side whose value the rule carries over, if any; records a conflict when both changed. */
    private Optional<Side> decide(FieldValues values, Optional<String> hs, Optional<String> sf, Optional<String> base,
                                  boolean hsChanged, boolean sfChanged, boolean newPair, Plan plan) {
        FieldMapping field = values.field();
        return switch (field.rule()) {
            case TWO_WAY -> {
                if (hsChanged && sfChanged) {
                    yield values.same(hs, sf) ? Optional.empty() : Optional.of(resolve(field, base, hs, sf, newPair, plan));
                }
                yield hsChanged ? Optional.of(Side.HUBSPOT) : sfChanged ? Optional.of(Side.SALESFORCE) : Optional.empty();
            }
            case PREFER_SALESFORCE_UNLESS_BLANK -> sf.isPresent() ? Optional.of(Side.SALESFORCE)
                    : hs.isPresent() ? Optional.of(Side.HUBSPOT) : Optional.empty();
            case PREFER_HUBSPOT_UNLESS_BLANK -> hs.isPresent() ? Optional.of(Side.HUBSPOT)
                    : sf.isPresent() ? Optional.of(Side.SALESFORCE) : Optional.empty();
            case ALWAYS_SALESFORCE -> Optional.of(Side.SALESFORCE);
            case ALWAYS_HUBSPOT -> Optional.of(Side.HUBSPOT);
            case NONE -> Optional.empty();
        };
    }

    /** Both sides changed a two-way field differently: the newer change wins, a tie goes to the tie-breaker. */
    private Side resolve(FieldMapping field, Optional<String> base, Optional<String> hs, Optional<String> sf,
                         boolean newPair, Plan plan) {
        var hsAt = plan.hubspot.orElseThrow().changedAt(field.hubspot());
        var sfAt = plan.salesforce.orElseThrow().changedAt(field.salesforce());
        int order = hsAt.compareTo(sfAt);
        Side winner = order > 0 ? Side.HUBSPOT : order < 0 ? Side.SALESFORCE : mappings.tieBreaker();
        String what = newPair ? "new pair, both sides hold a value" : "both sides changed since the last sync";
        String why = order == 0
                ? what + "; changed at the same time (" + hsAt + "), tie goes to the tie-breaker " + label(winner)
                : what + "; " + label(winner) + "'s change (" + (order > 0 ? hsAt : sfAt) + ") is newer than "
                        + label(winner.opposite()) + "'s (" + (order > 0 ? sfAt : hsAt) + ")";
        plan.conflicts.add(new Conflict(field.hubspot(), field.salesforce(), base, hs, sf, winner, field.rule(),
                why));
        return winner;
    }

    private static String label(Side side) {
        return side == Side.HUBSPOT ? "HubSpot" : "Salesforce";
    }

    /** The plan being built for one pair. */
    private static final class Plan {
        final Optional<CrmRecord> hubspot;
        final Optional<CrmRecord> salesforce;
        final SalesforceType type;
        final Map<String, String> toHubspot = new LinkedHashMap<>();
        final Map<String, String> toSalesforce = new LinkedHashMap<>();
        final Map<String, String> nextHubspot = new LinkedHashMap<>();
        final Map<String, String> nextSalesforce = new LinkedHashMap<>();
        final List<Conflict> conflicts = new ArrayList<>();
        final List<RecordIssue> issues = new ArrayList<>();
        Side creating;

        Plan(Optional<CrmRecord> hubspot, Optional<CrmRecord> salesforce, SalesforceType type) {
            this.hubspot = hubspot;
            this.salesforce = salesforce;
            this.type = type;
        }

        Optional<CrmRecord> record(Side side) {
            return side == Side.HUBSPOT ? hubspot : salesforce;
        }

        Map<String, String> writes(Side side) {
            return side == Side.HUBSPOT ? toHubspot : toSalesforce;
        }

        Map<String, String> next(Side side) {
            return side == Side.HUBSPOT ? nextHubspot : nextSalesforce;
        }

        Snapshot snapshot() {
            return new Snapshot(nextHubspot, nextSalesforce);
        }

        RecordPlan build(Snapshot snapshot) {
            return new RecordPlan(hubspot.map(CrmRecord::ref), salesforce.map(CrmRecord::ref), type,
                    write(Side.HUBSPOT), write(Side.SALESFORCE), snapshot, conflicts, issues);
        }

        private Optional<Write> write(Side side) {
            if (creating == side) {
                return Optional.of(new Write(side, Write.Kind.CREATE, writes(side)));
            }
            return writes(side).isEmpty() ? Optional.empty() : Optional.of(new Write(side, Write.Kind.UPDATE, writes(side)));
        }
    }
}
