package io.baton.sandbox.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The simulated portal's data: owners and contacts with per-property history, unique
 * {@code email} (case-insensitive) and {@code baton_salesforce_id}, archive and merge (A.1, A.4, E.1).
 * Thread-safe: every method holds the store's lock; API handlers that must check-then-write a whole
 * batch atomically use {@link #locked}. Values are assumed valid here; the API validates first.
 */
public final class HubSpotStore {

    /** An owner as {@code GET /crm/v3/owners} shows it. */
    public record Owner(String id, String email, String firstName, String lastName, long userId, Instant createdAt) {
    }

    /** An upsert's record and whether it was created ({@code new}, A.3). */
    public record UpsertOutcome(ContactSnapshot contact, boolean created) {
    }

    /** One page of the list endpoint; {@code more} when records follow the last one. */
    public record Page(List<ContactSnapshot> results, boolean more) {
    }

    /** One page of search results and the query's full match count. */
    public record SearchPage(long total, List<ContactSnapshot> results) {
    }

    private final Clock clock;
    private final TreeMap<Long, StoredContact> contacts = new TreeMap<>();
    private final ContactIndexes indexes = new ContactIndexes();
    private final Map<Long, Long> mergedInto = new HashMap<>();
    private final Map<String, Owner> owners = new LinkedHashMap<>();
    private long nextContactId = 1;
    private long nextOwnerId = 52_000_001;
    private boolean lifecycleForwardOnly = true;
    private Duration searchIndexLag = Duration.ZERO;

    public HubSpotStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Per-portal behaviour: A.5 calls forward-only lifecycle stages configurable (off lets integrations
     * move stages backwards); A.2's search index lag makes updates keep their previous version for search.
     */
    public synchronized void configure(boolean forwardOnly, Duration lag) {
        this.lifecycleForwardOnly = forwardOnly;
        this.searchIndexLag = lag;
    }

    public synchronized <T> T locked(Supplier<T> work) {
        return work.get();
    }

    // ---- owners

    public synchronized Owner seedOwner(String email, String firstName, String lastName) {
        long id = nextOwnerId++;
        Owner owner = new Owner(Long.toString(id), email.toLowerCase(Locale.ROOT), firstName, lastName,
                id - 42_000_000, clock.instant());
        owners.put(owner.id(), owner);
        return owner;
    }

    public synchronized List<Owner> owners() {
        return List.copyOf(owners.values());
    }

    public synchronized Optional<Owner> owner(String id) {
        return Optional.ofNullable(owners.get(id));
    }

    // ---- seeding

    /** Adds a contact with exactly these timestamps, bypassing limits and the lifecycle rule. */
    public synchronized String seedContact(Map<String, String> properties, Instant created, Instant modified) {
        indexes.checkUnique(null, properties);
        StoredContact c = new StoredContact(nextContactId++, created, WriteSource.IMPORT);
        apply(c, properties, WriteSource.IMPORT, modified);
        String stage = c.value(PropertyCatalog.LIFECYCLE_STAGE);
        if (stage != null && !properties.containsKey(PropertyCatalog.stageDateProperty(stage))) {
            c.set(PropertyCatalog.stageDateProperty(stage), HubSpotTime.format(created), modified, WriteSource.IMPORT);
        }
        contacts.put(c.id, c);
        return Long.toString(c.id);
    }

    // ---- reads

    /** A live contact by id; a merged-away id resolves to its survivor (A.4). */
    public synchronized Optional<ContactSnapshot> contact(String id) {
        return live(id).map(StoredContact::snapshot);
    }

    public synchronized Optional<ContactSnapshot> archivedContact(String id) {
        return StoredContact.parseId(id).map(contacts::get).filter(c -> c.archived).map(StoredContact::snapshot);
    }

    /** A live contact by {@code hs_object_id} (or null), {@code email} or {@code baton_salesforce_id}. */
    public synchronized Optional<ContactSnapshot> findBy(String idProperty, String value) {
        return liveBy(idProperty, value).map(StoredContact::snapshot);
    }

    /** True when this id was merged into another record. */
    public synchronized boolean isMergedAway(String id) {
        return StoredContact.parseId(id).map(mergedInto::containsKey).orElse(false);
    }

    /** Live (not archived) contacts. */
    public synchronized int count() {
        return (int) contacts.values().stream().filter(c -> !c.archived).count();
    }

    /** The list endpoint's page: contacts with id above {@code afterId}, by id (A.2). */
    public synchronized Page page(boolean archived, long afterId, int limit) {
        List<ContactSnapshot> out = new ArrayList<>();
        for (StoredContact c : contacts.tailMap(afterId, false).values()) {
            if (c.archived != archived) {
                continue;
            }
            if (out.size() == limit) {
                return new Page(out, true);
            }
            out.add(c.snapshot());
        }
        return new Page(out, false);
    }

    /**
     * Live contacts matching {@code filter} as the search index holds them at {@code visibleUpTo}
     * (A.2 lag): a record updated since shows its previous version; one created since is missing.
     */
    synchronized SearchPage search(Predicate<ContactView> filter, Comparator<ContactView> order,
                                   Instant visibleUpTo, int offset, int limit) {
        List<ContactView> matches = new ArrayList<>();
        for (StoredContact c : contacts.values()) {
            if (!c.archived) {
                c.indexedAt(visibleUpTo).filter(filter).ifPresent(matches::add);
            }
        }
        matches.sort(order);
        List<ContactSnapshot> page = new ArrayList<>();
        for (int i = offset; i < matches.size() && page.size() < limit; i++) {
            page.add(matches.get(i).snapshot());
        }
        return new SearchPage(matches.size(), page);
    }

    // ---- writes

    public synchronized ContactSnapshot create(Map<String, String> properties, WriteSource source) {
        indexes.checkUnique(null, properties);
        Instant now = clock.instant();
        StoredContact c = new StoredContact(nextContactId++, now, source);
        apply(c, properties, source, now);
        contacts.put(c.id, c);
        return c.snapshot();
    }

    /** Updates a live contact found by id (merged ids resolve); empty when there is none. */
    public synchronized Optional<ContactSnapshot> update(String id, Map<String, String> properties, WriteSource source) {
        return updateBy(PropertyCatalog.OBJECT_ID, id, properties, source);
    }

    public synchronized Optional<ContactSnapshot> updateBy(String idProperty, String value,
                                                           Map<String, String> properties, WriteSource source) {
        Optional<StoredContact> found = liveBy(idProperty, value);
        found.ifPresent(c -> {
            indexes.checkUnique(c.id, properties);
            c.rememberForSearch(clock.instant(), searchIndexLag);
            apply(c, properties, source, clock.instant());
        });
        return found.map(StoredContact::snapshot);
    }

    /** Updates the record holding {@code idValue} in {@code idProperty}, or creates it with that value (A.3). */
    public synchronized UpsertOutcome upsert(String idProperty, String idValue, Map<String, String> properties,
                                             WriteSource source) {
        Optional<ContactSnapshot> updated = updateBy(idProperty, idValue, properties, source);
        if (updated.isPresent()) {
            return new UpsertOutcome(updated.get(), false);
        }
        if (PropertyCatalog.OBJECT_ID.equals(idProperty)) {
            throw new NoSuchElementException(idValue);
        }
        Map<String, String> withKey = new LinkedHashMap<>(properties);
        withKey.put(idProperty, idValue);
        return new UpsertOutcome(create(withKey, source), true);
    }

    /** Archives a live contact (A.4); false when there is none. Its unique values become free again. */
    public synchronized boolean archive(String id) {
        Optional<StoredContact> found = live(id);
        found.ifPresent(c -> {
            Instant now = clock.instant();
            c.archived = true;
            c.archivedAt = now;
            c.touch(now, WriteSource.INTEGRATION);
            indexes.remove(c.id);
        });
        return found.isPresent();
    }

    /** Deletes a live contact permanently (GDPR delete, A.0): no archive, its id no longer resolves. */
    public synchronized boolean purge(String idProperty, String value) {
        Optional<StoredContact> found = liveBy(idProperty, value);
        found.ifPresent(c -> {
            contacts.remove(c.id);
            indexes.remove(c.id);
            mergedInto.values().removeIf(v -> v == c.id);
        });
        return found.isPresent();
    }

    /**
     * Merges {@code mergedId} into {@code primaryId} (A.4): the primary keeps its id and its values,
     * takes the other's where it has none, keeps the later lifecycle stage, and lists the merged ids in
     * {@code hs_merged_object_ids}; the merged id then resolves to the survivor.
     *
     * @throws NoSuchElementException when either is not a live contact
     * @throws IllegalArgumentException when both resolve to the same record
     */
    public synchronized ContactSnapshot merge(String primaryId, String mergedId) {
        StoredContact primary = live(primaryId).orElseThrow(() -> new NoSuchElementException(primaryId));
        StoredContact merged = live(mergedId).orElseThrow(() -> new NoSuchElementException(mergedId));
        if (primary == merged) {
            throw new IllegalArgumentException("cannot merge a contact into itself");
        }
        Instant now = clock.instant();
        primary.rememberForSearch(now, searchIndexLag);
        ContactMerge.mergeValues(primary, merged, now);
        primary.touch(now, WriteSource.MERGE);
        contacts.remove(merged.id);
        mergedInto.put(merged.id, primary.id);
        indexes.redirect(merged.id, primary.id);
        indexes.reindex(primary);
        return primary.snapshot();
    }

    // ---- test hooks

    /** A marketer edits the record in HubSpot's UI: bumps lastmodifieddate, history says CRM_UI. */
    public synchronized ContactSnapshot setFromUi(String id, Map<String, String> properties) {
        String userId = owners.values().stream().findFirst().map(o -> Long.toString(o.userId())).orElse("1");
        return update(id, properties, WriteSource.crmUi(userId)).orElseThrow(() -> new NoSuchElementException(id));
    }

    // ---- internals

    private void apply(StoredContact c, Map<String, String> properties, WriteSource source, Instant now) {
        PropertyWriter.apply(c, properties, source, now, lifecycleForwardOnly);
        indexes.reindex(c);
    }

    private Optional<StoredContact> liveBy(String idProperty, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (idProperty == null || PropertyCatalog.OBJECT_ID.equals(idProperty)) {
            return live(value);
        }
        Long id = indexes.lookup(idProperty, value);
        return id == null ? Optional.empty() : live(Long.toString(id));
    }

    private Optional<StoredContact> live(String id) {
        Optional<Long> parsed = StoredContact.parseId(id);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        long current = parsed.get();
        Set<Long> seen = new LinkedHashSet<>();
        while (mergedInto.containsKey(current) && seen.add(current)) {
            current = mergedInto.get(current);
        }
        StoredContact c = contacts.get(current);
        return c == null || c.archived ? Optional.empty() : Optional.of(c);
    }
}
