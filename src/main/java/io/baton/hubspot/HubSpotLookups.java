package io.baton.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads contacts the sync needs beside the change stream — the HubSpot side of a pair a
 * Salesforce change touched, or candidates by email before creating — in batches of 100 (A.3),
 * with property history so each field's own change time is known for conflicts (A.1).
 */
public class HubSpotLookups {

    static final int MAX_BATCH = 100;
    private static final String EMAIL = "email";

    private final HubSpotClient client;

    public HubSpotLookups(HubSpotClient client) {
        this.client = client;
    }

    /**
     * The contacts with these ids, keyed by the id HubSpot answers with: a merged-away id answers
     * with its survivor (A.4), whose {@code hs_merged_object_ids} names it. Unknown ids are absent.
     */
    public Map<String, CrmRecord> byIds(Collection<String> ids, List<String> properties) {
        Map<String, CrmRecord> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(ids)) {
            client.batchRead(null, chunk, properties).forEach(c -> found.put(c.path("id").asText(), record(c)));
        }
        return found;
    }

    /** The contacts with these emails, keyed by the email trimmed and lower-cased (HubSpot keeps one per email). */
    public Map<String, CrmRecord> byEmails(Collection<String> emails, List<String> properties) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(properties));
        if (!wanted.contains(EMAIL)) {
            wanted.add(EMAIL);
        }
        Map<String, CrmRecord> found = new LinkedHashMap<>();
        List<String> normalised = emails.stream().map(HubSpotLookups::normalise).filter(e -> !e.isEmpty()).distinct().toList();
        for (List<String> chunk : chunks(normalised)) {
            for (JsonNode c : client.batchRead(EMAIL, chunk, wanted)) {
                CrmRecord record = record(c);
                record.value(EMAIL).ifPresent(e -> found.put(normalise(e), record));
            }
        }
        return found;
    }

    /**
     * Every archived contact's id. Search never shows archived contacts (A.2), so deletes in HubSpot
     * are found by listing them; the list is usually short, and the caller keeps only linked ones.
     */
    public List<String> archivedContactIds() {
        return client.archivedContactIds();
    }

    /** Archives these contacts in batches of 100 (a delete propagated from Salesforce). */
    public void archive(Collection<String> ids) {
        for (List<String> chunk : chunks(ids)) {
            client.batchArchive(chunk);
        }
    }

    /** A contact with each property's newest history timestamp as that field's change time. */
    static CrmRecord record(JsonNode contact) {
        Map<String, String> fields = new LinkedHashMap<>();
        contact.path("properties").fields().forEachRemaining(p -> fields.put(p.getKey(),
                p.getValue().isNull() ? "" : p.getValue().asText()));
        Map<String, Instant> changed = new LinkedHashMap<>();
        contact.path("propertiesWithHistory").fields().forEachRemaining(p -> {
            JsonNode newest = p.getValue().path(0);   // A.1: newest first
            if (newest.hasNonNull("timestamp")) {
                changed.put(p.getKey(), Instant.parse(newest.get("timestamp").asText()));
            }
        });
        String updated = contact.path("updatedAt").asText("");
        Instant modstamp = updated.isEmpty() ? Instant.EPOCH : Instant.parse(updated);
        return new CrmRecord(RecordRef.hubspotContact(contact.path("id").asText()), modstamp, fields, changed);
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(new LinkedHashSet<>(values));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX_BATCH) {
            chunks.add(all.subList(i, Math.min(all.size(), i + MAX_BATCH)));
        }
        return chunks;
    }

    private static String normalise(String email) {
        return io.baton.core.record.Emails.key(email);
    }
}
