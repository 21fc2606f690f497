package io.baton.sync;

import io.baton.core.mapping.DeletePolicy;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.reconcile.Reconciler;
import io.baton.core.record.Change;
import io.baton.core.record.ChangePage;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.SyncCursor;
import io.baton.hubspot.HubSpotLookups;
import io.baton.salesforce.ConvertedLeads;
import io.baton.salesforce.SalesforceLookups;
import io.baton.salesforce.SalesforceChangeReader;
import io.baton.store.RecordLink;
import io.baton.store.RecordLinkRepository;
import io.baton.store.SyncCursorRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page of the Salesforce → HubSpot direction for Leads or Contacts: read changed rows after the
 * cursor; merges re-point links, a converted Lead hands its link to its Contact (whose own stream
 * syncs it), deletes are left alone (Baton never deletes in HubSpot on a Salesforce delete by
 * default); every other row is paired with its HubSpot contact — by link, by the HubSpot id Baton
 * stored on it, by email — or creates one.
 */
final class SalesforcePageSync {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforcePageSync.class);

    private final SalesforceChangeReader reader;
    private final HubSpotLookups hubspot;
    private final RecordLinkRepository links;
    private final SyncCursorRepository cursors;
    private final PairSync pairs;
    private final DuplicateReport duplicates;
    private final DeletePolicy deletePolicy;
    private final SalesforceLookups salesforce;
    private final Consumer<List<String>> archiveHubSpot;

    SalesforcePageSync(SalesforceChangeReader reader, HubSpotLookups hubspot, RecordLinkRepository links,
                       SyncCursorRepository cursors, PairSync pairs, DuplicateReport duplicates,
                       DeletePolicy deletePolicy, SalesforceLookups salesforce, Consumer<List<String>> archiveHubSpot) {
        this.salesforce = salesforce;
        this.archiveHubSpot = archiveHubSpot;
        this.reader = reader;
        this.hubspot = hubspot;
        this.links = links;
        this.cursors = cursors;
        this.pairs = pairs;
        this.duplicates = duplicates;
        this.deletePolicy = deletePolicy;
    }

    /**
     * Salesforce records deleted (not merged) since the cursor: under {@code propagate} their HubSpot
     * contacts are archived now (idempotent, so a replay is harmless) and the links end with the
     * page's commit; under {@code archive-only} only the links end; {@code ignore} keeps them.
     */
    private void applyDeletePolicy(List<String> deleted, List<Runnable> atCommit) {
        if (deleted.isEmpty() || !deletePolicy.endsThePair()) {
            return;
        }
        List<String> toArchive = new ArrayList<>();
        for (RecordLink link : links.findBySalesforceIds(deleted).values()) {
            if (link.isActive()) {
                if (deletePolicy == DeletePolicy.PROPAGATE) {
                    link.hubspotId().ifPresent(toArchive::add);
                }
                atCommit.add(() -> links.markDeleted(link.id()));
            }
        }
        if (!toArchive.isEmpty()) {
            archiveHubSpot.accept(toArchive);
            LOG.info("deletes: {} HubSpot contact(s) archived after their Salesforce record was deleted", toArchive.size());
        }
    }

    PageResult syncPage(SalesforceType type, Mappings mappings) {
        String stream = SyncStreams.salesforce(type);
        SyncCursor cursor = cursors.find(stream).orElse(SyncCursor.BEGINNING);
        ChangePage page = reader.readPage(type.apiName(), cursor, recordFields(type, mappings));
        List<Runnable> repoints = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        Map<String, CrmRecord> rows = new LinkedHashMap<>();
        for (Change change : page.changes()) {
            switch (change.kind()) {
                // Re-pointed now, not with the page's commit: the master comes in this same page and
                // must find the merged record's link, or it is taken for a duplicate of the person and
                // left unsynced. Safe outside the commit: re-pointing again on a replay does nothing.
                case MERGE -> links.repointSalesforce(change.ref().id(), change.mergedInto().orElseThrow());
                case DELETE -> deleted.add(change.ref().id());
                case UPSERT -> addRow(change.record().orElseThrow(), rows, repoints);
            }
        }
        applyDeletePolicy(deleted, repoints);
        return pageResult(stream, page, syncRows(stream, type, rows, repoints, mappings, Optional.of(page.cursor())));
    }

    /** The fields a sync reads of a Lead or Contact: the mapped ones and the HubSpot id Baton stores. */
    static List<String> recordFields(SalesforceType type, Mappings mappings) {
        List<String> fields = new ArrayList<>(mappings.salesforceFields(type));
        fields.add(PairSync.HUBSPOT_ID_ON_SALESFORCE);
        return fields;
    }

    /**
     * Takes a row to sync; a converted Lead instead hands its link to its Contact (with the page's
     * commit), whose own stream syncs the person.
     */
    void addRow(CrmRecord row, Map<String, CrmRecord> rows, List<Runnable> repoints) {
        if (ConvertedLeads.isConverted(row)) {
            ConvertedLeads.contactOf(row).ifPresent(contact ->
                    repoints.add(() -> links.handOverToConvertedContact(row.ref().id(), contact)));
        } else {
            rows.put(row.ref().id(), row);
        }
    }

    /**
     * Opportunities changed since their cursor (lifecycle: an open opportunity means the
     * opportunity stage, a won one customer): the Contact each one's Lead conversion made is synced
     * again, carrying the opportunity's state, so the shared stage can follow. Opportunities no
     * conversion made have no person Baton can tell and are skipped.
     */
    PageResult syncOpportunityPage(Mappings mappings) {
        String stream = SyncStreams.SALESFORCE_OPPORTUNITIES;
        ChangePage page = reader.readPage("Opportunity", cursors.find(stream).orElse(SyncCursor.BEGINNING),
                List.of("IsClosed", "IsWon"));
        Map<String, String> stateOf = new LinkedHashMap<>();
        for (Change change : page.changes()) {
            change.record().filter(r -> change.kind() == Change.Kind.UPSERT).ifPresent(r -> stateOf.put(r.ref().id(),
                    r.value("IsWon").map(Boolean::parseBoolean).orElse(false) ? "WON"
                            : r.value("IsClosed").map(Boolean::parseBoolean).orElse(false) ? "LOST" : "OPEN"));
        }
        Map<String, String> contactOf = stateOf.isEmpty() ? Map.of() : salesforce.contactsConvertedWith(stateOf.keySet());
        Map<String, CrmRecord> contacts = contactOf.isEmpty() ? Map.of()
                : salesforce.retrieve("Contact", contactOf.values(), mappings.salesforceFields(SalesforceType.CONTACT));
        Map<String, CrmRecord> rows = new LinkedHashMap<>();
        contactOf.forEach((opportunity, contactId) -> Optional.ofNullable(contacts.get(contactId))
                .ifPresent(c -> rows.put(contactId, LifecycleStep.withOpportunity(c, stateOf.get(opportunity)))));
        return pageResult(stream, page, syncRows(stream, SalesforceType.CONTACT, rows, new ArrayList<>(), mappings,
                Optional.of(page.cursor())));
    }

    private static PageResult pageResult(String stream, ChangePage page, PairSync.PageOutcome outcome) {
        return new PageResult(stream, page.changes().size(), 0, outcome, page.hasMore(), page.remaining());
    }

    /**
     * Pairs these rows with their HubSpot contacts and syncs them, committing the cursor when one is
     * given; the streams and {@link RecordResync} both come here, so a record is paired one way.
     */
    PairSync.PageOutcome syncRows(String stream, SalesforceType type, Map<String, CrmRecord> rows,
                                  List<Runnable> repoints, Mappings mappings, Optional<SyncCursor> cursor) {
        Map<String, RecordLink> linked = new LinkedHashMap<>(links.findBySalesforceIds(rows.keySet()));
        // A pair that ended (deleted under the delete policy, merged away) is not synced any more.
        linked.forEach((id, link) -> {
            if (!link.isActive()) {
                rows.remove(id);
            }
        });
        linked.values().removeIf(link -> !link.isActive());
        Map<String, String> hubspotIdOf = new LinkedHashMap<>();
        for (CrmRecord row : rows.values()) {
            Optional.ofNullable(linked.get(row.ref().id())).flatMap(RecordLink::hubspotId)
                    .or(() -> row.value(PairSync.HUBSPOT_ID_ON_SALESFORCE))
                    .ifPresent(id -> hubspotIdOf.put(row.ref().id(), id));
        }
        List<String> properties = HubSpotPageSync.contactProperties(mappings);
        Map<String, CrmRecord> contactsById = hubspotIdOf.isEmpty() ? Map.of()
                : hubspot.byIds(new LinkedHashSet<>(hubspotIdOf.values()), properties);
        Set<String> emails = new LinkedHashSet<>();
        for (CrmRecord row : rows.values()) {
            if (!linked.containsKey(row.ref().id()) && !contactsById.containsKey(hubspotIdOf.getOrDefault(row.ref().id(), ""))) {
                row.value("Email").ifPresent(e -> emails.add(HubSpotPageSync.normalise(e)));
            }
        }
        Map<String, CrmRecord> contactsByEmail = emails.isEmpty() ? Map.of() : hubspot.byEmails(emails, properties);
        Map<String, RecordLink> contactLinks = links.findByHubSpotIds(contactsByEmail.values().stream()
                .map(c -> c.ref().id()).toList());
        List<SyncPair> found = new ArrayList<>();
        for (CrmRecord row : rows.values()) {
            RecordLink link = linked.get(row.ref().id());
            Optional<CrmRecord> contact = Optional.ofNullable(hubspotIdOf.get(row.ref().id())).map(contactsById::get);
            if (link == null && contact.isEmpty()) {
                contact = row.value("Email").map(HubSpotPageSync::normalise).map(contactsByEmail::get);
                if (contact.isPresent() && contactLinks.containsKey(contact.get().ref().id())) {
                    // The person is already paired with another Salesforce record: this one is a duplicate.
                    duplicates.reportUnpaired(row, contact.get().ref());
                    continue;
                }
            }
            found.add(new SyncPair(Optional.ofNullable(link), contact, Optional.of(row), type, Optional.empty(), row.ref()));
        }
        return pairs.sync(stream, found, new Reconciler(mappings), cursor, repoints);
    }
}
