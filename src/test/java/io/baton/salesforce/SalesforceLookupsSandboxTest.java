package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.CrmRecord;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.salesforce.SalesforceOrg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lookups end to end: SOQL through camel-salesforce against the Salesforce sandbox. */
class SalesforceLookupsSandboxTest {

    private static final String QUERY = "GET /services/data/v60.0/query";
    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

    private Sandbox sandbox;
    private CamelSalesforce camel;
    private SalesforceLookups lookups;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.forTests());
        camel = CamelSalesforce.at(sandbox.salesforceUrl());
        lookups = new SalesforceLookups(camel.gateway());
    }

    @AfterEach
    void stop() {
        camel.close();
        sandbox.close();
    }

    private SalesforceOrg org() {
        return sandbox.salesforce().org();
    }

    private long queries() {
        return sandbox.salesforceServer().counter().count(QUERY);
    }

    private String seed(String type, Map<String, Object> fields, Instant modstamp) {
        return org().seed(type, fields, modstamp, modstamp);
    }

    private String seedLead(String email, Instant modstamp) {
        return seed("Lead", Map.of("LastName", "Lee", "Company", "Acme", "Email", email), modstamp);
    }

    @Test
    void retrieveReadsTwoHundredFiftyLeadsInTwoQueriesWithModstampAndConversionColumns() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(seed("Lead", Map.of("LastName", "L" + i, "Company", "Acme", "Email", "l" + i + "@acme.com"),
                    T0.plusMillis(i)));
        }
        org().convertLead(ids.get(7), false);
        String converted = ids.get(7);
        String fifteen = ids.get(3).substring(0, 15);
        List<String> asked = new ArrayList<>(ids);
        asked.set(3, fifteen);
        asked.add("00QRO0000000000AAA");

        Map<String, CrmRecord> found = lookups.retrieve("Lead", asked, List.of("Email", "LastName"));

        assertThat(queries()).isEqualTo(2);
        assertThat(found).hasSize(250).doesNotContainKey("00QRO0000000000AAA");
        CrmRecord first = found.get(ids.get(0));
        assertThat(first.ref().id()).isEqualTo(ids.get(0));
        assertThat(first.modstamp()).isEqualTo(T0);
        assertThat(first.value("Email")).contains("l0@acme.com");
        assertThat(first.value(ConvertedLeads.IS_CONVERTED)).contains("false");
        assertThat(found.get(fifteen).ref().id()).isEqualTo(ids.get(3));
        CrmRecord conv = found.get(converted);
        assertThat(ConvertedLeads.isConverted(conv)).isTrue();
        assertThat(ConvertedLeads.contactOf(conv)).isPresent();
    }

    @Test
    void findByEmailMatchesTrimmedAndCaseInsensitiveNewestFirstWithoutConvertedLeads() {
        String older = seedLead("Ann@Acme.com", T0);
        String newest = seedLead("ann@acme.com", T0.plusSeconds(60));
        String middle = seedLead("ANN@ACME.COM", T0.plusSeconds(30));
        String convertedLead = seedLead("ann@acme.com", T0.plusSeconds(90));
        org().convertLead(convertedLead, false);
        String bob = seedLead("bob@acme.com", T0);
        String contact = seed("Contact", Map.of("LastName", "Ng", "Email", "ann@acme.com"), T0);

        Map<String, List<CrmRecord>> found = lookups.findByEmail("Lead",
                List.of("  ANN@acme.com ", "bob@ACME.com", "nobody@acme.com", ""), List.of("Email", "LastName"));

        assertThat(found).containsOnlyKeys("ann@acme.com", "bob@acme.com");
        assertThat(found.get("ann@acme.com")).extracting(r -> r.ref().id()).containsExactly(newest, middle, older);
        assertThat(found.get("bob@acme.com")).extracting(r -> r.ref().id()).containsExactly(bob);
        assertThat(queries()).isEqualTo(1);

        Map<String, List<CrmRecord>> contacts = lookups.findByEmail("Contact", List.of("Ann@acme.com"), List.of("Email"));
        // The converted lead's own Contact carries the email too.
        assertThat(contacts.get("ann@acme.com")).extracting(r -> r.ref().id()).contains(contact);
    }

    @Test
    void findByEmailChunksTwoHundredFiftyEmailsIntoTwoQueries() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            seedLead("p" + i + "@acme.com", T0);
            emails.add("P" + i + "@acme.com");
        }
        Map<String, List<CrmRecord>> found = lookups.findByEmail("Lead", emails, List.of("Email"));

        assertThat(found).hasSize(250).allSatisfy((email, records) -> assertThat(records).hasSize(1));
        assertThat(queries()).isEqualTo(2);
    }

    @Test
    void accountsByDomainNormaliseWebsitesAndTakeTheNewestOnATie() {
        String acmeOld = seed("Account", Map.of("Name", "Acme Old", "Website", "acme.com"), T0);
        String acmeNew = seed("Account", Map.of("Name", "Acme", "Website", "https://www.Acme.com/"), T0.plusSeconds(5));
        String globex = seed("Account", Map.of("Name", "Globex", "Website", "http://globex.com/about?x=1"), T0);
        seed("Account", Map.of("Name", "Not Acme", "Website", "www.notacme.com"), T0.plusSeconds(9));
        seed("Account", Map.of("Name", "No site"), T0);

        Map<String, String> found = lookups.accountIdsByDomain(
                List.of("acme.com", "https://www.globex.com", "initech.com", "not a domain"));

        assertThat(found).containsOnly(Map.entry("acme.com", acmeNew), Map.entry("globex.com", globex));
        assertThat(found).doesNotContainValue(acmeOld);
        assertThat(queries()).isEqualTo(1);
    }

    @Test
    void activeUsersLeaveInactiveOnesOut() {
        String rep = org().seedUser("rep@corp.com", "Rita", "Rep");
        String gone = org().seedUser("gone@corp.com", "Gus", "Gone");
        org().updateAsRep(gone, Map.of("IsActive", false));

        List<SalesforceLookups.User> users = lookups.activeUsers();

        assertThat(users).extracting(SalesforceLookups.User::id).contains(rep, org().integrationUserId())
                .doesNotContain(gone);
        assertThat(users).filteredOn(u -> u.id().equals(rep)).singleElement()
                .satisfies(u -> {
                    assertThat(u.email()).isEqualTo("rep@corp.com");
                    assertThat(u.active()).isTrue();
                });
    }

    @Test
    void requiredOnCreateIsWhatTheDescribeMarksCreateableNotNillableAndNotDefaulted() {
        // Lead: LastName and Company must be sent; Status has a default and OwnerId is the caller.
        assertThat(lookups.requiredOnCreate("Lead")).containsExactly("Company", "LastName");
        assertThat(lookups.requiredOnCreate("Contact")).containsExactly("LastName");
        assertThat(sandbox.salesforceServer().counter().count("GET /services/data/v60.0/sobjects/{type}/describe"))
                .isEqualTo(2);
    }
}
