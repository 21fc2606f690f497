package io.baton.sync;

import io.baton.core.leakage.LeadSnapshot;
import io.baton.core.leakage.LeadSnapshot.NotInSalesforce;
import io.baton.core.mapping.InclusionFilter;
import io.baton.core.record.CrmException;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.hubspot.ContactSearch;
import io.baton.hubspot.HubSpotClient;
import io.baton.hubspot.HubSpotContact;
import io.baton.store.DeadLetterRepository;
import io.baton.store.RecordLink;
import io.baton.store.RecordLinkRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The HubSpot side of "MQL not in Salesforce": every contact at a stage's HubSpot value, a page at
 * a time, each with whether its link has a Salesforce record and, when not, why — an open dead
 * letter (Salesforce's words; DUPLICATES_DETECTED is a duplicate rule), the inclusion filter, or
 * simply not synced yet. Pages by {@code hs_object_id > last} sorted by id, a fresh search each,
 * so no query pages towards search's 10,000-result cap (A.2) and none is read twice.
 */
final class HubSpotMqlSearch {

    private static final String ID = "hs_object_id";
    private static final String CREATED = "createdate";
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final HubSpotClient client;
    private final RecordLinkRepository links;
    private final DeadLetterRepository deadLetters;
    private final InclusionFilter inclusion;
    private final String stageProperty;
    private final int pageSize;

    HubSpotMqlSearch(HubSpotClient client, RecordLinkRepository links, DeadLetterRepository deadLetters,
                     InclusionFilter inclusion, String stageProperty, int pageSize) {
        this.client = client;
        this.links = links;
        this.deadLetters = deadLetters;
        this.inclusion = inclusion;
        this.stageProperty = stageProperty;
        this.pageSize = pageSize;
    }

    /** Hands each page of contacts at {@code hubspotValue} to {@code page}, as snapshots in {@code stage}. */
    void forEachPage(String stage, String hubspotValue, Consumer<List<LeadSnapshot>> page) {
        String enteredProperty = HubSpotContact.stageEnteredProperty(hubspotValue);
        Set<String> properties = new LinkedHashSet<>(List.of(stageProperty, CREATED, enteredProperty, "email"));
        properties.addAll(inclusion.properties());
        String after = "0";
        while (true) {
            List<HubSpotContact> found = search(new ContactSearch(List.of(List.of(
                    ContactSearch.Filter.of(stageProperty, "EQ", hubspotValue),
                    ContactSearch.Filter.of(ID, "GT", after))), ID, true, List.copyOf(properties), pageSize));
            if (found.isEmpty()) {
                return;
            }
            Map<String, RecordLink> linked = links.findByHubSpotIds(found.stream().map(HubSpotContact::id).toList());
            List<LeadSnapshot> snapshots = new ArrayList<>();
            for (HubSpotContact contact : found) {
                snapshots.add(snapshot(contact, Optional.ofNullable(linked.get(contact.id())), stage, enteredProperty));
            }
            page.accept(snapshots);
            if (found.size() < pageSize) {
                return;
            }
            after = found.get(found.size() - 1).id();
        }
    }

    /**
     * One search, waiting out one short rate limit: search allows five a second per account (A.2)
     * and the scan often runs right after a sync page spent them. Anything longer fails the scan,
     * which the next one repeats.
     */
    private List<HubSpotContact> search(ContactSearch search) {
        try {
            return client.searchContacts(search).results();
        } catch (CrmException e) {
            Duration wait = e.retryAfter().orElse(Duration.ofSeconds(1));
            if (!e.isRetriable() || wait.compareTo(MAX_WAIT) > 0) {
                throw e;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw e;
            }
            return client.searchContacts(search).results();
        }
    }

    private LeadSnapshot snapshot(HubSpotContact contact, Optional<RecordLink> link, String stage, String enteredProperty) {
        Optional<RecordRef> salesforce = link.filter(RecordLink::isActive).flatMap(RecordLink::salesforce);
        Instant entered = contact.property(enteredProperty).or(() -> contact.property(CREATED))
                .flatMap(CrmReadings::instant).orElse(contact.updatedAt());
        Optional<NotInSalesforce> why = salesforce.isPresent() ? Optional.empty() : Optional.of(whyNot(contact));
        return new LeadSnapshot(link.map(RecordLink::id), Optional.of(contact.id()), salesforce, stage, entered,
                Optional.empty(), Optional.empty(), Optional.empty(), LeadSnapshot.OwnerState.UNKNOWN, Map.of(),
                Optional.empty(), why, Map.of());
    }

    private NotInSalesforce whyNot(HubSpotContact contact) {
        Optional<String> refused = deadLetters.findOpen(RecordRef.hubspotContact(contact.id()), SyncStreams.HUBSPOT)
                .map(d -> d.reason());
        if (refused.isPresent()) {
            return NotInSalesforce.deadLetter(refused.get());
        }
        InclusionFilter.Decision decision = inclusion.evaluate(
                new CrmRecord(RecordRef.hubspotContact(contact.id()), contact.updatedAt(), contact.properties()));
        return decision.included() ? NotInSalesforce.of(LeadSnapshot.Absence.NOT_YET_SYNCED, null)
                : NotInSalesforce.of(LeadSnapshot.Absence.EXCLUDED, decision.reason());
    }
}
