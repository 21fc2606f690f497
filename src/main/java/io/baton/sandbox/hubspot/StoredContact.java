package io.baton.sandbox.hubspot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** A contact inside the store; mutable, and only touched while holding the store's lock. */
final class StoredContact implements ContactView {

    final long id;
    /** Per-property history, newest first; the head is the current value ("" = cleared). */
    final Map<String, List<PropertyVersion>> history = new LinkedHashMap<>();
    Instant createdAt;
    Instant updatedAt;
    final WriteSource createdBy;
    WriteSource lastSource;
    boolean archived;
    Instant archivedAt;
    /** Earlier versions, oldest first, that the lagging search index may still show (A.2); empty without lag. */
    private final ArrayDeque<ContactSnapshot> earlier = new ArrayDeque<>();

    StoredContact(long id, Instant createdAt, WriteSource source) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.createdBy = source;
        this.lastSource = source;
    }

    /** A contact id as the API spells it ("51"); empty when it is not a number. */
    static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public long numericId() {
        return id;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String value(String property) {
        switch (property) {
            case PropertyCatalog.CREATE_DATE:
                return HubSpotTime.format(createdAt);
            case PropertyCatalog.LAST_MODIFIED:
                return HubSpotTime.format(updatedAt);
            case PropertyCatalog.OBJECT_ID:
                return Long.toString(id);
            default:
                List<PropertyVersion> versions = history.get(property);
                if (versions == null || versions.isEmpty() || versions.get(0).value().isEmpty()) {
                    return null;
                }
                return versions.get(0).value();
        }
    }

    /** Records a new value unless it equals the current one; true when something changed. */
    boolean set(String property, String value, Instant at, WriteSource source) {
        List<PropertyVersion> versions = history.computeIfAbsent(property, k -> new ArrayList<>());
        String current = versions.isEmpty() ? "" : versions.get(0).value();
        if (current.equals(value)) {
            return false;
        }
        versions.add(0, new PropertyVersion(value, at, source.sourceType(), source.sourceId()));
        return true;
    }

    void touch(Instant at, WriteSource source) {
        updatedAt = at;
        lastSource = source;
    }

    /**
     * Keeps the version about to be overwritten for search (A.2: the index shows the previous version
     * until it catches up). Versions older than the newest one already indexed at now minus the lag
     * can never be shown again and are dropped. Nothing is kept without a lag.
     */
    void rememberForSearch(Instant now, Duration lag) {
        if (lag.isZero()) {
            return;
        }
        Instant horizon = now.minus(lag);
        earlier.addLast(snapshot());
        while (earlier.size() > 1) {
            Iterator<ContactSnapshot> it = earlier.iterator();
            it.next();
            if (it.next().updatedAt().isAfter(horizon)) {
                break;
            }
            earlier.pollFirst();
        }
    }

    /** The version the search index holds at {@code visibleUpTo}; empty when created within the lag. */
    Optional<ContactView> indexedAt(Instant visibleUpTo) {
        if (!updatedAt.isAfter(visibleUpTo)) {
            return Optional.of(this);
        }
        Iterator<ContactSnapshot> newestFirst = earlier.descendingIterator();
        while (newestFirst.hasNext()) {
            ContactSnapshot s = newestFirst.next();
            if (!s.updatedAt().isAfter(visibleUpTo)) {
                return Optional.of(new IndexedVersion(id, s));
            }
        }
        return Optional.empty();
    }

    @Override
    public ContactSnapshot snapshot() {
        Map<String, String> values = new HashMap<>();
        Map<String, List<PropertyVersion>> copy = new HashMap<>();
        history.forEach((name, versions) -> {
            copy.put(name, List.copyOf(versions));
            String v = value(name);
            if (v != null) {
                values.put(name, v);
            }
        });
        for (String derived : PropertyCatalog.ALWAYS_READ) {
            values.put(derived, value(derived));
        }
        copy.put(PropertyCatalog.CREATE_DATE, List.of(new PropertyVersion(value(PropertyCatalog.CREATE_DATE),
                createdAt, createdBy.sourceType(), createdBy.sourceId())));
        copy.put(PropertyCatalog.LAST_MODIFIED, List.of(new PropertyVersion(value(PropertyCatalog.LAST_MODIFIED),
                updatedAt, lastSource.sourceType(), lastSource.sourceId())));
        copy.put(PropertyCatalog.OBJECT_ID, List.of(new PropertyVersion(Long.toString(id), createdAt,
                "CALCULATED", "")));
        return new ContactSnapshot(Long.toString(id), values, copy, createdAt, updatedAt, archived, archivedAt);
    }

    /** A superseded version as search still sees it. */
    private record IndexedVersion(long numericId, ContactSnapshot snapshot) implements ContactView {
        @Override
        public String value(String property) {
            return snapshot.property(property);
        }

        @Override
        public Instant createdAt() {
            return snapshot.createdAt();
        }

        @Override
        public Instant updatedAt() {
            return snapshot.updatedAt();
        }
    }
}
