package io.baton.sandbox.hubspot;

import java.time.Instant;
import java.util.Map;

/** STUB: replaced by the real in-memory portal. */
public final class HubSpotStore {

    public record Owner(String id, String email, String firstName, String lastName) {
    }

    public Owner seedOwner(String email, String firstName, String lastName) {
        return new Owner("1", email, firstName, lastName);
    }

    public String seedContact(Map<String, String> properties, Instant created, Instant modified) {
        return "1";
    }
}
