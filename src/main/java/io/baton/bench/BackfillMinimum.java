package io.baton.bench;

import io.baton.hubspot.ContactSearch;
import io.baton.hubspot.HubSpotWriter;
import io.baton.salesforce.SalesforceLookups;

/**
 * The fewest API calls Baton's design (poll both change streams, pair each record with its
 * counterpart, write in batches) needs for a backfill of {@link BenchPeople}, from the page and
 * batch sizes in force. With {@code n} records on each side, {@code s} shared people, {@code h}
 * HubSpot-only and {@code f} Salesforce-only:
 * <ul>
 * <li>reads: the HubSpot change stream, {@code ceil(n / search page)} searches plus the one that
 *     finds nothing left; the Lead stream, {@code ceil(n / query page)} {@code queryAll} pages
 *     (deletes and merges come in the same answer, DESIGN §4) plus one; the Contact and
 *     Opportunity streams one empty {@code queryAll} each;</li>
 * <li>counterpart lookups: a HubSpot page's Salesforce counterparts by email, as Leads and as
 *     Contacts (DESIGN §3 Identity), {@code 2 * ceil(n / IN-list size)} SOQL queries; a Salesforce
 *     page's HubSpot counterparts (by id when linked, by email otherwise), {@code ceil(n / 100)}
 *     batch reads;</li>
 * <li>writes: {@code ceil(f / 100)} HubSpot batch upserts and {@code ceil(h / 200)} sObject
 *     Collections upserts (API-REFERENCE A.3, B.4);</li>
 * <li>set-up: one Salesforce login, the owner directory of each CRM (owner mapping), and one
 *     HubSpot archive scan (deletes the change stream cannot show).</li>
 * </ul>
 * Echo reads (Baton's own writes coming back through the change streams) and the empty rounds of a
 * multi-round drain are not counted: they are the overhead the ratio shows.
 */
final class BackfillMinimum {

    /** API-REFERENCE B.4: at most 200 records per sObject Collections call. */
    static final int SALESFORCE_COLLECTION = 200;

    private final BenchPeople people;
    private final int salesforceQueryPage;

    BackfillMinimum(BenchPeople people, int salesforceQueryPage) {
        this.people = people;
        this.salesforceQueryPage = salesforceQueryPage;
    }

    CallBudget budget() {
        long each = people.seeded() / 2;
        long searches = CallBudget.pages(each, ContactSearch.MAX_LIMIT) + 1;
        long hubspotLookups = CallBudget.pages(each, HubSpotWriter.MAX_BATCH);
        long hubspotWrites = CallBudget.pages(people.salesforceOnly(), HubSpotWriter.MAX_BATCH);
        long hubspotSetUp = 2; // owners, archive scan
        long salesforceReads = CallBudget.pages(each, salesforceQueryPage) + 1 + 1 + 1;
        long salesforceLookups = 2 * CallBudget.pages(each, SalesforceLookups.MAX_IN_VALUES);
        long salesforceWrites = CallBudget.pages(people.hubspotOnly(), SALESFORCE_COLLECTION);
        long salesforceSetUp = 2; // login, active users
        return new CallBudget(searches, hubspotLookups + hubspotWrites + hubspotSetUp,
                salesforceReads + salesforceLookups + salesforceWrites + salesforceSetUp);
    }
}
