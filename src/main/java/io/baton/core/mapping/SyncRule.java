package io.baton.core.mapping;

import io.baton.core.record.Side;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which side wins a mapped field (DESIGN.md §3, "Sync rules"). A blanked value is a change like any
 * other under every rule.
 */
public enum SyncRule {
    /** The side that changed since the last sync wins; both changed: the newer change, ties to the tie-breaker. */
    TWO_WAY,
    /** Salesforce's value unless it is blank, then HubSpot's. */
    PREFER_SALESFORCE_UNLESS_BLANK,
    /** HubSpot's value unless it is blank, then Salesforce's. */
    PREFER_HUBSPOT_UNLESS_BLANK,
    /** Salesforce owns the field: its value, blank included, overwrites HubSpot's. */
    ALWAYS_SALESFORCE,
    /** HubSpot owns the field: its value, blank included, overwrites Salesforce's. */
    ALWAYS_HUBSPOT,
    /** Mapped for matching and display, never written. */
    NONE;

    /** The name used in config/mappings.yml, e.g. {@code prefer-salesforce-unless-blank}. */
    public String kebabName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The rule named {@code name} in kebab case (case and surrounding blanks ignored), if any. */
    public static Optional<SyncRule> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.kebabName().equals(wanted)).findFirst();
    }

    /** True when this rule may ever write a value into {@code target}. */
    public boolean writesTo(Side target) {
        return switch (this) {
            case TWO_WAY, PREFER_SALESFORCE_UNLESS_BLANK, PREFER_HUBSPOT_UNLESS_BLANK -> true;
            case ALWAYS_SALESFORCE -> target == Side.HUBSPOT;
            case ALWAYS_HUBSPOT -> target == Side.SALESFORCE;
            case NONE -> false;
        };
    }

    /** The side that owns the field under an always-* or prefer-* rule; empty for two-way and none. */
    public Optional<Side> preferredSide() {
        return switch (this) {
            case PREFER_SALESFORCE_UNLESS_BLANK, ALWAYS_SALESFORCE -> Optional.of(Side.SALESFORCE);
            case PREFER_HUBSPOT_UNLESS_BLANK, ALWAYS_HUBSPOT -> Optional.of(Side.HUBSPOT);
            case TWO_WAY, NONE -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return kebabName();
    }
}
