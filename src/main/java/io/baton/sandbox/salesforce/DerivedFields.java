package io.baton.sandbox.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the platform fills in by itself: defaults on a new row (E.5) and computed fields on every save (B.8). */
final class DerivedFields {

    private DerivedFields() {
    }

    /** A new row: every field present (null unless it has a default), owner = the API user. */
    static Map<String, Object> newRow(SObjectType type, String ownerId) {
        Map<String, Object> row = new LinkedHashMap<>();
        type.fields().forEach(f -> row.put(f.name(), f.defaultValue()));
        if (type.hasField("IsDeleted")) {
            row.put("IsDeleted", false);
        }
        if (type.hasField("IsConverted")) {
            row.put("IsConverted", false);
        }
        if (type.hasField("OwnerId")) {
            row.put("OwnerId", ownerId);
        }
        return row;
    }

    /** Fields the platform computes: compound Name, and Opportunity's stage-driven fields (B.8 table). */
    static void derive(SObjectType type, Map<String, Object> row, Map<String, Object> before) {
        if (type.hasField("FirstName") && type.field("Name").map(f -> !f.writable()).orElse(false)) {
            String first = row.get("FirstName") == null ? "" : row.get("FirstName").toString();
            String last = row.get("LastName") == null ? "" : row.get("LastName").toString();
            row.put("Name", (first + " " + last).trim());
        }
        if (type.name().equals("Opportunity") && row.get("StageName") != null) {
            SObjectSchema.stage(row.get("StageName").toString()).ifPresent(s -> {
                boolean stageChanged = before == null || !s.name().equals(before.get("StageName"));
                if (stageChanged || row.get("Probability") == null) {
                    row.put("Probability", s.probability());
                }
                row.put("IsClosed", s.closed());
                row.put("IsWon", s.won());
                row.put("ForecastCategoryName", s.forecastCategory());
            });
        }
    }
}
