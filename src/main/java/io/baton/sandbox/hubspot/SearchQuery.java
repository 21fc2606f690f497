package io.baton.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.hubspot.SearchFilter.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code PublicObjectSearchRequest} (A.2) with HubSpot's limits enforced: at most 5
 * filterGroups, 6 filters per group and 18 in all, one sort, {@code limit} ≤ 200, {@code query}
 * ≤ 3000 chars, and no paging at or past the 10,000th result. Groups are OR-ed, filters AND-ed.
 */
record SearchQuery(List<List<SearchFilter>> groups, Comparator<ContactView> order, List<String> properties,
                   int limit, int offset, String text) {

    static final int MAX_GROUPS = 5;
    static final int MAX_FILTERS_PER_GROUP = 6;
    static final int MAX_FILTERS = 18;
    static final int MAX_LIMIT = 200;
    static final int MAX_RESULTS = 10_000;
    static final int MAX_QUERY_LENGTH = 3000;

    static SearchQuery parse(JsonNode body, PropertyCatalog catalog) {
        List<List<SearchFilter>> groups = new ArrayList<>();
        JsonNode groupNodes = body.path("filterGroups");
        if (groupNodes.size() > MAX_GROUPS) {
            throw HubSpotErrorBodies.validation("Too many filter groups: " + groupNodes.size()
                    + ". The maximum number of filter groups is " + MAX_GROUPS + ".");
        }
        int total = 0;
        for (JsonNode group : groupNodes) {
            groups.add(filters(group.path("filters"), catalog));
            total += groups.get(groups.size() - 1).size();
        }
        // HubSpot also accepts a bare top-level "filters" list, AND-ed like one group.
        if (body.path("filters").size() > 0) {
            groups.add(filters(body.path("filters"), catalog));
            total += groups.get(groups.size() - 1).size();
        }
        if (total > MAX_FILTERS) {
            throw HubSpotErrorBodies.validation("Too many filters: " + total + ". The maximum number of filters across"
                    + " all filter groups is " + MAX_FILTERS + ".");
        }
        int limit = body.hasNonNull("limit") ? ApiInputs.checkedInt("limit", body.get("limit").asText(), 0, MAX_LIMIT) : 10;
        int offset = body.hasNonNull("after") && !body.get("after").asText().isBlank()
                ? ApiInputs.checkedInt("after", body.get("after").asText(), 0, Integer.MAX_VALUE) : 0;
        if (offset >= MAX_RESULTS) {
            // A.2: "Attempting to page beyond 10,000 will result in a 400 error."
            throw HubSpotErrorBodies.validation("There was a problem with the request: paging past " + MAX_RESULTS
                    + " results is not supported (after=" + offset + "). The search endpoints are limited to "
                    + MAX_RESULTS + " total results for any given query.");
        }
        String text = body.path("query").asText("");
        if (text.length() > MAX_QUERY_LENGTH) {
            throw HubSpotErrorBodies.validation("query must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return new SearchQuery(groups, order(body.path("sorts"), catalog), ApiInputs.strings(body.path("properties")),
                limit, offset, text.trim());
    }

    boolean matches(ContactView c) {
        boolean filtered = groups.isEmpty() || groups.stream().anyMatch(g -> g.stream().allMatch(f -> f.test(c)));
        return filtered && matchesText(c);
    }

    /** Free-text {@code query}: every term must prefix a word of the default searchable properties. */
    private boolean matchesText(ContactView c) {
        if (text.isEmpty()) {
            return true;
        }
        StringBuilder haystack = new StringBuilder();
        for (String p : List.of("email", "firstname", "lastname", "phone", "company", "website")) {
            String v = c.value(p);
            if (v != null) {
                haystack.append(' ').append(v.toLowerCase(Locale.ROOT));
            }
        }
        String words = " " + haystack.toString().replaceAll("[^\\p{L}\\p{N}@.]+", " ");
        for (String term : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!words.contains(" " + term) && !haystack.toString().contains(term)) {
                return false;
            }
        }
        return true;
    }

    private static List<SearchFilter> filters(JsonNode nodes, PropertyCatalog catalog) {
        if (nodes.size() > MAX_FILTERS_PER_GROUP) {
            throw HubSpotErrorBodies.validation("Too many filters in a filter group: " + nodes.size()
                    + ". The maximum number of filters per filter group is " + MAX_FILTERS_PER_GROUP + ".");
        }
        List<SearchFilter> out = new ArrayList<>();
        for (JsonNode f : nodes) {
            out.add(filter(f, catalog));
        }
        return out;
    }

    private static SearchFilter filter(JsonNode f, PropertyCatalog catalog) {
        String name = f.path("propertyName").asText("");
        String op = f.path("operator").asText("");
        if (name.isEmpty() || op.isEmpty()) {
            throw HubSpotErrorBodies.validation("Invalid input JSON on line 1, column 1: Cannot build Filter, some of"
                    + " required attributes are not set [propertyName, operator]");
        }
        Operator operator;
        try {
            operator = Operator.valueOf(op);
        } catch (IllegalArgumentException e) {
            throw HubSpotErrorBodies.validation("Invalid input JSON on line 1, column 1: Cannot deserialize value of type"
                    + " `FilterOperatorEnum` from String \"" + op + "\": not one of the values accepted for Enum class: "
                    + java.util.Arrays.toString(Operator.values()));
        }
        PropertyDefinition def = catalog.find(name).orElseThrow(() -> HubSpotErrorBodies.validation(
                "There was a problem with the request: property " + name + " does not exist for CONTACT objects."));
        String value = f.hasNonNull("value") ? f.get("value").asText() : null;
        String high = f.hasNonNull("highValue") ? f.get("highValue").asText() : null;
        List<String> values = ApiInputs.strings(f.path("values"));
        boolean needsValue = operator != Operator.HAS_PROPERTY && operator != Operator.NOT_HAS_PROPERTY
                && operator != Operator.IN && operator != Operator.NOT_IN;
        if (needsValue && value == null) {
            throw HubSpotErrorBodies.validation("Invalid input JSON on line 1, column 1: Cannot construct instance of"
                    + " `Filter`, problem: operator " + operator + " requires a value");
        }
        if (operator == Operator.BETWEEN && high == null) {
            throw HubSpotErrorBodies.validation("Invalid input JSON on line 1, column 1: Cannot construct instance of"
                    + " `Filter`, problem: operator BETWEEN requires a highValue");
        }
        if ((operator == Operator.IN || operator == Operator.NOT_IN) && values.isEmpty()) {
            throw HubSpotErrorBodies.validation("Invalid input JSON on line 1, column 1: Cannot construct instance of"
                    + " `Filter`, problem: operator " + operator + " requires values");
        }
        SearchFilter filter = new SearchFilter(def, operator, value, values, high);
        for (String v : allValues(value, high, values)) {
            if (!filter.comparable(v)) {
                throw HubSpotErrorBodies.validation("There was a problem with the request: " + v
                        + " is not a valid value for property " + name);
            }
        }
        return filter;
    }

    private static List<String> allValues(String value, String high, List<String> values) {
        List<String> all = new ArrayList<>(values);
        if (value != null) {
            all.add(value);
        }
        if (high != null) {
            all.add(high);
        }
        return all;
    }

    /**
     * One sort at most (A.2); the unsorted order goes by id ascending. HubSpot documents no order
     * among records tied on the sort property, so ties come in a stable order that is <em>not</em>
     * id order: a client paging a tie group by position or id order fails here, not in production.
     */
    private static Comparator<ContactView> order(JsonNode sorts, PropertyCatalog catalog) {
        Comparator<ContactView> byId = Comparator.comparingLong(ContactView::numericId);
        Comparator<ContactView> tieOrder = Comparator.comparingLong((ContactView c) -> scramble(c.numericId()));
        if (sorts.size() == 0) {
            return byId;
        }
        if (sorts.size() > 1) {
            throw HubSpotErrorBodies.validation("Only one sort is supported, got " + sorts.size() + " sorts.");
        }
        JsonNode sort = sorts.get(0);
        String name = sort.isTextual() ? sort.asText() : sort.path("propertyName").asText("");
        String direction = sort.path("direction").asText("ASCENDING");
        PropertyDefinition def = catalog.find(name).orElseThrow(() -> HubSpotErrorBodies.validation(
                "There was a problem with the request: cannot sort by property " + name
                        + ", it does not exist for CONTACT objects."));
        if (!direction.equals("ASCENDING") && !direction.equals("DESCENDING")) {
            throw HubSpotErrorBodies.validation("Invalid sort direction " + direction
                    + ": must be ASCENDING or DESCENDING");
        }
        boolean ascending = direction.equals("ASCENDING");
        // The record's own fields sort without formatting and re-parsing 10,000 timestamps.
        Comparator<ContactView> own = switch (name) {
            case PropertyCatalog.LAST_MODIFIED -> Comparator.comparing(ContactView::updatedAt);
            case PropertyCatalog.CREATE_DATE -> Comparator.comparing(ContactView::createdAt);
            case PropertyCatalog.OBJECT_ID -> byId;
            default -> null;
        };
        if (own != null) {
            return (ascending ? own : own.reversed()).thenComparing(tieOrder);
        }
        Comparator<String> values = (a, b) -> SearchFilter.compareValues(def, a, b);
        Comparator<String> nullsLast = Comparator.nullsLast(ascending ? values : values.reversed());
        return Comparator.comparing((ContactView c) -> c.value(name), nullsLast).thenComparing(tieOrder);
    }

    /** A fixed bijection of ids (SplitMix64's finaliser): stable from query to query, unrelated to id order. */
    static long scramble(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
