package io.baton.sync;

import io.baton.core.mapping.CreationPolicy;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.reconcile.Reconciler;
import io.baton.core.record.Change;
import io.baton.core.record.ChangePage;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.EmailMatch;
import io.baton.core.record.Emails;
import io.baton.core.record.RecordRef;
import io.baton.core.record.SyncCursor;
import io.baton.hubspot.HubSpotChangeReader;
import io.baton.salesforce.ConvertedLeads;
import io.baton.salesforce.SalesforceLookups;
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

/**
 * One page of the HubSpot → Salesforce direction: read changed contacts after the cursor, find
 * each one's Salesforce side (by link, then by Baton's id on either side, then by email — the
 * newest match wins, others are reported), decide Lead or Contact for people Salesforce does not
 * know yet, and hand the pairs to {@link PairSync}.
 */
final class HubSpotPageSync {

    private final HubSpotChangeReader reader;
    private final SalesforceLookups salesforce;
    private final RecordLinkRepository links;
    private final SyncCursorRepository cursors;
    private final PairSync pairs;
    private final DuplicateReport duplicates;

    HubSpotPageSync(HubSpotChangeReader reader, SalesforceLookups salesforce, RecordLinkRepository links,
                    SyncCursorRepository cursors, PairSync pairs, DuplicateReport duplicates) {
        this.reader = reader;
        this.salesforce = salesforce;
        this.links = links;
        this.cursors = cursors;
        this.pairs = pairs;
        this.duplicates = duplicates;
    }

    /** Contacts paired and synced, from a change page or a resync: what was written, and how many the inclusion filter or an ended pair left out. */
    record Synced(PairSync.PageOutcome outcome, int excluded) {
    }

    /** The contact properties a sync reads: the mapped ones and the Salesforce id Baton stores. */
    static List<String> contactProperties(Mappings mappings) {
        List<String> properties = new ArrayList<>(mappings.hubspotProperties());
        properties.add(PairSync.SALESFORCE_ID_ON_HUBSPOT);
        return properties;
    }

    PageResult syncPage(Mappings mappings) {
        SyncCursor cursor = cursors.find(SyncStreams.HUBSPOT).orElse(SyncCursor.BEGINNING);
        ChangePage page = reader.readPage(cursor, contactProperties(mappings));
        List<Runnable> repoints = new ArrayList<>();
        Map<String, CrmRecord> contacts = new LinkedHashMap<>();
        for (Change change : page.changes()) {
            switch (change.kind()) {
                // Re-pointed now, not with the page's commit: the survivor comes in this same page and
                // must find the merged contact's link, or it is paired afresh and a second Salesforce
                // record is created. Safe outside the commit: a merge is a fact in HubSpot, and
                // re-pointing again on a replayed page does nothing.
                case MERGE -> links.repointHubSpot(change.ref().id(), change.mergedInto().orElseThrow().id());
                case UPSERT -> contacts.put(change.ref().id(), change.record().orElseThrow());
                case DELETE -> { } // HubSpot's search never returns archived contacts (A.2)
            }
        }
        Synced synced = syncContacts(contacts, mappings, Optional.of(page.cursor()), repoints);
        return new PageResult(SyncStreams.HUBSPOT, page.changes().size(), synced.excluded(), synced.outcome(),
                page.hasMore(), page.remaining());
    }

    /**
     * Pairs these contacts with their Salesforce side and syncs them, committing the cursor when one
     * is given; the stream and {@link RecordResync} both come here, so a record is paired one way.
     */
    Synced syncContacts(Map<String, CrmRecord> contacts, Mappings mappings, Optional<SyncCursor> cursor,
                        List<Runnable> repoints) {
        Map<String, RecordLink> linked = links.findByHubSpotIds(contacts.keySet());
        List<SyncPair> found = new ArrayList<>();
        int excluded = 0;
        List<CrmRecord> unlinked = new ArrayList<>();
        for (CrmRecord contact : contacts.values()) {
            RecordLink link = linked.get(contact.ref().id());
            if (link != null && !link.isActive()) {
                excluded++;   // the pair ended (a delete under the delete policy, or merged away)
            } else if (link != null) {
                found.add(SyncPair.linked(link, Optional.of(contact), Optional.empty(), typeOf(link), contact.ref()));
            } else if (mappings.inclusion().evaluate(contact).included()) {
                unlinked.add(contact);
            } else {
                excluded++;
            }
        }
        List<SyncPair> complete = new ArrayList<>(withSalesforceSide(found, mappings, repoints));
        complete.addAll(pairUnlinked(unlinked, mappings));
        return new Synced(pairs.sync(SyncStreams.HUBSPOT, complete, new Reconciler(mappings), cursor, repoints), excluded);
    }

