package io.baton.sync;

import io.baton.core.record.CrmException;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.core.record.WriteResult;
import io.baton.hubspot.HubSpotWriter;
import io.baton.salesforce.SalesforceWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A dry run's stand-in for the CRMs: every write, archive and delete the engine asks for is kept
 * here and answered as the CRM would answer a success (creates get a placeholder id of the right
 * shape), nothing is sent. A write the real writer answers without a call (an empty update, a
 * create missing its idempotency key) gets the same answer and is not counted as a write; a
 * Salesforce create missing a field the object's describe requires is refused as Salesforce would
 * refuse it (the call is counted: the real run makes it). Records
 * read after a write are shown as the write left them, so a later page does not take the values
 * the real write would have replaced for a change of their own.
 */
final class RecordedEffects {

    /** One write that would be sent; {@code origin} is {@code sync} or {@code leak-write-back}. */
    record Recorded(String origin, RecordWrite write, String recordId) {
    }

    private final Clock clock;
    private final List<Recorded> writes = new ArrayList<>();
    private final List<RecordRef> deletes = new ArrayList<>();
    private final Map<String, Map<String, String>> written = new HashMap<>();
    private final Map<String, Instant> writtenAt = new HashMap<>();
    private long placeholders;
    private final java.util.Set<String> placeholderIds = new java.util.HashSet<>();
    private final Map<String, String> upserted = new HashMap<>();

    private final Function<String, Set<String>> requiredOnCreate;
    private final Map<String, Set<String>> required = new HashMap<>();

    /**
     * @param requiredOnCreate the fields a Salesforce create of a type must carry (from its describe),
     *                         read once per type and run, so a create Salesforce would refuse fails here too
     */
    RecordedEffects(Clock clock, Function<String, Set<String>> requiredOnCreate) {
        this.clock = clock;
        this.requiredOnCreate = requiredOnCreate;
    }

    /** Effects that record instead of sending; writes are marked with {@code origin}. */
    CrmEffects effects(String origin) {
        return new CrmEffects(batch -> record(origin, batch), batch -> record(origin, batch),
                ids -> ids.forEach(id -> deletes.add(RecordRef.hubspotContact(id))),
                (type, id) -> deletes.add(RecordRef.salesforce(type, id)), this::asWritten);
    }

    List<Recorded> writes() {
        return List.copyOf(writes);
    }

    /** HubSpot archives and Salesforce deletes the delete policies would make. */
    List<RecordRef> deletes() {
        return List.copyOf(deletes);
    }

    private List<WriteResult> record(String origin, List<RecordWrite> batch) {
        List<WriteResult> out = new ArrayList<>(batch.size());
        for (RecordWrite w : batch) {
            Optional<WriteResult> local = w.side() == Side.HUBSPOT ? HubSpotWriter.answeredLocally(w)
                    : SalesforceWriter.answeredLocally(w);
            if (local.isPresent()) {
                out.add(local.get());
                continue;
            }
            Optional<WriteResult> refused = refusedBySalesforce(w);
            if (refused.isPresent()) {
                // A call the real run makes and Salesforce refuses: a write, and the record's failure.
                writes.add(new Recorded(origin, w, null));
                out.add(refused.get());
                continue;
            }
            boolean created = w.isCreate() && !upserted.containsKey(identity(w));
            String id = w.id().orElseGet(() -> upserted.computeIfAbsent(identity(w), k -> placeholderId(w)));
            written.computeIfAbsent(key(w.side(), id), k -> new LinkedHashMap<>()).putAll(w.fields());
            writtenAt.put(key(w.side(), id), clock.instant());
            writes.add(new Recorded(origin, w, id));
            out.add(WriteResult.succeeded(w.key(), id, created));
        }
        return out;
    }

    /** A Salesforce create without a field its describe requires, answered as Salesforce does (B.5). */
    private Optional<WriteResult> refusedBySalesforce(RecordWrite w) {
        if (w.side() != Side.SALESFORCE || !w.isCreate()) {
            return Optional.empty();
        }
        List<String> missing = required.computeIfAbsent(w.type(), requiredOnCreate).stream()
                .filter(field -> w.fields().get(field) == null || w.fields().get(field).isBlank()).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(WriteResult.failed(w.key(), new WriteResult.Failure(
                CrmException.Kind.RECORD, REQUIRED_FIELD_MISSING,
                "Required fields are missing: " + missing.toString().replace(", ", ","))));
    }

    static final String REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING";

    /**
     * What makes a create an upsert (DESIGN §3 Identity): HubSpot upserts contacts by email, Salesforce
     * by Baton's external id. Two creates of one identity in a run reach one record, as they would.
     */
    private static String identity(RecordWrite w) {
        if (w.side() == Side.HUBSPOT) {
            return "hubspot:" + String.valueOf(w.fields().get("email")).trim().toLowerCase(java.util.Locale.ROOT);
        }
        return "salesforce:" + w.type() + ":" + w.fields().get(SalesforceWriter.EXTERNAL_ID);
    }

    /**
     * An id no real record has, shaped like the system's own (Salesforce's key prefix tells Lead
     * from Contact; HubSpot's ids are numbers), so code that reads the shape takes it as one.
     */
    private String placeholderId(RecordWrite w) {
        long n = ++placeholders;
        String prefix = "Lead".equals(w.type()) ? "00Q" : "Contact".equals(w.type()) ? "003" : "000";
        String id = w.side() == Side.HUBSPOT ? Long.toString(9_000_000_000_000_000L + n)
                : prefix + "PLAN" + String.format("%011d", n);
        placeholderIds.add(id);
        return id;
    }

    /** An id this dry run made up for a record it would create; shown as {@value #NEW} in a plan. */
    boolean isPlaceholder(String id) {
        return placeholderIds.contains(id);
    }

    static final String NEW = "(new)";

    /** The id as a plan shows it: {@value #NEW} for a record the run would create. */
    String shown(String id) {
        return id == null ? null : isPlaceholder(id) ? NEW : id;
    }

    private SyncPair asWritten(SyncPair pair) {
        if (written.isEmpty()) {
            return pair;
        }
        return new SyncPair(pair.link(), pair.hubspot().map(this::asWritten), pair.salesforce().map(this::asWritten),
                pair.type(), pair.accountId(), pair.source());
    }

    private CrmRecord asWritten(CrmRecord record) {
        String key = key(record.ref().side(), record.ref().id());
        Map<String, String> values = written.get(key);
        if (values == null) {
            return record;
        }
        Instant at = writtenAt.get(key);
        Map<String, String> fields = new LinkedHashMap<>(record.fields());
        fields.putAll(values);
        Map<String, Instant> stamps = new LinkedHashMap<>(record.fieldModstamps());
        if (!stamps.isEmpty()) {
            values.keySet().forEach(field -> stamps.put(field, at));
        }
        Instant modstamp = at.isAfter(record.modstamp()) ? at : record.modstamp();
        return new CrmRecord(record.ref(), modstamp, fields, stamps);
    }

    private static String key(Side side, String id) {
        return side + ":" + id;
    }
}
