package io.baton.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CRM search request (API-REFERENCE A.2): filter groups OR-ed, filters inside a group AND-ed,
 * at most one sort, {@code limit} ≤ 200, never paged past 10,000 results by HubSpot.
 */
public record ContactSearch(List<List<Filter>> filterGroups, String sortProperty, boolean ascending,
                            List<String> properties, int limit) {

    /** The largest page HubSpot's search returns. */
    public static final int MAX_LIMIT = 200;

    /** One filter; {@code value} is empty for HAS_PROPERTY / NOT_HAS_PROPERTY. */
    public record Filter(String propertyName, String operator, String value) {
        public Filter {
            Objects.requireNonNull(propertyName, "propertyName");
            Objects.requireNonNull(operator, "operator");
        }

        public static Filter of(String propertyName, String operator, String value) {
            return new Filter(propertyName, operator, value);
        }
    }

    public ContactSearch {
        filterGroups = filterGroups.stream().map(List::copyOf).toList();
        properties = List.copyOf(properties);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("search limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The request body as HubSpot expects it. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filterGroups", filterGroups.stream().map(group -> Map.of("filters", group.stream().map(ContactSearch::filterBody).toList())).toList());
        if (sortProperty != null) {
            body.put("sorts", List.of(Map.of("propertyName", sortProperty, "direction", ascending ? "ASCENDING" : "DESCENDING")));
        }
        body.put("properties", properties);
        body.put("limit", limit);
        return body;
    }

    private static Map<String, Object> filterBody(Filter filter) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("propertyName", filter.propertyName());
        f.put("operator", filter.operator());
        if (filter.value() != null) {
            f.put("value", filter.value());
        }
        return f;
    }
}