    /** Reads the Salesforce record of each linked pair, following a Lead that was converted to its Contact. */
    private List<SyncPair> withSalesforceSide(List<SyncPair> found, Mappings mappings, List<Runnable> repoints) {
        Map<SalesforceType, Set<String>> ids = new LinkedHashMap<>();
        for (SyncPair p : found) {
            p.link().flatMap(RecordLink::salesforceId).ifPresent(id -> ids.computeIfAbsent(p.type(), t -> new LinkedHashSet<>()).add(id));
        }
        Map<String, CrmRecord> leads = read(SalesforceType.LEAD, ids, mappings);
        Map<String, CrmRecord> contactsById = read(SalesforceType.CONTACT, ids, mappings);
        List<String> convertedContacts = leads.values().stream().filter(ConvertedLeads::isConverted)
                .flatMap(l -> ConvertedLeads.contactOf(l).stream()).map(RecordRef::id).toList();
        if (!convertedContacts.isEmpty()) {
            contactsById.putAll(salesforce.retrieve("Contact", convertedContacts, mappings.salesforceFields(SalesforceType.CONTACT)));
        }
        List<SyncPair> out = new ArrayList<>();
        for (SyncPair p : found) {
            Optional<CrmRecord> sf = p.link().flatMap(RecordLink::salesforceId)
                    .map(id -> p.type() == SalesforceType.LEAD ? leads.get(id) : contactsById.get(id));
            SalesforceType type = p.type();
            if (sf.isPresent() && ConvertedLeads.isConverted(sf.get())) {
                Optional<RecordRef> contact = ConvertedLeads.contactOf(sf.get());
                if (contact.isEmpty()) {
                    continue; // converted without a Contact: nothing left to sync on the Salesforce side
                }
                String leadId = sf.get().ref().id();
                repoints.add(() -> links.handOverToConvertedContact(leadId, contact.get()));
                sf = Optional.ofNullable(contactsById.get(contact.get().id()));
                type = SalesforceType.CONTACT;
            }
            out.add(new SyncPair(p.link(), p.hubspot(), sf, type, Optional.empty(), p.source()));
        }
        return out;
    }

