package io.baton.salesforce;

import io.baton.core.record.SyncCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one SOQL statement behind a Salesforce change page (DESIGN.md §4, API-REFERENCE.md B.2):
 * every row after the {@code (SystemModstamp, Id)} cursor, in that order, at most one page.
 * Run through {@code queryAll}, so recycle-bin rows ({@code IsDeleted}) and merged-away rows
 * ({@code MasterRecordId}) come in the same ordered stream as live ones.
 */
final class ChangeQuery {

    /** What every change row needs, whatever the caller maps: identity, position in the stream, tombstone. */
    static final List<String> STREAM_COLUMNS = List.of("Id", "SystemModstamp", "IsDeleted", "MasterRecordId");
    /** A converted Lead's pointer to its Contact (B.8), always read so the sync can follow the link. */
    static final List<String> LEAD_CONVERSION_COLUMNS =
            List.of(ConvertedLeads.IS_CONVERTED, ConvertedLeads.CONVERTED_CONTACT_ID);
    /**
     * The types with a change stream. Lead and Contact have IsDeleted and MasterRecordId (B.8);
     * Opportunity (read for the lifecycle's opportunity and customer stages) cannot be merged, so
     * it has no MasterRecordId and its stream only ever shows upserts and deletes.
     */
    static final Set<String> TYPES = Set.of("Lead", "Contact", "Opportunity");
    private static final Set<String> MERGEABLE = Set.of("Lead", "Contact");

    private ChangeQuery() {
    }

    /** The columns selected: stream columns, the caller's fields, then Lead's conversion columns; none twice. */
    static List<String> columns(String sObjectType, List<String> fields) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> wanted = new ArrayList<>(STREAM_COLUMNS);
        if (!MERGEABLE.contains(sObjectType)) {
            wanted.remove("MasterRecordId");
        }
        wanted.addAll(fields);
        if ("Lead".equals(sObjectType)) {
            wanted.addAll(LEAD_CONVERSION_COLUMNS);
        }
        for (String f : wanted) {
            // SOQL refuses a column selected twice (MALFORMED_QUERY "duplicate field selected").
            if (seen.add(SoqlLiterals.name(f))) {
                columns.add(f);
            }
        }
        return columns;
    }

    static String soql(String sObjectType, SyncCursor after, List<String> fields, int limit) {
        return soql(sObjectType, after, fields, limit, Optional.empty());
    }

    /**
     * With {@code settledUpTo}, rows stamped later wait for a later read: a transaction stamps its
     * rows when it writes them, not when it commits, so a row can appear behind a cursor that has
     * already passed its SystemModstamp; reading only rows some seconds old leaves it time to commit.
     */
    static String soql(String sObjectType, SyncCursor after, List<String> fields, int limit, Optional<Instant> settledUpTo) {
        if (!TYPES.contains(sObjectType)) {
            throw new IllegalArgumentException("no change stream for sObject type '" + sObjectType + "' (only "
                    + new TreeSet<>(TYPES) + ")");
        }
        String t = SoqlLiterals.dateTime(after.timestamp());
        // An empty cursor id sits before every row of its millisecond (SyncCursor.BEGINNING), so ">=" is exact.
        String where = after.id().isEmpty() ? "SystemModstamp >= " + t
                : "SystemModstamp > " + t + " OR (SystemModstamp = " + t + " AND Id > "
                + SoqlLiterals.string(after.id()) + ")";
        if (settledUpTo.isPresent()) {
            where = "(" + where + ") AND SystemModstamp <= " + SoqlLiterals.dateTime(settledUpTo.get());
        }
        return "SELECT " + String.join(", ", columns(sObjectType, fields)) + " FROM " + sObjectType
                + " WHERE " + where + " ORDER BY SystemModstamp, Id LIMIT " + limit;
    }
}
