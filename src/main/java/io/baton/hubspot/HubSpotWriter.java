package io.baton.hubspot;

import io.baton.core.record.Batches;
import io.baton.core.record.CrmException;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.core.record.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes contacts in HubSpot's batches of 100 (API-REFERENCE A.3) and answers per record.
 *
 * <p>Updates go by contact id; creates are upserts by email, so a replayed page creates nothing
 * twice. Results come back in no particular order and are matched by id or email. HubSpot fails a
 * whole batch for one bad value (an invalid email or option → 400) or one existing email in a
 * create (409): such a batch is split in halves until the bad records stand alone, so each one
 * fails by itself and the others are written. Rate limits, 5xx and auth failures are thrown: the
 * page is retried as a whole, which the upserts make safe.
 */
public class HubSpotWriter {

    public static final int MAX_BATCH = 100;
    static final String EMAIL = "email";

    private final HubSpotClient client;

    public HubSpotWriter(HubSpotClient client) {
        this.client = client;
    }

    /** One result per write, in the order of {@code writes}. */
    public List<WriteResult> write(List<RecordWrite> writes) {
        Map<String, WriteResult> results = new HashMap<>();
        List<RecordWrite> updates = new ArrayList<>();
        List<RecordWrite> creates = new ArrayList<>();
        for (RecordWrite w : writes) {
            if (w.side() != Side.HUBSPOT) {
                throw new IllegalArgumentException("not a HubSpot write: " + w.key());
            }
            Optional<WriteResult> local = answeredLocally(w);
            if (local.isPresent()) {
                results.put(w.key(), local.get());
            } else if (w.isCreate()) {
                creates.add(w);
            } else {
                updates.add(w);
            }
        }
        for (List<RecordWrite> batch : batches(updates, w -> w.id().orElseThrow())) {
            send(batch, this::update, results);
        }
        for (List<RecordWrite> batch : batches(creates, w -> emailOf(w).orElseThrow())) {
            send(batch, this::upsert, results);
        }
        return writes.stream().map(w -> results.get(w.key())).toList();
    }

    /** Sends one batch; a whole-batch record error splits it until each bad record fails alone. */
    private void send(List<RecordWrite> batch, Function<List<RecordWrite>, List<WriteResult>> call,
                      Map<String, WriteResult> results) {
        try {
            call.apply(batch).forEach(r -> results.put(r.key(), r));
        } catch (CrmException e) {
            if (e.kind() != CrmException.Kind.RECORD) {
                throw e;
            }
            if (batch.size() == 1) {
                results.put(batch.get(0).key(), WriteResult.failed(batch.get(0).key(), WriteResult.Failure.of(e)));
                return;
            }
            int half = batch.size() / 2;
            send(batch.subList(0, half), call, results);
            send(batch.subList(half, batch.size()), call, results);
        }
    }

    private List<WriteResult> update(List<RecordWrite> batch) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (RecordWrite w : batch) {
            inputs.add(Map.of("id", w.id().orElseThrow(), "properties", w.fields()));
        }
        BatchAnswer answer = client.batchUpdate(inputs);
        Map<String, BatchAnswer.Written> byId = new HashMap<>();
        answer.results().forEach(r -> byId.put(r.id(), r));
        return match(batch, answer, w -> w.id().orElseThrow(), w -> Optional.ofNullable(byId.get(w.id().orElseThrow())),
                // A.3: a merged-away id is silently missing from the results.
                "NO_RESULT", "HubSpot wrote no contact for this id (merged away or deleted?)");
    }

    private List<WriteResult> upsert(List<RecordWrite> batch) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (RecordWrite w : batch) {
            inputs.add(Map.of("idProperty", EMAIL, "id", emailOf(w).orElseThrow(), "properties", w.fields()));
        }
        BatchAnswer answer = client.batchUpsert(inputs);
        Map<String, BatchAnswer.Written> byEmail = new HashMap<>();
        answer.results().forEach(r -> Optional.ofNullable(r.properties().get(EMAIL))
                .ifPresent(e -> byEmail.put(normalise(e), r)));
        return match(batch, answer, w -> emailOf(w).orElseThrow(),
                w -> Optional.ofNullable(byEmail.get(normalise(emailOf(w).orElseThrow()))),
                "NO_RESULT", "HubSpot answered the upsert without this contact");
    }

    private static List<WriteResult> match(List<RecordWrite> batch, BatchAnswer answer, Function<RecordWrite, String> idOf,
                                           Function<RecordWrite, Optional<BatchAnswer.Written>> written,
                                           String missingCode, String missingMessage) {
        Map<String, BatchAnswer.ItemError> errorsById = new HashMap<>();
        for (BatchAnswer.ItemError error : answer.errors()) {
            error.ids().forEach(id -> errorsById.put(normalise(id), error));
        }
        List<WriteResult> out = new ArrayList<>();
        for (RecordWrite w : batch) {
            Optional<BatchAnswer.Written> result = written.apply(w);
            BatchAnswer.ItemError error = errorsById.get(normalise(idOf.apply(w)));
            if (result.isPresent()) {
                out.add(WriteResult.succeeded(w.key(), result.get().id(), result.get().created()));
            } else if (error != null) {
                out.add(WriteResult.failed(w.key(), new WriteResult.Failure(kindOf(error.category()), error.category(),
                        "HubSpot: " + error.message())));
            } else {
                out.add(WriteResult.failed(w.key(), new WriteResult.Failure(CrmException.Kind.RECORD, missingCode,
                        missingMessage)));
            }
        }
        return out;
    }

    /** A per-item lock or server error is worth another try; the rest condemn the record. */
    private static CrmException.Kind kindOf(String category) {
        return switch (category) {
            case "UNABLE_TO_LOCK_ROW", "LOCKED", "INTERNAL_ERROR", "RATE_LIMITS" -> CrmException.Kind.RETRIABLE;
            default -> CrmException.Kind.RECORD;
        };
    }

    /** Batches of at most 100 in which no id or email repeats: HubSpot refuses a batch naming one record twice (A.3). */
    static List<List<RecordWrite>> batches(List<RecordWrite> writes, Function<RecordWrite, String> identity) {
        return Batches.distinct(writes, MAX_BATCH, w -> normalise(identity.apply(w)));
    }

    /**
     * The answer a write gets without a call, if any: a create without an email is refused (it could
     * not be an idempotent upsert). A dry run asks the same question.
     */
    public static Optional<WriteResult> answeredLocally(RecordWrite w) {
        return w.isCreate() && emailOf(w).isEmpty()
                ? Optional.of(WriteResult.failed(w.key(), new WriteResult.Failure(CrmException.Kind.RECORD,
                        "MISSING_EMAIL", "a new HubSpot contact needs an email to be created idempotently")))
                : Optional.empty();
    }

    private static Optional<String> emailOf(RecordWrite w) {
        return Optional.ofNullable(w.fields().get(EMAIL)).map(String::trim).filter(e -> !e.isEmpty());
    }

    private static String normalise(String idOrEmail) {
        return idOrEmail.trim().toLowerCase(Locale.ROOT);
    }
}
