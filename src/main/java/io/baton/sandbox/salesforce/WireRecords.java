package io.baton.sandbox.salesforce;

import io.baton.sandbox.salesforce.soql.SoqlColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Renders stored rows in the REST JSON shape: {@code attributes {type, url}} first, then the chosen fields (B.2). */
final class WireRecords {

    static final String API = "/services/data/v60.0";

    private WireRecords() {
    }

    static Map<String, Object> attributes(String type, String id) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", type);
        a.put("url", API + "/sobjects/" + type + "/" + id);
        return a;
    }

    static Map<String, Object> render(SObjectType type, Map<String, Object> row, List<SObjectField> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", attributes(type.name(), (String) row.get("Id")));
        for (SObjectField f : fields) {
            out.put(f.name(), FieldValues.toWire(row.get(f.name())));
        }
        return out;
    }

    /**
     * A query row: plain columns as values, relationship columns as a nested record with its own
     * attributes, or {@code null} when the lookup is empty (B.2: {@code "Owner": null}).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> renderColumns(SObjectType type, Map<String, Object> row, List<SoqlColumn> columns,
                                             Function<String, Map<String, Object>> lookup) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", attributes(type.name(), (String) row.get("Id")));
        for (SoqlColumn c : columns) {
            if (!c.isRelated()) {
                out.put(c.field().name(), FieldValues.toWire(row.get(c.field().name())));
                continue;
            }
            Object id = row.get(c.reference().name());
            Map<String, Object> related = id == null ? null : lookup.apply(id.toString());
            if (related == null) {
                out.put(c.relationship(), null);
                continue;
            }
            Map<String, Object> nested = (Map<String, Object>) out.computeIfAbsent(c.relationship(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                String relatedType = SObjectSchema.typeOfId(id.toString()).map(SObjectType::name).orElse(c.target().name());
                m.put("attributes", attributes(relatedType, id.toString()));
                return m;
            });
            nested.put(c.field().name(), FieldValues.toWire(related.get(c.field().name())));
        }
        return out;
    }
}
