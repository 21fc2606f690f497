package io.baton.sandbox.seed;

/**
 * What to seed: how many HubSpot contacts and Salesforce leads, the fraction (0..1) of the smaller
 * side that also exists on the other side (same person, same email up to case), and the random
 * seed that makes the whole data set repeatable.
 */
public record SeedPlan(int hubspotContacts, int salesforceLeads, double overlap, long randomSeed) {

    public static final SeedPlan NONE = new SeedPlan(0, 0, 0, 0);

    public SeedPlan {
        if (hubspotContacts < 0 || salesforceLeads < 0) {
            throw new IllegalArgumentException("seed counts must not be negative");
        }
        if (overlap < 0 || overlap > 1) {
            throw new IllegalArgumentException("seed overlap must be between 0 and 1, was " + overlap);
        }
    }

    /** The number of people present in both systems. */
    public int sharedPeople() {
        return (int) Math.round(overlap * Math.min(hubspotContacts, salesforceLeads));
    }
}
