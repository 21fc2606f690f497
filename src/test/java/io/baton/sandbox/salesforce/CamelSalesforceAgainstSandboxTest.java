package io.baton.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.baton.salesforce.CamelSalesforce;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The camel-salesforce component itself against the sandbox, configured as STACK.md says: it must
 * log in, query, page with queryMore, queryAll, upsert, use sObject Collections and re-login on 401.
 */
class CamelSalesforceAgainstSandboxTest {

    private final SalesforceTestServer sf = new SalesforceTestServer(
            SalesforceSandboxSettings.defaults().withQueryBatchSize(50));
    private CamelSalesforce camelSalesforce;
    private DefaultCamelContext camel;
    private ProducerTemplate producer;

    /** The smallest DTO the collections operations accept (they refuse raw JSON, see CompositeSObjectCollectionsProcessor). */
    public static final class Lead extends AbstractDescribedSObjectBase {
        private String lastName;
        private String company;
        private String email;
        private String hubSpotId;

        Lead(String hubSpotId, String lastName, String company, String email) {
            getAttributes().setType("Lead");
            this.hubSpotId = hubSpotId;
            this.lastName = lastName;
            this.company = company;
            this.email = email;
        }

        @JsonProperty("LastName")
        public String getLastName() {
            return lastName;
        }

        @JsonProperty("Company")
        public String getCompany() {
            return company;
        }

        @JsonProperty("Email")
        public String getEmail() {
            return email;
        }

        @JsonProperty("Baton_HubSpot_Id__c")
        public String getHubSpotId() {
            return hubSpotId;
        }

        @Override
        public SObjectDescription description() {
            SObjectDescription d = new SObjectDescription();
            d.setName("Lead");
            return d;
        }
    }

    @BeforeEach
    void startCamel() {
        camelSalesforce = CamelSalesforce.at(sf.baseUrl());
        camel = camelSalesforce.context();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camelSalesforce.close();
        sf.close();
    }

    private JsonNode json(Object body) throws Exception {
        return SalesforceTestServer.JSON.readTree(camel.getTypeConverter().convertTo(String.class, body));
    }

