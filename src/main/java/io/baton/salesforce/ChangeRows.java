package io.baton.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.core.record.Change;
import io.baton.core.record.CrmException;
import io.baton.core.record.CrmException.Kind;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one {@code queryAll} row into a {@link Change} (API-REFERENCE.md B.2, B.8):
 * <ul>
 *   <li>{@code IsDeleted} with {@code MasterRecordId}: merged away, a MERGE into the survivor;</li>
 *   <li>{@code IsDeleted} alone: in the recycle bin, a DELETE;</li>
 *   <li>otherwise an UPSERT with the requested fields as strings, blank for null. A converted Lead is
 *       an UPSERT too, carrying {@code IsConverted} and {@code ConvertedContactId}
 *       (see {@link ConvertedLeads}): conversion is neither a delete nor a merge, the Lead still
 *       exists and its last values are worth reconciling, and the Contact arrives in its own stream.</li>
 * </ul>
 */
final class ChangeRows {

    /** B.2: datetimes come back as {@code 2024-06-01T08:00:05.000+0000}. */
    private static final DateTimeFormatter WIRE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private ChangeRows() {
    }

    static Change toChange(String sObjectType, JsonNode row, List<String> fields) {
        String id = text(row, "Id");
        if (id.isEmpty()) {
            throw malformed("a " + sObjectType + " row without Id");
        }
        RecordRef ref = RecordRef.salesforce(sObjectType, id);
        if (row.path("IsDeleted").asBoolean(false)) {
            String master = text(row, "MasterRecordId");
            return master.isEmpty() ? Change.delete(ref) : Change.merge(ref, RecordRef.salesforce(sObjectType, master));
        }
        return Change.upsert(toRecord(sObjectType, row, fields));
    }

    /**
     * A live row as a record: the requested fields as strings (blank for null), a Lead's conversion
     * columns too, {@code SystemModstamp} as the record's modstamp.
     */
    static CrmRecord toRecord(String sObjectType, JsonNode row, List<String> fields) {
        String id = text(row, "Id");
        if (id.isEmpty()) {
            throw malformed("a " + sObjectType + " row without Id");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : fields) {
            values.put(f, text(row, f));
        }
        if ("Lead".equals(sObjectType)) {
            for (String f : ChangeQuery.LEAD_CONVERSION_COLUMNS) {
                values.putIfAbsent(f, text(row, f));
            }
        }
        return new CrmRecord(RecordRef.salesforce(sObjectType, id), modstamp(row), values);
    }

    static String id(JsonNode row) {
        return text(row, "Id");
    }

    static Instant modstamp(JsonNode row) {
        String stamp = text(row, "SystemModstamp");
        try {
            return OffsetDateTime.parse(stamp, WIRE_DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(stamp).toInstant();
            } catch (DateTimeParseException again) {
                throw malformed("row " + text(row, "Id") + " has SystemModstamp '" + stamp + "'");
            }
        }
    }

    /**
     * A column's value as text, blank for null or absent; {@code Owner.Email} follows the nested
     * relationship object (B.2: a null relationship is {@code "Owner": null}).
     */
    static String text(JsonNode row, String column) {
        JsonNode node = row;
        for (String part : column.split("\\.")) {
            node = field(node, part);
        }
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? "" : node.asText();
    }

    /** Salesforce answers with the API name's canonical case; a caller's {@code email} still finds {@code Email}. */
    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) {
                return node.get(n);
            }
        }
        return null;
    }

    private static CrmException malformed(String what) {
        return new CrmException(Side.SALESFORCE, Kind.FATAL, "MALFORMED_RESPONSE", "Salesforce query answer: " + what);
    }
}
