package io.baton.core.reconcile;

import io.baton.core.mapping.RecordIssue;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The plan for one page of changes: a {@link RecordPlan} per pair reconciled, and the HubSpot
 * contacts the inclusion filter left out (counted, not errors), with the totals the page log line
 * and the {@code plan} command show. Executing it is the writers' business.
 */
public record SyncPlan(List<RecordPlan> records, List<Exclusion> exclusions) {

    /** A contact the inclusion filter left out, and why. */
    public record Exclusion(RecordRef ref, String reason) {
        public Exclusion {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public SyncPlan {
        records = List.copyOf(records);
        exclusions = List.copyOf(exclusions);
    }

    public static SyncPlan of(List<RecordPlan> records) {
        return new SyncPlan(records, List.of());
    }

    /** The record plans that send something to {@code side}. */
    public List<RecordPlan> writingTo(Side side) {
        return records.stream().filter(r -> r.writeTo(side).isPresent()).toList();
    }

    /** How many records are created in {@code side}. */
    public long creates(Side side) {
        return records.stream().filter(r -> r.writeTo(side).filter(Write::isCreate).isPresent()).count();
    }

    /** How many existing records in {@code side} are updated. */
    public long updates(Side side) {
        return records.stream().filter(r -> r.writeTo(side).filter(w -> !w.isCreate()).isPresent()).count();
    }

    /** How many field values go to {@code side}, by field, in field-name order. */
    public Map<String, Long> fieldWrites(Side side) {
        Map<String, Long> counts = new TreeMap<>();
        records.forEach(r -> r.writeTo(side).ifPresent(w -> w.fields().keySet().forEach(f -> counts.merge(f, 1L, Long::sum))));
        return Collections.unmodifiableMap(counts);
    }

    /** How many field values go to {@code side} in all. */
    public long fieldWriteCount(Side side) {
        return fieldWrites(side).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every conflict of the page, in record order. */
    public List<Conflict> conflicts() {
        return records.stream().flatMap(r -> r.conflicts().stream()).toList();
    }

    /** How many issues of {@code severity} the page has. */
    public long issueCount(RecordIssue.Severity severity) {
        return records.stream().flatMap(r -> r.issues().stream()).filter(i -> i.severity() == severity).count();
    }

    /** The record plans that cannot be fully synced (they go to the dead letters). */
    public List<RecordPlan> failed() {
        return records.stream().filter(RecordPlan::hasErrors).toList();
    }

    public int excludedCount() {
        return exclusions.size();
    }

    /** True when nothing is sent to either side: what a cycle with no outside change must produce. */
    public boolean hasNoWrites() {
        return records.stream().allMatch(RecordPlan::hasNoWrites);
    }
}
