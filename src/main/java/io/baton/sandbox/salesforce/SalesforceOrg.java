package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.Faults;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated org's data: thread-safe in-memory rows per sObject type with soft delete
 * (IsDeleted, visible to queryAll), merge (MasterRecordId) and lead conversion. One lock guards
 * everything, so a save call is atomic and allOrNone can undo it (B.4). The public methods that
 * are not save calls are test hooks: what a rep or the platform does outside the API.
 */
public final class SalesforceOrg {

    private final Object lock = new Object();
    private final Clock clock;
    private final SalesforceIds ids = new SalesforceIds("RO");
    private final RecordWriter writer;
    private final Map<String, Map<String, Map<String, Object>>> tables = new LinkedHashMap<>();
    private final Map<String, String> typeById = new HashMap<>();
    /**
     * Lower-cased external-id values → row ids, per "Type.Field", built on first use. An upsert looks
     * up its external id, so without this a bulk load would scan the whole table per record. API
     * writes add to it as they go; the rarer changes made beside the API (seeding, a rep's edit, a
     * merge, a conversion, a rollback) drop it to be rebuilt. Entries are checked on read, so one
     * left behind by a changed value is harmless.
     */
    private final Map<String, Map<String, List<String>>> externalIds = new HashMap<>();
    private final String orgId;
    private final String integrationUserId;
    /** The active lead assignment rule's owner (E.5), or null when the org has none. */
    private volatile String leadAssignee;

    public SalesforceOrg(Clock clock, Faults faults, String integrationUsername) {
        this.clock = clock;
        this.writer = new RecordWriter(this, faults);
        SObjectSchema.types().forEach(t -> tables.put(t.name(), new LinkedHashMap<>()));
        this.orgId = ids.next("00D");
        this.integrationUserId = seedUserNamed(integrationUsername, integrationUsername, "Baton", "Integration");
    }

    /** The 18-char organization id (00D…), as in the token response's identity URL (B.1). */
    public String orgId() {
        return orgId;
    }

    /** The API user every session runs as; the default owner of records Baton creates. */
    public String integrationUserId() {
        return integrationUserId;
    }

    /** Runs write operations as one API call; with allOrNone a single failure rolls all back (B.4). */
    public List<SaveResult> save(List<WriteOp> ops, boolean allOrNone) {
        return save(ops, allOrNone, false);
    }

    /**
     * As {@link #save(List, boolean)}; {@code autoAssign} runs the lead assignment rule on inserted
     * leads, as the API does unless the caller sends {@code Sforce-Auto-Assign: FALSE} (B.7).
     */
    public List<SaveResult> save(List<WriteOp> ops, boolean allOrNone, boolean autoAssign) {
        synchronized (lock) {
            Instant now = clock.instant();
            List<RecordWriter.Undo> undo = new ArrayList<>();
            List<SaveResult> results = new ArrayList<>();
            String assignee = autoAssign ? leadAssignee : null;
            for (WriteOp op : ops) {
                SaveResult result = writer.apply(op, now, undo, assignee);
                results.add(result);
                if (result.success() && result.id() != null) {
                    indexExternalIds(result.id());
                }
            }
            if (allOrNone && results.stream().anyMatch(r -> !r.success())) {
                externalIds.clear();
                for (int i = undo.size() - 1; i >= 0; i--) {
                    RecordWriter.Undo u = undo.get(i);
                    if (u.before() == null) {
                        tables.get(u.type()).remove(u.id());
                        typeById.remove(u.id());
                    } else {
                        tables.get(u.type()).put(u.id(), u.before());
                    }
                }
                return results.stream().map(r -> r.success() ? new SaveResult(null, false, false,
                        List.of(RecordError.rolledBack())) : r).toList();
            }
            return results;
        }
    }

    /** Test hook: an active lead assignment rule giving new leads to this user (E.5); null removes it. */
    public void setLeadAssignmentRule(String ownerId) {
        this.leadAssignee = ownerId == null ? null : SalesforceIds.normalize(ownerId).orElseThrow();
    }

    public Optional<SObjectRecord> find(String id) {
        synchronized (lock) {
            return SalesforceIds.normalize(id).flatMap(n -> Optional.ofNullable(rawRow(n))
                    .map(row -> new SObjectRecord(typeById.get(n), n, row)));
        }
    }

