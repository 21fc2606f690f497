package io.baton.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleReadingTest {

    private final LifecyclePolicy policy = Lifecycles.policy();

    private Optional<String> hubspot(String stage, String status) {
        return policy.read(HubSpotFacts.of(stage, status)).map(Stage::name);
    }

    private Optional<String> salesforce(SalesforceFacts facts) {
        return policy.read(facts).map(Stage::name);
    }

    @Test
    void hubSpotLifecycleStageNamesTheStage() {
        assertThat(hubspot("salesqualifiedlead", null)).contains("sql");
        assertThat(hubspot("marketingqualifiedlead", "NEW")).contains("mql");
        assertThat(hubspot("evangelist", null)).isEmpty();
        assertThat(hubspot(null, null)).isEmpty();
    }

    @Test
    void aLeadStatusRefinesTheStageHubSpotShowsWithTheSameValue() {
        assertThat(hubspot("marketingqualifiedlead", "IN_PROGRESS")).contains("sal");
        assertThat(hubspot("marketingqualifiedlead", "CONNECTED")).contains("sal");
        // sal shows as marketingqualifiedlead, so on an SQL the status is just the rep's note
        assertThat(hubspot("salesqualifiedlead", "IN_PROGRESS")).contains("sql");
    }

    @Test
    void aLeadStatusMeaningAnExitWinsWhateverTheLifecycleStageSays() {
        assertThat(hubspot("marketingqualifiedlead", "BAD_TIMING")).contains("recycled");
        assertThat(hubspot("lead", "BAD_TIMING")).contains("recycled");
        assertThat(hubspot("opportunity", "UNQUALIFIED")).contains("disqualified");
        assertThat(hubspot("other", null)).contains("disqualified");
        assertThat(hubspot("lead", null)).contains("lead");
    }

    @Test
    void aNewLeadsDefaultStatusDoesNotPullItForward() {
        assertThat(salesforce(SalesforceFacts.lead(null, "Open - Not Contacted"))).isEmpty();
        assertThat(salesforce(SalesforceFacts.lead("Lead", "Open - Not Contacted"))).contains("lead");
    }

    @Test
    void aListedLeadStatusWinsOnlyWhenForwardOfTheStageFieldOrAnExit() {
        assertThat(salesforce(SalesforceFacts.lead("MQL", "Working - Contacted"))).contains("sal");
        assertThat(salesforce(SalesforceFacts.lead("SQL", "Working - Contacted"))).contains("sql");
        assertThat(salesforce(SalesforceFacts.lead("SQL", "Closed - Not Converted"))).contains("disqualified");
        assertThat(salesforce(SalesforceFacts.lead(null, "Working - Contacted"))).contains("sal");
    }

    @Test
    void aConvertedLeadOrItsContactReadsAsSqlUnlessTheFieldSaysMore() {
        assertThat(salesforce(SalesforceFacts.contact("MQL", null))).contains("sql");
        assertThat(salesforce(SalesforceFacts.contact(null, null))).contains("sql");
        assertThat(salesforce(SalesforceFacts.contact("Opportunity", null))).contains("opportunity");
        assertThat(salesforce(SalesforceFacts.contact("Disqualified", null))).contains("disqualified");
    }

    @Test
    void anOpportunitySignalComesFirst() {
        assertThat(salesforce(SalesforceFacts.contact("SQL", OpportunityState.OPEN))).contains("opportunity");
        assertThat(salesforce(SalesforceFacts.contact("Opportunity", OpportunityState.WON))).contains("customer");
        // no stage claims a lost opportunity: conversion and the field speak
        assertThat(salesforce(SalesforceFacts.contact("Opportunity", OpportunityState.LOST))).contains("opportunity");
        assertThat(salesforce(SalesforceFacts.contact(null, OpportunityState.LOST))).contains("sql");
    }
}
