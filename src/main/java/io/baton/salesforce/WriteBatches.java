package io.baton.salesforce;

import io.baton.core.record.Batches;
import io.baton.core.record.RecordWrite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cuts writes into sObject Collections calls (API-REFERENCE.md B.4): at most 200 records each, and
 * never the same record twice in one call. Salesforce rejects every row of an upsert that shares an
 * external id with another row of the same request ({@code DUPLICATE_VALUE} "Duplicate external id
 * specified"), so a repeat goes to a later call, where it is applied after the first.
 */
final class WriteBatches {

    /** B.4: "≤ 200 records per request". */
    static final int MAX_RECORDS = 200;

    /** A write and its place in the caller's list, so results go back in input order. */
    record Pending(int index, RecordWrite write) {
    }

    private WriteBatches() {
    }

    /**
     * Upserts: one endpoint per sObject type (B.4 "upsert is single-type"), so batches per type, in
     * the order the types first appear; repeats of an external id (case-insensitive, as a unique
     * Text external id compares) wait for a later batch.
     */
    static List<List<Pending>> upserts(List<Pending> creates, Function<Pending, String> externalId) {
        Map<String, List<Pending>> byType = new LinkedHashMap<>();
        for (Pending p : creates) {
            byType.computeIfAbsent(p.write().type(), t -> new ArrayList<>()).add(p);
        }
        List<List<Pending>> batches = new ArrayList<>();
        for (List<Pending> ofType : byType.values()) {
            batches.addAll(distinct(ofType, p -> externalId.apply(p).toLowerCase(java.util.Locale.ROOT)));
        }
        return batches;
    }

    /**
     * Updates: types may mix in one call, but Salesforce processes it in chunks, a new one at every
     * type change, at most 10 (B.4); sorting each batch by type keeps it to one chunk per type. An
     * id is compared by its case-sensitive 15-character part, so the 15- and 18-character forms of
     * one record count as the same record.
     */
    static List<List<Pending>> updates(List<Pending> updates) {
        List<List<Pending>> batches = distinct(updates, p -> {
            String id = p.write().id().orElseThrow();
            return id.length() > 15 ? id.substring(0, 15) : id;
        });
        batches.forEach(b -> b.sort(Comparator.comparing(p -> p.write().type())));
        return batches;
    }

    private static List<List<Pending>> distinct(List<Pending> writes, Function<Pending, String> identity) {
        return Batches.distinct(writes, MAX_RECORDS, identity);
    }
}
