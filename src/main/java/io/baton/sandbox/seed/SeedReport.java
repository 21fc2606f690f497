package io.baton.sandbox.seed;

/** What the seeder created, for the demo log and for tests that check the mix. */
public record SeedReport(
        int owners,
        int hubspotContacts,
        int salesforceLeads,
        int sharedPeople,
        int salesforceDuplicateEmails,
        int convertedLeads,
        int sharedMillisecondClusters) {

    public static final SeedReport EMPTY = new SeedReport(0, 0, 0, 0, 0, 0, 0);
}
