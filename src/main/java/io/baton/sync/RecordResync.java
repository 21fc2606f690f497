package io.baton.sync;

import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import io.baton.hubspot.HubSpotLookups;
import io.baton.salesforce.ConvertedLeads;
import io.baton.salesforce.SalesforceLookups;
import io.baton.store.RecordLinkRepository;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Syncs chosen records now, outside the change streams: reads them as they are in their systems
 * and runs them through the streams' own pairing, {@link PairSync} and {@link PageCommit} (links,
 * snapshots, audit, dead letters), but moves no cursor. Used by {@code POST /api/records/resync}
 * and to retry and replay dead letters. Holds the streams' one-page-at-a-time lock while it works.
 */
public final class RecordResync {

    /** What became of one requested record. */
    public enum Status { SYNCED, FAILED, NOT_FOUND, SKIPPED }

    /**
     * One record's answer.
     *
     * @param requested what was asked for: the id or email as given, or the dead letter's id
     * @param record the record found, when one was
     */
    public record Outcome(String requested, Optional<RecordRef> record, Status status, Optional<String> reason) {
        public Outcome {
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A record to sync, and the stream its failures are filed under (a dead letter's own stream). */
    record Target(String requested, RecordRef record, String stream) {
    }

    private final SyncLoop loop;
    private final HubSpotLookups hubspot;
    private final SalesforceLookups salesforce;
    private final RecordLinkRepository links;

    RecordResync(SyncLoop loop, HubSpotLookups hubspot, SalesforceLookups salesforce, RecordLinkRepository links) {
        this.loop = loop;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.links = links;
    }

    /**
     * Syncs the HubSpot contacts, Salesforce Leads/Contacts (by id; the key prefix tells which) and
     * the people with these emails (their HubSpot contact when there is one, else their Salesforce
     * records); one answer per record: ids that cannot be a Lead or Contact first, then the ids, then
     * the emails.
     */
    public List<Outcome> resync(List<String> hubspotIds, List<String> salesforceIds, List<String> emails) {
        return loop.exclusively((mappings, hubspotPages, salesforcePages) -> {
            List<Outcome> out = new ArrayList<>();
            List<Target> targets = new ArrayList<>();
            hubspotIds.forEach(id -> targets.add(new Target(id, RecordRef.hubspotContact(id), SyncStreams.HUBSPOT)));
            for (String id : salesforceIds) {
                Optional<SalesforceType> type = HubSpotPageSync.typeOfId(id);
                if (type.isEmpty()) {
                    out.add(new Outcome(id, Optional.empty(), Status.NOT_FOUND,
                            Optional.of("'" + id + "' is not a Lead (00Q…) or Contact (003…) id")));
                } else {
                    targets.add(new Target(id, RecordRef.salesforce(type.get().apiName(), id), SyncStreams.salesforce(type.get())));
                }
            }
            out.addAll(sync(targets, mappings, hubspotPages, salesforcePages));
            out.addAll(byEmail(emails, mappings, hubspotPages, salesforcePages));
            return List.copyOf(out);
        });
    }

    /** Syncs these records, each filing its failures under its target's stream; answers in the same order. */
    List<Outcome> resync(List<Target> targets) {
        return loop.exclusively((mappings, hubspotPages, salesforcePages) ->
                sync(targets, mappings, hubspotPages, salesforcePages));
    }

    private List<Outcome> byEmail(List<String> emails, Mappings mappings, HubSpotPageSync hubspotPages,
                                  SalesforcePageSync salesforcePages) {
        if (emails.isEmpty()) {
            return List.of();
        }
        Map<String, CrmRecord> contacts = hubspot.byEmails(emails, HubSpotPageSync.contactProperties(mappings));
        List<Target> targets = new ArrayList<>();
        List<String> notInHubSpot = new ArrayList<>();
        for (String email : emails) {
            CrmRecord contact = contacts.get(HubSpotPageSync.normalise(email));
            if (contact != null) {
                targets.add(new Target(email, contact.ref(), SyncStreams.HUBSPOT));
            } else {
                notInHubSpot.add(email);
            }
        }
        // One query per type for all of them: Salesforce's Leads and Contacts by email, keyed like HubSpot's.
        Map<String, List<CrmRecord>> rowsByEmail = new LinkedHashMap<>();
        for (SalesforceType type : notInHubSpot.isEmpty() ? List.<SalesforceType>of() : List.of(SalesforceType.values())) {
            salesforce.findByEmail(type.apiName(), notInHubSpot, List.of()).forEach((email, rows) ->
                    rowsByEmail.computeIfAbsent(HubSpotPageSync.normalise(email), e -> new ArrayList<>()).addAll(rows));
        }
        List<Outcome> missing = new ArrayList<>();
        for (String email : notInHubSpot) {
            List<CrmRecord> rows = rowsByEmail.getOrDefault(HubSpotPageSync.normalise(email), List.of());
            rows.forEach(r -> targets.add(new Target(email, r.ref(),
                    SyncStreams.salesforce(SalesforceType.of(r.ref().type()).orElseThrow()))));
            if (rows.isEmpty()) {
                missing.add(new Outcome(email, Optional.empty(), Status.NOT_FOUND,
                        Optional.of("no HubSpot contact, Salesforce Lead or Contact has the email " + email)));
            }
        }
        List<Outcome> out = new ArrayList<>(sync(targets, mappings, hubspotPages, salesforcePages));
        out.addAll(missing);
        return out;
    }

    private List<Outcome> sync(List<Target> targets, Mappings mappings, HubSpotPageSync hubspotPages,
                               SalesforcePageSync salesforcePages) {
        Map<String, List<Target>> byStreamAndSide = new LinkedHashMap<>();
        for (Target t : targets) {
            byStreamAndSide.computeIfAbsent(t.stream() + "|" + t.record().side() + "|" + t.record().type(),
                    k -> new ArrayList<>()).add(t);
        }
        Map<Target, Outcome> outcomes = new IdentityHashMap<>();
        for (List<Target> group : byStreamAndSide.values()) {
            List<Outcome> answered = group.get(0).record().side() == Side.HUBSPOT
                    ? syncContacts(group, mappings, hubspotPages)
                    : syncRows(group, mappings, salesforcePages);
            for (int i = 0; i < group.size(); i++) {
                outcomes.put(group.get(i), answered.get(i));
            }
        }
        return targets.stream().map(outcomes::get).toList(); // in the order asked
    }

    private List<Outcome> syncContacts(List<Target> group, Mappings mappings, HubSpotPageSync pages) {
        Set<String> ids = new LinkedHashSet<>();
        group.forEach(t -> ids.add(t.record().id()));
        Map<String, CrmRecord> found = new LinkedHashMap<>(hubspot.byIds(ids, HubSpotPageSync.contactProperties(mappings)));
        found.keySet().retainAll(ids); // a merged-away id answers with its survivor: that one is not what was asked for
        HubSpotPageSync.Synced synced = pages.syncContacts(found, mappings, Optional.empty(), new ArrayList<>());
        return group.stream().map(t -> {
            Optional<CrmRecord> contact = Optional.ofNullable(found.get(t.record().id()));
            return outcome(t, contact.map(CrmRecord::ref), synced.outcome(), () -> contact.flatMap(this::endedPair)
                    .orElseGet(() -> "left out by the inclusion filter (mappings.yml include): "
                            + mappings.inclusion().evaluate(contact.orElseThrow()).reason()));
        }).toList();
    }

    private List<Outcome> syncRows(List<Target> group, Mappings mappings, SalesforcePageSync pages) {
        SalesforceType type = SalesforceType.of(group.get(0).record().type()).orElseThrow();
        Set<String> ids = new LinkedHashSet<>();
        group.forEach(t -> ids.add(t.record().id()));
        Map<String, CrmRecord> found = salesforce.retrieve(type.apiName(), ids, SalesforcePageSync.recordFields(type, mappings));
        Map<String, CrmRecord> rows = new LinkedHashMap<>();
        List<Runnable> repoints = new ArrayList<>();
        found.values().forEach(r -> pages.addRow(r, rows, repoints));
        PairSync.PageOutcome outcome = pages.syncRows(group.get(0).stream(), type, rows, repoints, mappings, Optional.empty());
        return group.stream().map(t -> {
            Optional<CrmRecord> record = Optional.ofNullable(found.get(t.record().id()));
            return outcome(t, record.map(CrmRecord::ref), outcome, () -> record.filter(ConvertedLeads::isConverted)
                    .map(r -> "converted to " + ConvertedLeads.contactOf(r).map(RecordRef::toString).orElse("no Contact")
                            + ": resync the Contact")
                    .or(() -> record.flatMap(this::endedPair))
                    .orElse("its email is shared with a HubSpot contact already paired with another Salesforce record "
                            + "(a duplicate, reported in the log)"));
        }).toList();
    }

    /** Why a found record is not synced when its pair ended (a delete under the delete policy, a merge). */
    private Optional<String> endedPair(CrmRecord record) {
        return links.find(record.ref()).filter(l -> !l.isActive()).map(l -> "its pair ended (link " + l.id() + " is "
                + l.status() + ")");
    }

    private static Outcome outcome(Target t, Optional<RecordRef> found, PairSync.PageOutcome synced,
                                   Supplier<String> skippedBecause) {
        if (found.isEmpty()) {
            return new Outcome(t.requested(), Optional.empty(), Status.NOT_FOUND, Optional.of("no live "
                    + (t.record().side() == Side.HUBSPOT ? "HubSpot contact" : "Salesforce " + t.record().type())
                    + " has the id " + t.record().id()));
        }
        RecordRef ref = found.get();
        if (synced.failed().containsKey(ref)) {
            return new Outcome(t.requested(), found, Status.FAILED, Optional.of(synced.failed().get(ref)));
        }
        if (synced.sources().contains(ref)) {
            return new Outcome(t.requested(), found, Status.SYNCED, Optional.empty());
        }
        return new Outcome(t.requested(), found, Status.SKIPPED, Optional.of("not synced: " + skippedBecause.get()));
    }
}
