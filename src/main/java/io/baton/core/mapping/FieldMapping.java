package io.baton.core.mapping;

import io.baton.core.record.Side;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One mapped field: the HubSpot property, the Salesforce field, the rule that says who wins, the
 * name of the value map translating its values (a picklist under {@code value-maps}, or
 * {@code owners}, or {@code lifecycle}), the transforms applied before compare and write, and the
 * Salesforce objects it applies to.
 */
public record FieldMapping(String hubspot, String salesforce, SyncRule rule, Optional<String> valueMap,
                           List<Transform> transforms, Set<SalesforceType> appliesTo) {

    public FieldMapping {
        Objects.requireNonNull(hubspot, "hubspot");
        Objects.requireNonNull(salesforce, "salesforce");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(valueMap, "valueMap");
        transforms = List.copyOf(transforms);
        if (appliesTo.isEmpty()) {
            throw new IllegalArgumentException(hubspot + " ⇄ " + salesforce + ": applies to no Salesforce object");
        }
        appliesTo = Set.copyOf(EnumSet.copyOf(appliesTo));
    }

    /** A plain mapping on both objects, without value map or transform. */
    public static FieldMapping of(String hubspot, String salesforce, SyncRule rule) {
        return new FieldMapping(hubspot, salesforce, rule, Optional.empty(), List.of(), EnumSet.allOf(SalesforceType.class));
    }

    public FieldMapping withValueMap(String name) {
        return new FieldMapping(hubspot, salesforce, rule, Optional.of(name), transforms, appliesTo);
    }

    public FieldMapping withTransforms(Transform... steps) {
        return new FieldMapping(hubspot, salesforce, rule, valueMap, List.of(steps), appliesTo);
    }

    public FieldMapping onlyFor(SalesforceType type) {
        return new FieldMapping(hubspot, salesforce, rule, valueMap, transforms, Set.of(type));
    }

    public boolean appliesTo(SalesforceType type) {
        return appliesTo.contains(type);
    }

    /** The field's name in {@code side}'s system. */
    public String field(Side side) {
        return side == Side.HUBSPOT ? hubspot : salesforce;
    }

    @Override
    public String toString() {
        return hubspot + " ⇄ " + salesforce + " (" + rule + ")";
    }
}
