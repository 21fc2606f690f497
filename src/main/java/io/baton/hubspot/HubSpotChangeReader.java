package io.baton.hubspot;

import io.baton.core.record.Change;
import io.baton.core.record.ChangePage;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.SyncCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads changed HubSpot contacts after a {@link SyncCursor}, one search per page (API-REFERENCE A.2).
 *
 * <p>Every read is a fresh search that starts at the cursor, so no query ever pages towards the
 * 10,000-result cap: the window narrows itself. HubSpot sorts by one property only and documents
 * no order among records sharing a {@code lastmodifieddate}, so a page is trusted only up to its
 * last complete millisecond; a page that is all one millisecond is re-read as that millisecond
 * alone, sorted by id, and paged by id. Changes younger than the settle time are left for the
 * next read, because search trails writes and a record indexed late must not land behind the
 * cursor.
 */
public class HubSpotChangeReader {

    static final String MODIFIED = "lastmodifieddate";
    static final String ID = "hs_object_id";
    static final String MERGED_IDS = "hs_merged_object_ids";

    private static final Comparator<HubSpotContact> STREAM_ORDER = Comparator
            .comparing(HubSpotChangeReader::modifiedAt)
            .thenComparing(HubSpotContact::id, SyncCursor.ID_ORDER);

    private final HubSpotClient client;
    private final Clock clock;
    private final Duration settleTime;
    private final int pageSize;
    /**
     * Where the last page left off inside a millisecond it was walking by id. Only a shortcut
     * (a restarted reader spends one search to find the walk again), so it need not be stored.
     */
    private volatile SyncCursor walkingMillisecond;

    public HubSpotChangeReader(HubSpotClient client, Clock clock, Duration settleTime, int pageSize) {
        if (pageSize < 2 || pageSize > ContactSearch.MAX_LIMIT) {
            throw new IllegalArgumentException("page size must be 2.." + ContactSearch.MAX_LIMIT + ", was " + pageSize);
        }
        this.client = client;
        this.clock = clock;
        this.settleTime = settleTime;
        this.pageSize = pageSize;
    }

    /** The next page of changes after {@code after}, with {@code properties} on each record. */
    public ChangePage readPage(SyncCursor after, List<String> properties) {
        Instant settled = clock.instant().minus(settleTime).truncatedTo(ChronoUnit.MILLIS);
        if (!after.timestamp().isBefore(settled)) {
            return ChangePage.empty(after);
        }
        List<String> wanted = withStreamProperties(properties);
        if (after.equals(walkingMillisecond)) {
            walkingMillisecond = null;
            ChangePage walked = readMillisecond(after.timestamp(), after.id(), wanted);
            if (!walked.isEmpty()) {
                return walked;
            }
            // The millisecond is drained: go on with what comes after it.
        }
        ContactSearchPage answer = client.searchContacts(new ContactSearch(List.of(
                List.of(eq(after.timestamp()), idAfter(after.id())),
                List.of(ContactSearch.Filter.of(MODIFIED, "GT", millis(after.timestamp())),
                        ContactSearch.Filter.of(MODIFIED, "LTE", millis(settled)))),
                MODIFIED, true, wanted, pageSize));
        List<HubSpotContact> found = new ArrayList<>(answer.results());
        if (found.isEmpty()) {
            return ChangePage.empty(after);
        }
        found.sort(STREAM_ORDER);
        boolean full = found.size() >= pageSize;
        if (!full) {
            return page(found, false).withRemaining(0);
        }
        Instant lastMillisecond = modifiedAt(found.get(found.size() - 1));
        List<HubSpotContact> complete = found.stream().filter(c -> modifiedAt(c).isBefore(lastMillisecond)).toList();
        if (!complete.isEmpty()) {
            // Search's total counts every match after the cursor, past the 10,000 it would page to.
            return page(complete, true).withRemaining(answer.total() - complete.size());
        }
        // The whole page is one millisecond: walk it by id. Records of the cursor's own
        // millisecond would have sorted first, so a later millisecond starts from the first id.
        String fromId = lastMillisecond.equals(after.timestamp()) ? after.id() : "";
        return readMillisecond(lastMillisecond, fromId, wanted);
    }

    private ChangePage readMillisecond(Instant millisecond, String afterId, List<String> wanted) {
        List<HubSpotContact> found = new ArrayList<>(client.searchContacts(new ContactSearch(
                List.of(List.of(eq(millisecond), idAfter(afterId))), ID, true, wanted, pageSize)).results());
        if (found.isEmpty()) {
            // Drained between the two reads (its records were edited again and moved on); they
            // and whatever follows come with the next read.
            return new ChangePage(List.of(), new SyncCursor(millisecond, afterId.isEmpty() ? "0" : afterId), true);
        }
        found.sort(STREAM_ORDER);
        ChangePage page = page(found, found.size() >= pageSize);
        walkingMillisecond = page.hasMore() ? page.cursor() : null;
        return page;
    }

    private static ChangePage page(List<HubSpotContact> contacts, boolean hasMore) {
        List<Change> changes = new ArrayList<>();
        for (HubSpotContact contact : contacts) {
            RecordRef survivor = RecordRef.hubspotContact(contact.id());
            // A merge bumps the survivor, which lists the ids merged into it (A.4).
            for (String merged : mergedIds(contact)) {
                changes.add(Change.merge(RecordRef.hubspotContact(merged), survivor));
            }
            changes.add(Change.upsert(new CrmRecord(survivor, modifiedAt(contact), contact.properties())));
        }
        HubSpotContact last = contacts.get(contacts.size() - 1);
        return new ChangePage(changes, new SyncCursor(modifiedAt(last), last.id()), hasMore);
    }

    private static List<String> mergedIds(HubSpotContact contact) {
        return contact.property(MERGED_IDS).map(v -> List.of(v.split(";"))).orElse(List.of()).stream()
                .map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private static List<String> withStreamProperties(List<String> properties) {
        Set<String> all = new LinkedHashSet<>(properties);
        all.add(MODIFIED);
        all.add(MERGED_IDS);
        return List.copyOf(all);
    }

    private static ContactSearch.Filter eq(Instant millisecond) {
        return ContactSearch.Filter.of(MODIFIED, "EQ", millis(millisecond));
    }

    /** Ids are positive numbers; the cursor's empty id (the beginning) is "before 1". */
    private static ContactSearch.Filter idAfter(String id) {
        return ContactSearch.Filter.of(ID, "GT", id.isEmpty() ? "0" : id);
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    static Instant modifiedAt(HubSpotContact contact) {
        return contact.property(MODIFIED).map(Instant::parse).orElse(contact.updatedAt());
    }
}
