package io.baton.sync;

import io.baton.core.record.CrmException;
import io.baton.hubspot.HubSpotClient;
import io.baton.salesforce.SalesforceGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads both sides and reports how many records each holds: the service's heartbeat until the
 * sync engine (issue 3) takes over the routes. Called by {@code routes/inventory.yaml}.
 */
@Component("crmInventory")
public class CrmInventory {

    private static final Logger LOG = LoggerFactory.getLogger(CrmInventory.class);

    private final HubSpotClient hubspot;
    private final SalesforceGateway salesforce;

    public CrmInventory(HubSpotClient hubspot, SalesforceGateway salesforce) {
        this.hubspot = hubspot;
        this.salesforce = salesforce;
    }

    /** Counts the records on each side; a side that cannot be read is reported, not thrown. */
    public Counts count() {
        long contacts = -1;
        long leads = -1;
        long sfContacts = -1;
        try {
            contacts = hubspot.countContacts();
        } catch (CrmException e) {
            LOG.warn("inventory: HubSpot could not be read: {}", e.getMessage());
        }
        try {
            leads = salesforce.count("Lead");
            sfContacts = salesforce.count("Contact");
        } catch (CrmException e) {
            LOG.warn("inventory: Salesforce could not be read: {}", e.getMessage());
        }
        return new Counts(contacts, leads, sfContacts);
    }

    /** Logs one line with the counts; the route's timer calls this. */
    public Counts report() {
        Counts counts = count();
        LOG.info("inventory: HubSpot contacts={} | Salesforce leads={} contacts={}",
                show(counts.hubspotContacts()), show(counts.salesforceLeads()), show(counts.salesforceContacts()));
        return counts;
    }

    private static String show(long n) {
        return n < 0 ? "unreadable" : Long.toString(n);
    }

    /** Record counts per side; -1 when that side could not be read. */
    public record Counts(long hubspotContacts, long salesforceLeads, long salesforceContacts) {
    }
}
