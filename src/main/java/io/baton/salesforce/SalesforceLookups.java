package io.baton.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.core.record.CrmRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reads the sync needs besides the change streams, all SOQL through the gateway
 * (API-REFERENCE.md B.2): records by id, records by email (identity matching, DESIGN.md §3),
 * Accounts by website domain (the creation policy) and active Users (owner mapping).
 *
 * <p>Values go into {@code IN (...)} lists of at most {@value #MAX_IN_VALUES} and about
 * {@value #MAX_VALUE_CHARS} characters per query: the query travels in the URL of a GET, which
 * Salesforce limits to about 16,000 characters (SOQL itself to 100,000), and 200 long emails
 * would pass the URL limit long before the count does. Every answer is followed through
 * {@code nextRecordsUrl} to the end.
 */
public class SalesforceLookups {

    /** Values per {@code IN (...)} list; the benchmark computes its minimum of lookups from it. */
    public static final int MAX_IN_VALUES = 200;
    static final int MAX_VALUE_CHARS = 6_000;
    /** {@code LIKE} clauses are longer than IN values; fewer per query keep the URL as short. */
    static final int MAX_DOMAINS = 100;

    /** A Salesforce user for owner mapping. */
    public record User(String id, String email, boolean active) {
    }

    /** Newest first, ties by Id, so "the first" is one well-defined record (DESIGN.md §3). */
    private static final Comparator<CrmRecord> NEWEST_FIRST = Comparator.comparing(CrmRecord::modstamp)
            .thenComparing(r -> r.ref().id()).reversed();

    private final SalesforceGateway gateway;

    public SalesforceLookups(SalesforceGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /**
     * The live records of {@code type} with these ids, keyed by the id as given (a 15-character id
     * finds its 18-character row); ids not found are absent. Each record carries {@code fields},
     * SystemModstamp as its modstamp, and for a Lead {@code IsConverted}/{@code ConvertedContactId}.
     */
    /**
     * The fields a create of this type must carry, by the describe: createable, not nillable and not
     * defaulted on create (what Salesforce answers REQUIRED_FIELD_MISSING for, B.5).
     */
    public java.util.Set<String> requiredOnCreate(String type) {
        java.util.Set<String> required = new java.util.TreeSet<>();
        for (JsonNode field : gateway.describe(type).path("fields")) {
            if (field.path("createable").asBoolean(false) && !field.path("nillable").asBoolean(true)
                    && !field.path("defaultedOnCreate").asBoolean(false)) {
                required.add(field.path("name").asText());
            }
        }
        return java.util.Collections.unmodifiableSet(required);
    }

    public Map<String, CrmRecord> retrieve(String type, Collection<String> ids, List<String> fields) {
        Set<String> wanted = new LinkedHashSet<>();
        ids.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).forEach(wanted::add);
        Map<String, CrmRecord> byCaseSafePrefix = new LinkedHashMap<>();
        for (List<String> chunk : chunks(List.copyOf(wanted), MAX_IN_VALUES)) {
            String soql = select(type, fields, List.of()) + " WHERE Id IN " + inList(chunk);
            for (JsonNode row : rows(soql)) {
                CrmRecord r = ChangeRows.toRecord(type, row, fields);
                byCaseSafePrefix.put(prefix15(r.ref().id()), r);
            }
        }
        Map<String, CrmRecord> out = new LinkedHashMap<>();
        for (String id : wanted) {
            CrmRecord r = byCaseSafePrefix.get(prefix15(id));
            if (r != null) {
                out.put(id, r);
            }
        }
        return out;
    }

    /**
     * The live records of {@code type} per email, keyed by the email trimmed and lower-cased, newest
     * SystemModstamp first: the caller links the first and reports the rest as duplicates. SOQL
     * compares text case-insensitively (B.2), so {@code Email IN (...)} matches any case. Converted
     * Leads are left out: they can no longer be written (B.5 CANNOT_UPDATE_CONVERTED_LEAD) and the
     * person lives on as their Contact. Emails without a match are absent.
     */
    public Map<String, List<CrmRecord>> findByEmail(String type, Collection<String> emails, List<String> fields) {
        Set<String> wanted = new TreeSet<>();
        emails.stream().filter(Objects::nonNull).map(SalesforceLookups::emailKey).filter(s -> !s.isEmpty()).forEach(wanted::add);
        Map<String, List<CrmRecord>> out = new LinkedHashMap<>();
        for (List<String> chunk : chunks(List.copyOf(wanted), MAX_IN_VALUES)) {
            String soql = select(type, fields, List.of("Email")) + " WHERE Email IN " + inList(chunk)
                    + ("Lead".equals(type) ? " AND IsConverted = false" : "") + " ORDER BY SystemModstamp DESC, Id DESC";
            for (JsonNode row : rows(soql)) {
                String email = emailKey(ChangeRows.text(row, "Email"));
                if (wanted.contains(email)) {
                    out.computeIfAbsent(email, e -> new ArrayList<>()).add(ChangeRows.toRecord(type, row, fields));
                }
            }
        }
        out.replaceAll((email, records) -> records.stream().sorted(NEWEST_FIRST).toList());
        return out;
    }

    /**
     * The Account per website domain ({@link WebsiteDomains#normalise}: "https://www.acme.com/" and
     * "acme.com" are both {@code acme.com}), the most recently modified when several share one.
     * Websites are free text, so the query asks for every Website containing the domain and the
     * exact match is decided here; domains without an Account are absent.
     */
    public Map<String, String> accountIdsByDomain(Collection<String> domains) {
        Set<String> wanted = new TreeSet<>();
        domains.stream().map(WebsiteDomains::normalise).flatMap(Optional::stream).forEach(wanted::add);
        Map<String, CrmRecord> newest = new LinkedHashMap<>();
        for (List<String> chunk : chunks(List.copyOf(wanted), MAX_DOMAINS)) {
            StringBuilder where = new StringBuilder();
            for (String d : chunk) {
                where.append(where.length() == 0 ? "" : " OR ").append("Website LIKE ").append(SoqlLiterals.containing(d));
            }
            String soql = "SELECT Id, Website, SystemModstamp FROM Account WHERE " + where;
            for (JsonNode row : rows(soql)) {
                Optional<String> domain = WebsiteDomains.normalise(ChangeRows.text(row, "Website"));
                if (domain.isPresent() && wanted.contains(domain.get())) {
                    CrmRecord r = ChangeRows.toRecord("Account", row, List.of());
                    newest.merge(domain.get(), r, (a, b) -> NEWEST_FIRST.compare(a, b) <= 0 ? a : b);
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        newest.forEach((domain, r) -> out.put(domain, r.ref().id()));
        return out;
    }

    /** Every active User, for mapping HubSpot owners by email. */
    /**
     * The Contact each Opportunity's Lead conversion made, by Opportunity id: a converted Lead keeps
     * both ids (B.8), the only tie between an Opportunity and its person that needs no contact roles.
     * Opportunities created otherwise are absent.
     */
    public Map<String, String> contactsConvertedWith(Collection<String> opportunityIds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> chunk : chunks(List.copyOf(new TreeSet<>(opportunityIds)), MAX_IN_VALUES)) {
            for (JsonNode row : rows("SELECT ConvertedOpportunityId, ConvertedContactId FROM Lead WHERE IsConverted = true "
                    + "AND ConvertedOpportunityId IN " + inList(chunk))) {
                String contact = ChangeRows.text(row, "ConvertedContactId");
                if (contact != null) {
                    out.put(ChangeRows.text(row, "ConvertedOpportunityId"), contact);
                }
            }
        }
        return out;
    }

    /** The id of the queue with this API name (Setup → Queues, "Queue Name"), if there is one. */
    public Optional<String> queueId(String developerName) {
        for (JsonNode row : rows("SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = "
                + SoqlLiterals.string(developerName))) {
            return Optional.ofNullable(ChangeRows.text(row, "Id"));
        }
        return Optional.empty();
    }

    public List<User> activeUsers() {
        List<User> users = new ArrayList<>();
        for (JsonNode row : rows("SELECT Id, Email, IsActive FROM User WHERE IsActive = true ORDER BY Id")) {
            users.add(new User(ChangeRows.text(row, "Id"), ChangeRows.text(row, "Email"),
                    Boolean.parseBoolean(ChangeRows.text(row, "IsActive"))));
        }
        return List.copyOf(users);
    }

    /** {@code SELECT Id, SystemModstamp, <extra>, <fields>[, conversion columns] FROM type}, no column twice. */
    private static String select(String type, List<String> fields, List<String> extra) {
        List<String> wanted = new ArrayList<>(List.of("Id", "SystemModstamp"));
        wanted.addAll(extra);
        wanted.addAll(fields);
        if ("Lead".equals(type)) {
            wanted.addAll(ChangeQuery.LEAD_CONVERSION_COLUMNS);
        }
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> columns = new ArrayList<>();
        for (String f : wanted) {
            // SOQL refuses a column selected twice (MALFORMED_QUERY "duplicate field selected").
            if (seen.add(SoqlLiterals.name(f))) {
                columns.add(f);
            }
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + SoqlLiterals.name(type);
    }

    private static String inList(List<String> values) {
        return "(" + String.join(", ", values.stream().map(SoqlLiterals::string).toList()) + ")";
    }

    /** Runs a query and follows {@code nextRecordsUrl} until {@code done} (B.2). */
    private List<JsonNode> rows(String soql) {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode batch = gateway.query(soql);
        batch.path("records").forEach(rows::add);
        while (!batch.path("done").asBoolean(true)) {
            String next = batch.path("nextRecordsUrl").asText("");
            if (next.isEmpty()) {
                throw SalesforceErrors.malformed("a query is not done but gave no nextRecordsUrl");
            }
            batch = gateway.queryMore(next);
            batch.path("records").forEach(rows::add);
        }
        return rows;
    }

    /** Runs of at most {@code maxValues} values and about {@link #MAX_VALUE_CHARS} characters. */
    static List<List<String>> chunks(List<String> values, int maxValues) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int chars = 0;
        for (String v : values) {
            if (!current.isEmpty() && (current.size() >= maxValues || chars + v.length() > MAX_VALUE_CHARS)) {
                chunks.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(v);
            chars += v.length() + 4;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Salesforce ids are case-sensitive in their first 15 characters; the last 3 only checksum them. */
    private static String prefix15(String id) {
        return id.length() > 15 ? id.substring(0, 15) : id;
    }

    /** How {@link #findByEmail} keys its answer: trimmed and lower-cased (DESIGN.md §3); blank for null. */
    public static String emailKey(String email) {
        return io.baton.core.record.Emails.key(email);
    }
}
