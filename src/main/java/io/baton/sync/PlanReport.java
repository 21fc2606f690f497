package io.baton.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sync would do now, worked out by a dry run ({@link SyncPlanner}) that wrote nothing: the
 * writes to each CRM with their fields and values, the deletes the delete policies would make, the
 * lifecycle moves, the leak flags that would open or close, the conflicts and the records that
 * would fail. Optional values are null, so the JSON form reads plainly.
 *
 * @param rules {@code current}, or the folder of the candidate rules planned with
 * @param full true for a re-baseline: every record read again, as after a mapping change
 * @param changesRead changes the dry run read from both CRMs
 * @param incomplete why the dry run stopped before it had read everything (a spent budget, say); null when it did
 */
public record PlanReport(String rules, boolean full, Instant plannedAt, long tookMillis, int changesRead,
                         List<Write> writes, List<Delete> deletes, List<Move> lifecycleMoves,
                         List<Flag> flagsOpened, List<Flag> flagsClosed, List<PlannedConflict> conflicts,
                         List<Failure> failures, String incomplete) {

    public PlanReport {
        writes = List.copyOf(writes);
        deletes = List.copyOf(deletes);
        lifecycleMoves = List.copyOf(lifecycleMoves);
        flagsOpened = List.copyOf(flagsOpened);
        flagsClosed = List.copyOf(flagsClosed);
        conflicts = List.copyOf(conflicts);
        failures = List.copyOf(failures);
    }

    /**
     * One record write. {@code operation} is {@code create} (then {@code recordId} is null) or
     * {@code update}; {@code origin} is {@code sync}, or {@code leak-write-back} for the leak status
     * leakage.yml writes back.
     */
    public record Write(String system, String type, String operation, String recordId, String origin,
                        Map<String, String> fields) {
    }

    /** A HubSpot archive or Salesforce delete under a delete policy. */
    public record Delete(String system, String type, String recordId) {
    }

    /** A stage move ({@code MOVED}) or a move the policy would refuse ({@code REFUSED}). */
    public record Move(String hubspotId, String salesforceId, String from, String to, String reason, String seenIn,
                       String outcome) {
    }

    public record Flag(String kind, String rule, String hubspotId, String salesforceId, String ownerEmail,
                       String stage, String detail) {
    }

    public record PlannedConflict(String hubspotId, String salesforceId, String field, String baseValue,
                                  String hubspotValue, String salesforceValue, String rule, String winner) {
    }

    /** A record that would fail (a mapping error, a create missing its key), as its dead letter would say. */
    public record Failure(String system, String recordType, String recordId, String stream, String errorCode,
                          String reason) {
    }

    /** Writes per system, then per operation ({@code create}, {@code update}). */
    public Map<String, Map<String, Integer>> writesBySystem() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        writes.forEach(w -> out.computeIfAbsent(w.system(), s -> new TreeMap<>()).merge(w.operation(), 1, Integer::sum));
        return out;
    }

    /** How many writes set each field, per system. */
    public Map<String, Map<String, Integer>> fieldsBySystem() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (Write w : writes) {
            Map<String, Integer> fields = out.computeIfAbsent(w.system(), s -> new TreeMap<>());
            w.fields().keySet().forEach(f -> fields.merge(f, 1, Integer::sum));
        }
        return out;
    }

    /** Stage moves made ({@code MOVED}); the others are moves the policy refuses. */
    public long movesMade() {
        return lifecycleMoves.stream().filter(m -> "MOVED".equals(m.outcome())).count();
    }

    /** The counts: writes per system and operation, fields written per system, and each list's size. */
    public Map<String, Object> totals() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("writes", writes.size());
        out.put("writesBySystem", writesBySystem());
        out.put("fieldsBySystem", fieldsBySystem());
        out.put("deletes", deletes.size());
        out.put("lifecycleMoves", movesMade());
        out.put("lifecycleRefusals", lifecycleMoves.size() - movesMade());
        out.put("flagsOpened", flagsOpened.size());
        out.put("flagsClosed", flagsClosed.size());
        out.put("conflicts", conflicts.size());
        out.put("failures", failures.size());
        return out;
    }
}