    /** Every row of a type, deleted and merged-away ones included, in creation order. */
    public List<SObjectRecord> rows(String type) {
        SObjectType t = SObjectSchema.type(type).orElseThrow(() -> new IllegalArgumentException("unknown type " + type));
        synchronized (lock) {
            return tables.get(t.name()).entrySet().stream()
                    .map(e -> new SObjectRecord(t.name(), e.getKey(), e.getValue())).toList();
        }
    }

    public List<SObjectRecord> liveRows(String type) {
        return rows(type).stream().filter(r -> !r.isDeleted()).toList();
    }

    /** Live rows whose external-id field equals the value (case-insensitive, like a unique Text field). */
    public List<String> idsByExternalId(String type, String field, String value) {
        synchronized (lock) {
            Optional<SObjectType> t = SObjectSchema.type(type);
            Optional<SObjectField> f = t.flatMap(x -> x.field(field));
            if (f.isEmpty() || value == null) {
                return List.of();
            }
            String name = f.get().name();
            Map<String, List<String>> index = externalIds.computeIfAbsent(t.get().name() + "." + name,
                    k -> indexOf(t.get().name(), name));
            return index.getOrDefault(value.toLowerCase(java.util.Locale.ROOT), List.of()).stream().distinct()
                    .filter(id -> {
                        Map<String, Object> row = rawRow(id);
                        return row != null && !Boolean.TRUE.equals(row.get("IsDeleted")) && row.get(name) != null
                                && row.get(name).toString().equalsIgnoreCase(value);
                    }).toList();
        }
    }

    private Map<String, List<String>> indexOf(String type, String field) {
        Map<String, List<String>> index = new HashMap<>();
        tables.get(type).forEach((id, row) -> {
            Object v = row.get(field);
            if (v != null) {
                index.computeIfAbsent(v.toString().toLowerCase(java.util.Locale.ROOT), x -> new ArrayList<>(1)).add(id);
            }
        });
        return index;
    }

