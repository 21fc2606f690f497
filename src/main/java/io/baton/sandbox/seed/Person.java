package io.baton.sandbox.seed;

/**
 * One generated person, before it is written to either system. Blank strings mean "not known";
 * {@code stageIndex} points into the HubSpot lifecycle order (0 = subscriber … 5 = customer).
 */
record Person(
        String firstName,
        String lastName,
        String email,
        String company,
        String phone,
        String title,
        int stageIndex,
        int ownerIndex,
        String leadSource) {
}
