package io.baton.core.lifecycle;

/**
 * What a Salesforce record's opportunity says about the person: a deal is open, won or lost
 * ({@code IsClosed}/{@code IsWon} on the Opportunity, API-REFERENCE B.8). A stage may claim one of
 * these as its Salesforce signal, e.g. {@code customer} for {@code WON}.
 */
public enum OpportunityState {
    OPEN,
    WON,
    LOST
}