    /** Adds a row just written through the API to every external-id index built for its type. */
    private void indexExternalIds(String id) {
        String type = typeById.get(id);
        Map<String, Object> row = type == null ? null : tables.get(type).get(id);
        if (row == null) {
            return;
        }
        externalIds.forEach((key, index) -> {
            if (key.startsWith(type + ".")) {
                Object v = row.get(key.substring(type.length() + 1));
                if (v != null) {
                    List<String> ids = index.computeIfAbsent(v.toString().toLowerCase(java.util.Locale.ROOT),
                            x -> new ArrayList<>(1));
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        });
    }

    // ---- test hooks: what reps, seeds and the platform do -------------------------------------

    public String seedUser(String email, String firstName, String lastName) {
        return seedUserNamed(email, email, firstName, lastName);
    }

    private String seedUserNamed(String username, String email, String firstName, String lastName) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("Username", username);
        fields.put("Email", email);
        fields.put("FirstName", firstName);
        fields.put("LastName", lastName);
        Instant now = clock.instant();
        return seed("User", fields, now, now);
    }

    /** Inserts a row as given, without validation, keeping CreatedDate/LastModifiedDate/SystemModstamp exactly. */
    public String seed(String sObjectType, Map<String, Object> fields, Instant created, Instant modified) {
        SObjectType type = SObjectSchema.type(sObjectType)
                .orElseThrow(() -> new IllegalArgumentException("unknown sObject type " + sObjectType));
        synchronized (lock) {
            externalIds.clear(); // a change beside the API: rebuilt on the next look-up
            Map<String, Object> row = defaults(type);
            fields.forEach((k, v) -> {
                SObjectField f = type.field(k).orElseThrow(() -> new IllegalArgumentException(
                        "no field " + k + " on " + type.name()));
                row.put(f.name(), FieldValues.coerce(f, v));
            });
            derive(type, row, null);
            String id = newId(type);
            row.put("Id", id);
            row.put("CreatedDate", created);
            row.put("LastModifiedDate", modified);
            row.put("SystemModstamp", modified);
            if (type.hasField("CreatedById")) {
                row.put("CreatedById", integrationUserId == null ? id : integrationUserId);
                row.put("LastModifiedById", integrationUserId == null ? id : integrationUserId);
            }
            storeRow(type.name(), id, row);
            return id;
        }
    }

    /** Logs an activity: LastActivityDate is a roll-up, so the row's modstamps stay as they were. */
    public void setLastActivityDate(String id, LocalDate date) {
        synchronized (lock) {
            mustFind(id).put("LastActivityDate", date);
        }
    }

    /** A rep edits the record in the UI: no API validation, LastModifiedDate and SystemModstamp bumped. */
    public void updateAsRep(String id, Map<String, Object> fields) {
        synchronized (lock) {
            externalIds.clear(); // a change beside the API: rebuilt on the next look-up
            Map<String, Object> row = mustFind(id);
            SObjectType type = SObjectSchema.type(typeById.get(row.get("Id"))).orElseThrow();
            Map<String, Object> before = new LinkedHashMap<>(row);
            fields.forEach((k, v) -> {
                SObjectField f = type.field(k).orElseThrow(() -> new IllegalArgumentException("no field " + k));
                row.put(f.name(), FieldValues.coerce(f, v));
            });
            derive(type, row, before);
            Instant now = clock.instant();
            row.put("LastModifiedDate", now);
            row.put("SystemModstamp", now);
        }
    }

    /** Automation or a roll-up touches the row: only SystemModstamp moves (B.2). */
    public void systemTouch(String id) {
        synchronized (lock) {
            mustFind(id).put("SystemModstamp", clock.instant());
        }
    }

    /** A rep deletes the record: it goes to the recycle bin (IsDeleted, still visible to queryAll). */
    public void deleteAsRep(String id) {
        synchronized (lock) {
            externalIds.clear(); // a change beside the API: rebuilt on the next look-up
            Map<String, Object> row = mustFind(id);
            row.put("IsDeleted", true);
            row.put("SystemModstamp", clock.instant());
        }
    }

    /** A rep merges {@code mergedId} into {@code masterId}: the loser is deleted with MasterRecordId = master (B.2). */
    public void merge(String type, String masterId, String mergedId) {
        synchronized (lock) {
            externalIds.clear(); // a change beside the API: rebuilt on the next look-up
            Map<String, Object> master = mustFind(masterId);
            Map<String, Object> merged = mustFind(mergedId);
            String canonical = SObjectSchema.type(type).orElseThrow().name();
            if (!canonical.equals(typeById.get(master.get("Id"))) || !canonical.equals(typeById.get(merged.get("Id")))
                    || !SObjectSchema.type(type).orElseThrow().hasField("MasterRecordId")) {
                throw new IllegalArgumentException("cannot merge these " + type + " records");
            }
            Instant now = clock.instant();
            merged.put("IsDeleted", true);
            merged.put("MasterRecordId", master.get("Id"));
            merged.put("SystemModstamp", now);
            master.put("LastModifiedDate", now);
            master.put("SystemModstamp", now);
        }
    }

    /** What a rep's "Convert" button does (B.8); see {@link LeadConverter}. */
    public LeadConversion convertLead(String leadId, boolean withOpportunity) {
        synchronized (lock) {
            externalIds.clear(); // a change beside the API: rebuilt on the next look-up
            return new LeadConverter(this).convert(mustFind(leadId), withOpportunity, clock.instant());
        }
    }

    // ---- package-private storage access (callers hold the lock) -------------------------------

    Map<String, Object> rawRow(String id) {
        String type = typeById.get(id);
        return type == null ? null : tables.get(type).get(id);
    }

    String typeOfRow(String id) {
        return typeById.get(id);
    }

    boolean exists(String id) {
        return typeById.containsKey(id);
    }

    String newId(SObjectType type) {
        return ids.next(type.keyPrefix());
    }

    void storeRow(String type, String id, Map<String, Object> row) {
        tables.get(type).put(id, row);
        typeById.put(id, type);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    Map<String, Object> defaults(SObjectType type) {
        return DerivedFields.newRow(type, integrationUserId);
    }

    void derive(SObjectType type, Map<String, Object> row, Map<String, Object> before) {
        DerivedFields.derive(type, row, before);
    }

    private Map<String, Object> mustFind(String id) {
        Map<String, Object> row = SalesforceIds.normalize(id).map(this::rawRow).orElse(null);
        if (row == null) {
            throw new IllegalArgumentException("no record " + id);
        }
        return row;
    }
}
