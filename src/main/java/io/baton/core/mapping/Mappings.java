package io.baton.core.mapping;

import io.baton.core.record.Side;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole mapping of config/mappings.yml as the core uses it: the mapped fields (each applying to
 * Lead, Contact or both), who wins a two-way tie, the value translations by name, which HubSpot
 * contacts take part and what is created for a new one.
 */
public record Mappings(List<FieldMapping> fields, Side tieBreaker, Map<String, ValueTranslation> valueMaps,
                       InclusionFilter inclusion, CreationPolicy creation, List<String> alsoReadOnHubspot,
                       Map<SalesforceType, List<String>> alsoReadOnSalesforce) {

    /** The value-map names that translate through other configuration than {@code value-maps}. */
    public static final String OWNERS = "owners";
    public static final String LIFECYCLE = "lifecycle";

    public Mappings {
        fields = List.copyOf(fields);
        Objects.requireNonNull(tieBreaker, "tieBreaker");
        valueMaps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valueMaps));
        Objects.requireNonNull(inclusion, "inclusion");
        Objects.requireNonNull(creation, "creation");
        alsoReadOnHubspot = List.copyOf(alsoReadOnHubspot);
        alsoReadOnSalesforce = Map.copyOf(alsoReadOnSalesforce);
        Set<String> hubspot = new HashSet<>();
        Set<String> salesforce = new HashSet<>();
        for (FieldMapping f : fields) {
            if (!hubspot.add(f.hubspot())) {
                throw new IllegalArgumentException("HubSpot property " + f.hubspot() + " is mapped twice");
            }
            if (!salesforce.add(f.salesforce())) {
                throw new IllegalArgumentException("Salesforce field " + f.salesforce() + " is mapped twice");
            }
            if (f.valueMap().isPresent() && !valueMaps.containsKey(f.valueMap().get())) {
                throw new IllegalArgumentException(f + ": unknown value map '" + f.valueMap().get() + "'");
            }
        }
    }

    /** Mappings that read only what they map (and what the inclusion filter looks at). */
    public Mappings(List<FieldMapping> fields, Side tieBreaker, Map<String, ValueTranslation> valueMaps,
                    InclusionFilter inclusion, CreationPolicy creation) {
        this(fields, tieBreaker, valueMaps, inclusion, creation, List.of(), Map.of());
    }

    /**
     * These mappings reading more, unmapped, fields too — what the lifecycle looks at — so one read
     * per record serves both.
     */
    public Mappings alsoReading(List<String> hubspot, Map<SalesforceType, List<String>> salesforce) {
        return new Mappings(fields, tieBreaker, valueMaps, inclusion, creation, hubspot, salesforce);
    }

    /** Mappings of {@code fields} alone: no value maps, everyone included, Leads unless a domain matches. */
    public static Mappings of(Side tieBreaker, List<FieldMapping> fields) {
        return new Mappings(fields, tieBreaker, Map.of(), InclusionFilter.everyone(),
                CreationPolicy.of(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN));
    }

    /** The fields mapped for a HubSpot contact paired with a {@code type}. */
    public List<FieldMapping> fieldsFor(SalesforceType type) {
        return fields.stream().filter(f -> f.appliesTo(type)).toList();
    }

    /** The translation named {@code name}. */
    public Optional<ValueTranslation> translation(String name) {
        return Optional.ofNullable(valueMaps.get(name));
    }

    /** The translation of {@code field}'s values, if it has a value map. */
    public Optional<ValueTranslation> translationOf(FieldMapping field) {
        return field.valueMap().flatMap(this::translation);
    }

    /** These mappings with the owner translation over freshly read HubSpot owners and Salesforce users. */
    public Mappings withOwners(List<OwnerMapping.Person> hubspotOwners, List<OwnerMapping.Person> salesforceUsers) {
        Map<String, ValueTranslation> maps = new LinkedHashMap<>(valueMaps);
        maps.replaceAll((name, t) -> t instanceof OwnerMapping owners
                ? owners.withDirectory(hubspotOwners, salesforceUsers) : t);
        return new Mappings(fields, tieBreaker, maps, inclusion, creation, alsoReadOnHubspot, alsoReadOnSalesforce);
    }

    /** Every HubSpot property to read: the mapped ones and those the inclusion filter looks at. */
    public List<String> hubspotProperties() {
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(f -> names.add(f.hubspot()));
        names.addAll(inclusion.properties());
        names.addAll(alsoReadOnHubspot);
        return List.copyOf(names);
    }

    /** Every field to read from a Salesforce {@code type}. */
    public List<String> salesforceFields(SalesforceType type) {
        Set<String> names = new LinkedHashSet<>();
        fieldsFor(type).forEach(f -> names.add(f.salesforce()));
        names.addAll(alsoReadOnSalesforce.getOrDefault(type, List.of()));
        return List.copyOf(names);
    }
}
