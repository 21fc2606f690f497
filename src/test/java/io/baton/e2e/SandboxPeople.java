package io.baton.e2e;

import static org.awaitility.Awaitility.await;

import io.baton.sandbox.Sandbox;
import io.baton.sandbox.hubspot.ContactSnapshot;
import io.baton.sandbox.http.CallCounter;
import io.baton.sandbox.salesforce.SObjectRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the end-to-end tests do to and read from the two sandbox CRMs: seed people as a marketer or
 * a rep would have them, find them again by email, and count the API calls Baton made by kind.
 */
final class SandboxPeople {

    static final String MQL = "marketingqualifiedlead";

    private final Sandbox sandbox;

    SandboxPeople(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** A HubSpot contact past the inclusion filter (MQL) with a company, so it can become a Lead. */
    String hubspotMql(String email, Map<String, String> extra) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("email", email);
        props.put("firstname", "First");
        props.put("lastname", "Last " + email.substring(0, email.indexOf('@')));
        props.put("company", "Initech");
        props.put("lifecyclestage", MQL);
        props.putAll(extra);
        props.values().removeIf(String::isEmpty);
        afterTheLastSyncedMillisecond();
        Instant now = sandbox.clock().instant();
        return sandbox.hubspot().store().seedContact(props, now, now);
    }

    /** A Salesforce Lead a rep typed in, at MQL. */
    String salesforceLead(String email, Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("FirstName", "Rep");
        fields.put("LastName", "Typed " + email.substring(0, email.indexOf('@')));
        fields.put("Company", "Hooli");
        fields.put("Email", email);
        fields.put("Status", "Open - Not Contacted");
        fields.put("Lifecycle_Stage__c", "MQL");
        fields.putAll(extra);
        afterTheLastSyncedMillisecond();
        Instant now = sandbox.clock().instant();
        return sandbox.salesforce().org().seed("Lead", fields, now, now);
    }

    void editInHubSpot(String contactId, Map<String, String> properties) {
        afterTheLastSyncedMillisecond();
        sandbox.hubspot().store().setFromUi(contactId, properties);
    }

    void editInSalesforce(String id, Map<String, Object> fields) {
        afterTheLastSyncedMillisecond();
        sandbox.salesforce().org().updateAsRep(id, fields);
    }

    Optional<ContactSnapshot> hubspotContact(String id) {
        return sandbox.hubspot().store().contact(id);
    }

    List<ContactSnapshot> hubspotByEmail(String email) {
        return sandbox.hubspot().store().findBy("email", email.toLowerCase(Locale.ROOT)).stream().toList();
    }

    /** Live (not deleted, not converted) rows of a type with this email, any case. */
    List<SObjectRecord> salesforceByEmail(String type, String email) {
        return sandbox.salesforce().org().liveRows(type).stream()
                .filter(r -> email.equalsIgnoreCase(r.string("Email")))
                .filter(r -> !Boolean.TRUE.equals(r.get("IsConverted")))
                .toList();
    }

    SObjectRecord salesforce(String id) {
        return sandbox.salesforce().org().find(id).orElseThrow();
    }

    /**
     * With the settle times at zero (to keep the tests fast), an outside change stamped in the very
     * millisecond a cursor stopped at could sort before it; real runs read only settled changes.
     */
    void afterTheLastSyncedMillisecond() {
        Instant last = sandbox.clock().instant();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> sandbox.clock().instant().isAfter(last.plusMillis(1)));
    }

    /** The API calls Baton has made so far, by kind. */
    Calls calls() {
        return Calls.of(sandbox.hubspotServer().counter(), sandbox.salesforceServer().counter());
    }

    /**
     * API calls by kind. Salesforce's sObject Collections retrieve ({@code POST|GET
     * /composite/sobjects/{type}}) is a read, so writes are counted by exact endpoint.
     */
    record Calls(long hubspotSearches, long hubspotOtherReads, long hubspotWrites,
                 long salesforceQueries, long salesforceOtherReads, long salesforceWrites,
                 long salesforceUpserts, long other) {

        static Calls of(CallCounter hubspot, CallCounter salesforce) {
            long hsSearch = 0, hsRead = 0, hsWrite = 0, sfQuery = 0, sfRead = 0, sfWrite = 0, sfUpsert = 0, other = 0;
            for (Map.Entry<String, Long> e : hubspot.snapshot().entrySet()) {
                String k = e.getKey();
                if (k.endsWith("/contacts/search")) {
                    hsSearch += e.getValue();
                } else if (k.startsWith("GET ") || k.endsWith("/batch/read")) {
                    hsRead += e.getValue();
                } else {
                    hsWrite += e.getValue(); // batch create/update/upsert/archive, single create/update/archive
                }
            }
            for (Map.Entry<String, Long> e : salesforce.snapshot().entrySet()) {
                String k = e.getKey();
                if (k.contains("/query")) {
                    sfQuery += e.getValue();
                } else if (k.matches("(POST|PATCH|DELETE) .*/composite/sobjects")) {
                    sfWrite += e.getValue();
                } else if (k.matches("PATCH .*/composite/sobjects/\\{type}/\\{field}")) {
                    sfWrite += e.getValue();
                    sfUpsert += e.getValue();
                } else if (k.startsWith("GET ") || k.matches("POST .*/composite/sobjects/\\{type}")) {
                    sfRead += e.getValue();
                } else {
                    other += e.getValue();
                }
            }
            return new Calls(hsSearch, hsRead, hsWrite, sfQuery, sfRead, sfWrite, sfUpsert, other);
        }

        long writes() {
            return hubspotWrites + salesforceWrites;
        }

        long total() {
            return hubspotSearches + hubspotOtherReads + hubspotWrites + salesforceQueries + salesforceOtherReads
                    + salesforceWrites + other;
        }

        Calls minus(Calls before) {
            return new Calls(hubspotSearches - before.hubspotSearches, hubspotOtherReads - before.hubspotOtherReads,
                    hubspotWrites - before.hubspotWrites, salesforceQueries - before.salesforceQueries,
                    salesforceOtherReads - before.salesforceOtherReads, salesforceWrites - before.salesforceWrites,
                    salesforceUpserts - before.salesforceUpserts, other - before.other);
        }
    }
}
