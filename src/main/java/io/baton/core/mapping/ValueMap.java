package io.baton.core.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A picklist translation from config/mappings.yml {@code value-maps}: each pair says this HubSpot
 * value is that Salesforce value. Several HubSpot values may share one Salesforce value; going back,
 * the first pair wins. A value the map does not know is a per-record error naming field and value,
 * never a silent drop.
 */
public record ValueMap(String name, List<Pair> pairs) implements ValueTranslation {

    /** This HubSpot value is that Salesforce value. */
    public record Pair(String hubspot, String salesforce) {
        public Pair {
            Objects.requireNonNull(hubspot, "hubspot");
            Objects.requireNonNull(salesforce, "salesforce");
        }
    }

    public ValueMap {
        Objects.requireNonNull(name, "name");
        pairs = List.copyOf(pairs);
        Map<String, String> seen = new LinkedHashMap<>();
        for (Pair p : pairs) {
            String earlier = seen.putIfAbsent(p.hubspot(), p.salesforce());
            if (earlier != null && !earlier.equals(p.salesforce())) {
                throw new IllegalArgumentException("value map '" + name + "': HubSpot value '" + p.hubspot()
                        + "' maps to both '" + earlier + "' and '" + p.salesforce() + "'");
            }
        }
    }

    @Override
    public Translated toSalesforce(String field, String hubspotValue) {
        return pairs.stream().filter(p -> p.hubspot().equals(hubspotValue)).findFirst()
                .map(p -> Translated.of(p.salesforce()))
                .orElseGet(() -> Translated.failure(RecordIssue.error(field, "HubSpot value '" + hubspotValue
                        + "' is not in value map '" + name + "'; add it to value-maps." + name + " in mappings.yml")));
    }

    @Override
    public Translated toHubspot(String field, String salesforceValue) {
        return pairs.stream().filter(p -> p.salesforce().equals(salesforceValue)).findFirst()
                .map(p -> Translated.of(p.hubspot()))
                .orElseGet(() -> Translated.failure(RecordIssue.error(field, "Salesforce value '" + salesforceValue
                        + "' is not in value map '" + name + "'; add it to value-maps." + name + " in mappings.yml")));
    }
}
