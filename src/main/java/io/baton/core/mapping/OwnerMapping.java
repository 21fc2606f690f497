package io.baton.core.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Translates owners (the {@code owners} value map): a HubSpot owner and a Salesforce user are the
 * same person when their emails match, case and surrounding blanks ignored. Built from plain lists
 * of (id, email) pairs that the adapters read and cache. A HubSpot owner with no Salesforce match
 * gets the configured fallback owner (a user's email, resolved to that user's id) or else the
 * fallback queue (written as configured), with a warning; a Salesforce user with no HubSpot owner
 * leaves the HubSpot owner alone, with a warning.
 */
public record OwnerMapping(Match match, List<Person> hubspotOwners, List<Person> salesforceUsers,
                           Optional<String> fallbackOwner, Optional<String> fallbackQueue) implements ValueTranslation {

    /** How owners are matched: {@code by-email}, or {@code none} (always the fallback). */
    public enum Match { BY_EMAIL, NONE }

    /** A HubSpot owner or a Salesforce user: its id in its system and its email. */
    public record Person(String id, String email) {
        public Person {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(email, "email");
        }
    }

    public OwnerMapping {
        Objects.requireNonNull(match, "match");
        hubspotOwners = List.copyOf(hubspotOwners);
        salesforceUsers = List.copyOf(salesforceUsers);
        Objects.requireNonNull(fallbackOwner, "fallbackOwner");
        Objects.requireNonNull(fallbackQueue, "fallbackQueue");
    }

    /** The policy from configuration, before any owner or user has been read. */
    public static OwnerMapping of(Match match, Optional<String> fallbackOwner, Optional<String> fallbackQueue) {
        return new OwnerMapping(match, List.of(), List.of(), fallbackOwner, fallbackQueue);
    }

    /** The same policy over freshly read owners and users. */
    public OwnerMapping withDirectory(List<Person> hubspotOwners, List<Person> salesforceUsers) {
        return new OwnerMapping(match, hubspotOwners, salesforceUsers, fallbackOwner, fallbackQueue);
    }

    @Override
    public Translated toSalesforce(String field, String hubspotOwnerId) {
        Optional<String> user = match == Match.NONE ? Optional.empty()
                : emailOf(hubspotOwners, hubspotOwnerId).flatMap(email -> idOf(salesforceUsers, email));
        if (user.isPresent()) {
            return Translated.of(user.get());
        }
        String why = match == Match.NONE ? "owners are not matched"
                : "HubSpot owner '" + hubspotOwnerId + "' has no Salesforce user with the same email";
        Optional<String> fallbackUser = fallbackOwner.flatMap(email -> idOf(salesforceUsers, email));
        if (fallbackUser.isPresent()) {
            return Translated.of(fallbackUser.get(), RecordIssue.warning(field,
                    why + "; using fallback owner " + fallbackOwner.get()));
        }
        if (fallbackQueue.isPresent()) {
            return Translated.of(fallbackQueue.get(), RecordIssue.warning(field,
                    why + "; using fallback queue " + fallbackQueue.get()));
        }
        String missing = fallbackOwner.map(email -> "; fallback owner " + email + " is not a Salesforce user")
                .orElse("; no fallback owner or queue configured");
        return Translated.failure(RecordIssue.warning(field, why + missing + ", Salesforce owner left unchanged"));
    }

    @Override
    public Translated toHubspot(String field, String salesforceUserId) {
        Optional<String> owner = match == Match.NONE ? Optional.empty()
                : emailOf(salesforceUsers, salesforceUserId).flatMap(email -> idOf(hubspotOwners, email));
        return owner.map(Translated::of).orElseGet(() -> Translated.failure(RecordIssue.warning(field,
                "Salesforce user '" + salesforceUserId + "' has no HubSpot owner with the same email"
                        + "; HubSpot owner left unchanged")));
    }

    private static Optional<String> emailOf(List<Person> people, String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst().map(p -> key(p.email()));
    }

    private static Optional<String> idOf(List<Person> people, String email) {
        Map<String, String> byEmail = new HashMap<>();
        for (Person p : people) {
            byEmail.putIfAbsent(key(p.email()), p.id());
        }
        return Optional.ofNullable(byEmail.get(key(email)));
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