    /** Pairs contacts Baton has no link for: by the id Baton stored on either side, then by email; else a create. */
    private List<SyncPair> pairUnlinked(List<CrmRecord> unlinked, Mappings mappings) {
        if (unlinked.isEmpty()) {
            return List.of();
        }
        List<SyncPair> out = new ArrayList<>(pairByStoredId(unlinked, mappings));
        Set<String> paired = new LinkedHashSet<>();
        out.forEach(p -> paired.add(p.source().id()));
        unlinked = unlinked.stream().filter(c -> !paired.contains(c.ref().id())).toList();
        Set<String> emails = new LinkedHashSet<>();
        unlinked.forEach(c -> c.value("email").ifPresent(e -> emails.add(normalise(e))));
        Map<String, List<CrmRecord>> byEmail = new LinkedHashMap<>();
        for (SalesforceType type : SalesforceType.values()) {
            salesforce.findByEmail(type.apiName(), emails, mappings.salesforceFields(type)).forEach((email, rows) ->
                    byEmail.computeIfAbsent(normalise(email), e -> new ArrayList<>()).addAll(rows.stream()
                            .filter(r -> !ConvertedLeads.isConverted(r)).toList()));
        }
        Map<String, RecordLink> alreadyLinked = links.findBySalesforceIds(byEmail.values().stream().flatMap(List::stream)
                .map(r -> r.ref().id()).toList());
        Set<String> domains = new LinkedHashSet<>();
        List<CrmRecord> toCreate = new ArrayList<>();
        for (CrmRecord contact : unlinked) {
            Optional<String> email = contact.value("email").map(HubSpotPageSync::normalise);
            Optional<EmailMatch> match = EmailMatch.newest(email.map(e -> byEmail.getOrDefault(e, List.of()))
                    .orElse(List.of()).stream().filter(r -> !alreadyLinked.containsKey(r.ref().id())).toList());
            if (match.isPresent()) {
                CrmRecord newest = match.get().paired();
                duplicates.report(contact.ref(), newest, match.get().duplicates());
                out.add(new SyncPair(Optional.empty(), Optional.of(contact), Optional.of(newest),
                        SalesforceType.of(newest.ref().type()).orElseThrow(), Optional.empty(), contact.ref()));
            } else {
                toCreate.add(contact);
                email.flatMap(HubSpotPageSync::domainOf).ifPresent(domains::add);
            }
        }
        Map<String, String> accounts = mappings.creation().mode() == CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN && !domains.isEmpty()
                ? salesforce.accountIdsByDomain(domains) : Map.of();
        for (CrmRecord contact : toCreate) {
            CreationPolicy.Decision decision = mappings.creation().decide(contact.value("email"),
                    domain -> Optional.ofNullable(accounts.get(domain)));
            out.add(new SyncPair(Optional.empty(), Optional.of(contact), Optional.empty(), decision.type(),
                    decision.accountId(), contact.ref()));
        }
        return out;
    }

    /**
     * Contacts carrying the Salesforce id Baton wrote on an earlier create ({@code baton_salesforce_id})
     * whose link was lost — a store restored from an old backup, a re-baseline: pair them by that id.
     */
    private List<SyncPair> pairByStoredId(List<CrmRecord> unlinked, Mappings mappings) {
        Map<SalesforceType, Set<String>> ids = new LinkedHashMap<>();
        Map<String, CrmRecord> contactBySalesforceId = new LinkedHashMap<>();
        for (CrmRecord contact : unlinked) {
            contact.value(PairSync.SALESFORCE_ID_ON_HUBSPOT).ifPresent(id -> typeOfId(id).ifPresent(type -> {
                ids.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(id);
                contactBySalesforceId.put(id, contact);
            }));
        }
        if (contactBySalesforceId.isEmpty()) {
            return List.of();
        }
        Map<String, RecordLink> taken = links.findBySalesforceIds(contactBySalesforceId.keySet());
        List<SyncPair> out = new ArrayList<>();
        for (SalesforceType type : SalesforceType.values()) {
            read(type, ids, mappings).forEach((id, record) -> {
                if (!taken.containsKey(id) && !ConvertedLeads.isConverted(record)) {
                    CrmRecord contact = contactBySalesforceId.get(id);
                    out.add(new SyncPair(Optional.empty(), Optional.of(contact), Optional.of(record), type,
                            Optional.empty(), contact.ref()));
                }
            });
        }
        return out;
    }

    /** Salesforce key prefixes (B.8): 00Q Lead, 003 Contact. */
    static Optional<SalesforceType> typeOfId(String id) {
        return id.startsWith("00Q") ? Optional.of(SalesforceType.LEAD)
                : id.startsWith("003") ? Optional.of(SalesforceType.CONTACT) : Optional.empty();
    }

    private Map<String, CrmRecord> read(SalesforceType type, Map<SalesforceType, Set<String>> ids, Mappings mappings) {
        Set<String> wanted = ids.getOrDefault(type, Set.of());
        return wanted.isEmpty() ? new LinkedHashMap<>()
                : new LinkedHashMap<>(salesforce.retrieve(type.apiName(), wanted, mappings.salesforceFields(type)));
    }

    private static SalesforceType typeOf(RecordLink link) {
        return link.salesforce().flatMap(ref -> SalesforceType.of(ref.type())).orElse(SalesforceType.LEAD);
    }

    static String normalise(String email) {
        return Emails.key(email);
    }

    private static Optional<String> domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? Optional.empty() : Optional.of(email.substring(at + 1));
    }
}
