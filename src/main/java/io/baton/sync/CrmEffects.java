package io.baton.sync;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Every change the engine makes in the CRMs, in one place: record writes to each system, HubSpot
 * archives and Salesforce deletes under the delete policies; and how a pair read after a write
 * looks. The service sends them ({@link #real}); a dry run records them and, since nothing was
 * written, shows later pages the records as the writes would have left them ({@code asWritten}).
 *
 * @param archiveHubSpot archives these HubSpot contacts (Salesforce → HubSpot delete policy {@code propagate})
 * @param deleteSalesforce deletes this Salesforce record, by type and id (HubSpot → Salesforce {@code propagate})
 */
record CrmEffects(CrmWriter hubspot, CrmWriter salesforce, Consumer<List<String>> archiveHubSpot,
                  BiConsumer<String, String> deleteSalesforce, UnaryOperator<SyncPair> asWritten) {

    static CrmEffects real(SyncParts parts) {
        return new CrmEffects(parts.hubspotWriter()::write, parts.salesforceWriter()::write,
                parts.hubspotLookups()::archive, parts.salesforceGateway()::delete, UnaryOperator.identity());
    }
}
