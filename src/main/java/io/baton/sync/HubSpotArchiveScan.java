package io.baton.sync;

import io.baton.core.mapping.DeletePolicy;
import io.baton.hubspot.HubSpotLookups;
import io.baton.store.RecordLink;
import io.baton.store.RecordLinkRepository;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contacts deleted (archived) in HubSpot never show in the search stream (A.2), so every
 * {@code baton.sync.hubspot-archive-scan-interval} the archived contacts are listed, and each one
 * still paired gets the {@code hubspot-to-salesforce} delete policy: {@code propagate} deletes the
 * Salesforce record (to the recycle bin), {@code archive-only} ends the pair, {@code ignore} keeps it.
 * Ended pairs are skipped next time, so the scan is idempotent and needs no watermark.
 */
final class HubSpotArchiveScan {

    private static final Logger LOG = LoggerFactory.getLogger(HubSpotArchiveScan.class);

    private final HubSpotLookups hubspot;
    private final BiConsumer<String, String> deleteSalesforce;
    private final RecordLinkRepository links;
    private final DeletePolicy policy;

    HubSpotArchiveScan(HubSpotLookups hubspot, BiConsumer<String, String> deleteSalesforce, RecordLinkRepository links,
                       DeletePolicy policy) {
        this.hubspot = hubspot;
        this.deleteSalesforce = deleteSalesforce;
        this.links = links;
        this.policy = policy;
    }

    /** The number of pairs the policy ended. */
    int scan() {
        if (!policy.endsThePair()) {
            return 0;
        }
        List<RecordLink> paired = links.findByHubSpotIds(hubspot.archivedContactIds()).values().stream()
                .filter(RecordLink::isActive).toList();
        for (RecordLink link : paired) {
            if (policy == DeletePolicy.PROPAGATE) {
                link.salesforce().ifPresent(ref -> deleteSalesforce.accept(ref.type(), ref.id()));
            }
            links.markDeleted(link.id());
        }
        if (!paired.isEmpty()) {
            LOG.info("deletes: {} pair(s) ended after their HubSpot contact was archived ({})", paired.size(),
                    policy == DeletePolicy.PROPAGATE ? "Salesforce records deleted" : "Salesforce records kept");
        }
        return paired.size();
    }
}
