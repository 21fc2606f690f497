package io.baton.config;

import io.baton.core.record.Side;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.mappings.*} (config/mappings.yml): which objects pair up, which records take part,
 * how new Salesforce records are created and owned, and one rule per mapped field. Rule, transform,
 * value-map and stage names are checked by {@link ReferenceChecks}. {@code free-mail-domains} adds
 * to the built-in list of webmail domains that never match an Account (gmail.com, outlook.com, …).
 */
@Validated
@ConfigurationProperties("baton.mappings")
public record MappingsProperties(
        @DefaultValue @Valid ObjectPair objects,
        @DefaultValue("salesforce") Side tieBreaker,
        @DefaultValue("match-account-domain") CreationPolicy creationPolicy,
        @DefaultValue List<String> freeMailDomains,
        @DefaultValue @Valid Inclusion include,
        @DefaultValue @Valid Owners owners,
        @DefaultValue @Valid Deletes deletes,
        @DefaultValue List<@Valid @NotNull FieldMapping> fields,
        @DefaultValue Map<String, List<@Valid @NotNull ValuePair>> valueMaps) {

    /** Value-map names that are not in {@code value-maps} but translate through other configuration. */
    public static final String OWNERS_MAP = "owners";
    public static final String LIFECYCLE_MAP = "lifecycle";

    /** A HubSpot object and the Salesforce object it is before ({@code lead}) and after ({@code contact}) conversion. */
    public record ObjectPair(
            @DefaultValue("contacts") @NotBlank String hubspot,
            @DefaultValue("Lead") @NotBlank String lead,
            @DefaultValue("Contact") @NotBlank String contact) {
    }

    /** Which HubSpot contacts are synced: at or past {@code min-stage}, and matching every condition. */
    public record Inclusion(
            String minStage,
            @DefaultValue List<@Valid @NotNull Condition> conditions) {
    }

    /** One property condition of the inclusion filter. */
    public record Condition(
            @NotBlank String property,
            @DefaultValue("equals") Operator operator,
            @DefaultValue List<String> values) {
    }

    /** How a condition compares: {@code equals}/{@code not-equals} one of {@code values}, or presence. */
    public enum Operator { EQUALS, NOT_EQUALS, IS_SET, IS_BLANK }

    /** What Baton creates in Salesforce for a HubSpot contact that has no counterpart yet. */
    public enum CreationPolicy { MATCH_ACCOUNT_DOMAIN, ALWAYS_LEAD, ALWAYS_CONTACT }

    /**
     * What a delete on one side does to the other: {@code propagate}, {@code archive-only} or
     * {@code ignore} (see {@link io.baton.core.mapping.DeletePolicy}). Neither default deletes anything.
     */
    public record Deletes(
            @DefaultValue("archive-only") DeletePolicy hubspotToSalesforce,
            @DefaultValue("archive-only") DeletePolicy salesforceToHubspot) {
    }

    /** {@code propagate} | {@code archive-only} | {@code ignore}. */
    public enum DeletePolicy { PROPAGATE, ARCHIVE_ONLY, IGNORE }

    /** How owners translate between the systems. */
    public record Owners(
            @DefaultValue("by-email") OwnerMatch match,
            String fallbackOwner,
            String fallbackQueue) {
    }

    /** {@code by-email}: a HubSpot owner and a Salesforce user are the same person when their emails match. */
    public enum OwnerMatch { BY_EMAIL, NONE }

    /** One mapped field: the HubSpot property, the Salesforce field, the rule, optional translation. */
    public record FieldMapping(
            @NotBlank String hubspot,
            @NotBlank String salesforce,
            @NotNull MappingRule rule,
            String valueMap,
            @DefaultValue List<String> transform,
            @DefaultValue({"lead", "contact"}) List<SalesforceObject> appliesTo) {
    }

    /** The per-field sync rules of DESIGN.md §3 ("Sync rules"). */
    public enum MappingRule {
        TWO_WAY, PREFER_SALESFORCE_UNLESS_BLANK, PREFER_HUBSPOT_UNLESS_BLANK, ALWAYS_SALESFORCE, ALWAYS_HUBSPOT, NONE
    }

    /** The Salesforce side of the object pair a field mapping applies to. */
    public enum SalesforceObject { LEAD, CONTACT }

    /** One picklist translation: this HubSpot value is that Salesforce value. */
    public record ValuePair(@NotBlank String hubspot, @NotBlank String salesforce) {
    }
}
