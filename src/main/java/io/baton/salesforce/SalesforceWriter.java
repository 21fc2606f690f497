package io.baton.salesforce;

import io.baton.core.record.CrmException;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.core.record.WriteResult;
import io.baton.core.record.WriteResult.Failure;
import io.baton.salesforce.WriteBatches.Pending;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Leads and Contacts with sObject Collections, 200 records per call (API-REFERENCE.md B.4),
 * and answers per record, in input order.
 *
 * <p>Updates (an id given) go to {@code compositeUpdateSObjectCollections}. Creates are upserts on
 * the external id {@value #EXTERNAL_ID} (DESIGN.md §3), one call per type, so a replayed page
 * finds the records it created last time and creates nothing twice; a create without that field
 * fails on its own without a call. Both use {@code allOrNone=false}: Salesforce then answers 200
 * with one result per record in request order, failed ones with their {@code statusCode}.
 *
 * <p>A whole call refused as a record-level problem (a 400 such as {@code JSON_PARSER_ERROR}, which
 * real orgs answer for one value that does not parse as its field's type) is split in halves until
 * the culprit stands alone, as {@code HubSpotWriter} does: failing the whole batch with that message
 * would dead-letter 199 good records for one bad one, and the halving costs about
 * 2·log2(200) ≈ 16 extra calls only when it happens. Everything else that fails a whole call
 * (rate limit, 5xx, session, permissions) is thrown: the page is retried whole, which the upserts
 * make safe.
 */
public class SalesforceWriter {

    /** The Salesforce external-id field on Lead and Contact that holds the HubSpot contact id (DESIGN.md §3). */
    public static final String EXTERNAL_ID = "Baton_HubSpot_Id__c";

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceWriter.class);

    private final SalesforceGateway gateway;
    private final boolean leadAssignmentRules;

    /** Lead assignment rules off: Baton maps owners itself (B.7). */
    public SalesforceWriter(SalesforceGateway gateway) {
        this(gateway, false);
    }

    /** With {@code leadAssignmentRules}, new Leads get the org's assignment-rule owner instead of the one sent. */
    public SalesforceWriter(SalesforceGateway gateway, boolean leadAssignmentRules) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.leadAssignmentRules = leadAssignmentRules;
    }

    /** One result per write, in the order of {@code writes}. */
    public List<WriteResult> write(List<RecordWrite> writes) {
        WriteResult[] results = new WriteResult[writes.size()];
        List<Pending> updates = new ArrayList<>();
        List<Pending> creates = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            RecordWrite w = writes.get(i);
            if (w.side() != Side.SALESFORCE) {
                throw new IllegalArgumentException("not a Salesforce write: " + w.key());
            }
            Optional<WriteResult> local = answeredLocally(w);
            if (local.isPresent()) {
                results[i] = local.get();
            } else if (w.isCreate()) {
                creates.add(new Pending(i, w));
            } else {
                updates.add(new Pending(i, w));
            }
        }
        long started = System.nanoTime();
        int[] calls = {0};
        for (List<Pending> batch : WriteBatches.updates(updates)) {
            send(batch, b -> update(b, calls), results);
        }
        for (List<Pending> batch : WriteBatches.upserts(creates, p -> externalIdOf(p.write()).orElseThrow())) {
            send(batch, b -> upsert(b, calls), results);
        }
        List<WriteResult> out = List.of(results);
        LOG.debug("salesforce writes: {} records ({} updates, {} creates) in {} calls, {} failed, {} ms", writes.size(),
                updates.size(), creates.size(), calls[0], out.stream().filter(r -> !r.succeeded()).count(),
                (System.nanoTime() - started) / 1_000_000);
        return out;
    }

    /** Sends one batch; a whole-call record-level refusal splits it until each bad record fails alone. */
    private void send(List<Pending> batch, Function<List<Pending>, List<WriteResult>> call, WriteResult[] results) {
        try {
            List<WriteResult> answered = call.apply(batch);
            for (int i = 0; i < batch.size(); i++) {
                results[batch.get(i).index()] = answered.get(i);
            }
        } catch (CrmException e) {
            if (e.kind() != CrmException.Kind.RECORD) {
                throw e;
            }
            if (batch.size() == 1) {
                results[batch.get(0).index()] = WriteResult.failed(batch.get(0).write().key(), Failure.of(e));
                return;
            }
            int half = batch.size() / 2;
            send(batch.subList(0, half), call, results);
            send(batch.subList(half, batch.size()), call, results);
        }
    }

    private List<WriteResult> update(List<Pending> batch, int[] calls) {
        List<DynamicSObject> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Id", p.write().id().orElseThrow());
            // An update may stamp the external id: that is how a record matched by email gets linked.
            wireValues(p.write().fields(), fields, false);
            records.add(new DynamicSObject(p.write().type(), fields));
        }
        calls[0]++;
        return match(batch, gateway.updateCollection(records), false);
    }

    private List<WriteResult> upsert(List<Pending> batch, int[] calls) {
        String type = batch.get(0).write().type();
        List<DynamicSObject> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(EXTERNAL_ID, externalIdOf(p.write()).orElseThrow());
            wireValues(p.write().fields(), fields, true);
            records.add(new DynamicSObject(type, fields));
        }
        calls[0]++;
        return match(batch, gateway.upsertCollection(type, EXTERNAL_ID, records, leadAssignmentRules), true);
    }

    /** B.4: "results are in request order", so the i-th result is the i-th record sent. */
    private static List<WriteResult> match(List<Pending> batch, List<? extends SaveSObjectResult> answer, boolean upsert) {
        if (answer.size() != batch.size()) {
            throw SalesforceErrors.malformed("a collections call of " + batch.size() + " records answered "
                    + answer.size() + " results");
        }
        List<WriteResult> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String key = batch.get(i).write().key();
            SaveSObjectResult r = answer.get(i);
            if (Boolean.TRUE.equals(r.getSuccess()) && r.getId() != null) {
                boolean created = upsert && r instanceof UpsertSObjectResult u && Boolean.TRUE.equals(u.getCreated());
                out.add(WriteResult.succeeded(key, r.getId(), created));
            } else {
                out.add(WriteResult.failed(key, failureOf(r)));
            }
        }
        return out;
    }

    private static Failure failureOf(SaveSObjectResult r) {
        List<RestError> errors = r.getErrors() == null ? List.of() : r.getErrors();
        if (errors.isEmpty()) {
            return new Failure(CrmException.Kind.RETRIABLE, "NO_RESULT", Boolean.TRUE.equals(r.getSuccess())
                    ? "Salesforce reported success without a record id" : "Salesforce failed the record without saying why");
        }
        String code = errors.get(0).getErrorCode() == null ? "UNKNOWN" : errors.get(0).getErrorCode();
        String message = errors.stream().map(e -> e.getMessage() == null ? String.valueOf(e.getErrorCode()) : e.getMessage())
                .collect(Collectors.joining("; "));
        return new Failure(SalesforceErrors.itemKind(code), code, message);
    }

    /**
     * The fields as sent: an empty value becomes JSON null, which is how the REST API clears a
     * field of any type (an empty string would be refused by number, date and boolean fields).
     * {@code Id} is written by the caller, and so is the external id of an upsert, from
     * {@link #externalIdOf}, so neither goes twice.
     */
    /**
     * The answer a write gets without a call, if any: an update that changes nothing succeeds (a call
     * would only move SystemModstamp and echo back as a change); a create without Baton's external id
     * is refused (it could not be an idempotent upsert). A dry run asks the same question.
     */
    public static Optional<WriteResult> answeredLocally(RecordWrite w) {
        if (!w.isCreate()) {
            return w.fields().isEmpty() ? Optional.of(WriteResult.succeeded(w.key(), w.id().orElseThrow(), false))
                    : Optional.empty();
        }
        return externalIdOf(w).isEmpty()
                ? Optional.of(WriteResult.failed(w.key(), new Failure(CrmException.Kind.RECORD, "MISSING_EXTERNAL_ID",
                        "a new Salesforce " + w.type() + " needs " + EXTERNAL_ID + " to be created idempotently")))
                : Optional.empty();
    }

    private static void wireValues(Map<String, String> fields, Map<String, String> into, boolean skipExternalId) {
        fields.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Id") && !(skipExternalId && name.equalsIgnoreCase(EXTERNAL_ID))) {
                into.put(name, value == null || value.isEmpty() ? null : value);
            }
        });
    }

    private static Optional<String> externalIdOf(RecordWrite w) {
        return w.fields().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(EXTERNAL_ID))
                .map(Map.Entry::getValue).filter(Objects::nonNull).map(String::trim).filter(v -> !v.isEmpty())
                .findFirst();
    }
}
