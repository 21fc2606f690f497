package io.baton.hubspot;

/** A HubSpot user who can own contacts; matched to Salesforce users by email. */
public record HubSpotOwner(String id, String email, String firstName, String lastName) {
}