    private void seedLeads(int n) {
        for (int i = 0; i < n; i++) {
            sf.org().seed("Lead", Map.of("LastName", "L" + i, "Company", "Acme", "Email", "c" + i + "@x.com"),
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z").plusMillis(i));
        }
    }

    @Test
    void logsInQueriesAndPagesWithQueryMore() throws Exception {
        seedLeads(120);
        JsonNode first = json(producer.requestBody("salesforce:query?rawPayload=true",
                "SELECT Id, Email FROM Lead WHERE SystemModstamp > 2025-12-31T00:00:00Z ORDER BY SystemModstamp, Id"));
        assertThat(first.path("totalSize").asInt()).isEqualTo(120);
        assertThat(first.path("records")).hasSize(50);
        assertThat(sf.counter.count("POST /services/oauth2/token")).isEqualTo(1);

        int seen = first.path("records").size();
        String next = first.path("nextRecordsUrl").asText();
        while (!next.isEmpty()) {
            JsonNode page = json(producer.requestBodyAndHeader("salesforce:queryMore?rawPayload=true", null,
                    "sObjectQuery", next));
            seen += page.path("records").size();
            next = page.path("done").asBoolean() ? "" : page.path("nextRecordsUrl").asText();
        }
        assertThat(seen).isEqualTo(120);

        JsonNode count = json(producer.requestBody("salesforce:query?rawPayload=true", "SELECT COUNT() FROM Lead"));
        assertThat(count.path("totalSize").asInt()).isEqualTo(120);
    }

    @Test
    void queryAllSeesDeletedRows() throws Exception {
        seedLeads(3);
        sf.org().deleteAsRep(sf.org().rows("Lead").get(0).id());
        JsonNode all = json(producer.requestBody("salesforce:queryAll?rawPayload=true",
                "SELECT Id, IsDeleted FROM Lead WHERE IsDeleted = true"));
        assertThat(all.path("totalSize").asInt()).isEqualTo(1);
        assertThat(all.path("records").get(0).path("IsDeleted").asBoolean()).isTrue();
    }

    @Test
    void upsertSObjectByExternalIdCreatesThenUpdates() throws Exception {
        String endpoint = "salesforce:upsertSObject?rawPayload=true&sObjectName=Lead&sObjectIdName=Baton_HubSpot_Id__c";
        Object created = producer.requestBodyAndHeader(endpoint,
                "{\"LastName\":\"Lee\",\"Company\":\"Acme\",\"Email\":\"ann@acme.com\"}", "sObjectIdValue", "101");
        JsonNode result = json(created);
        assertThat(result.path("created").asBoolean()).isTrue();
        String id = result.path("id").asText();
        Object updated = producer.requestBodyAndHeader(endpoint, "{\"Status\":\"Working - Contacted\"}",
                "sObjectIdValue", "101");
        assertThat(json(updated).path("created").asBoolean()).isFalse();
        assertThat(sf.org().find(id).orElseThrow().get("Status")).isEqualTo("Working - Contacted");
    }

    @Test
    void collectionsCreateAndUpsertWithPerItemResults() {
        List<?> created = producer.requestBody("salesforce:compositeCreateSObjectCollections",
                List.of(new Lead("201", "Lee", "Acme", "a@x.com"), new Lead("202", "Ng", null, "b@x.com")), List.class);
        assertThat(created).hasSize(2);
        SaveSObjectResult ok = (SaveSObjectResult) created.get(0);
        SaveSObjectResult bad = (SaveSObjectResult) created.get(1);
        assertThat(ok.getSuccess()).isTrue();
        assertThat(ok.getId()).startsWith("00Q");
        assertThat(bad.getSuccess()).isFalse();
        assertThat(bad.getErrors().get(0).getErrorCode()).isEqualTo("REQUIRED_FIELD_MISSING");

        List<?> upserted = producer.requestBody("salesforce:compositeUpsertSObjectCollections?sObjectName=Lead"
                + "&sObjectIdName=Baton_HubSpot_Id__c",
                List.of(new Lead("201", "Lee", "Acme", "a2@x.com"), new Lead("203", "Poe", "Initech", "c@x.com")), List.class);
        UpsertSObjectResult first = (UpsertSObjectResult) upserted.get(0);
        UpsertSObjectResult second = (UpsertSObjectResult) upserted.get(1);
        assertThat(first.getSuccess()).isTrue();
        assertThat(first.getCreated()).isFalse();
        assertThat(first.getId()).isEqualTo(ok.getId());
        assertThat(second.getCreated()).isTrue();
        assertThat(sf.org().find(ok.getId()).orElseThrow().get("Email")).isEqualTo("a2@x.com");
    }

    @Test
    void limitsOperationReadsDailyApiRequests() throws Exception {
        JsonNode limits = json(producer.requestBody("salesforce:limits?rawPayload=true", (Object) null));
        assertThat(limits.path("DailyApiRequests").path("Max").asLong()).isEqualTo(100_000);
        assertThat(limits.path("DailyApiRequests").path("Remaining").asLong()).isEqualTo(100_000);
    }

    @Test
    void logsInAgainAfterTheSessionExpires() throws Exception {
        seedLeads(2);
        json(producer.requestBody("salesforce:query?rawPayload=true", "SELECT Id FROM Lead"));
        sf.sandbox.expireSessions();
        JsonNode again = json(producer.requestBody("salesforce:query?rawPayload=true", "SELECT Id FROM Lead"));
        assertThat(again.path("totalSize").asInt()).isEqualTo(2);
        assertThat(sf.counter.count("POST /services/oauth2/token")).isEqualTo(2);
    }
}
