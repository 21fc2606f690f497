package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A.2 search: operators, sorting, paging, limits, and what it never returns. */
class HubSpotSearchTest {

    private final HubSpotFixture hs = new HubSpotFixture();
    private final Instant t0 = Instant.parse("2024-05-01T00:00:00Z");
    private String ann;
    private String bob;
    private String cat;

    @BeforeEach
    void seed() {
        ann = hs.store().seedContact(Map.of("email", "ann@acme.com", "firstname", "Ann", "company", "Acme Corp",
                "lifecyclestage", "lead", "phone", "+1 555 0100"), t0, t0.plusMillis(1000));
        bob = hs.store().seedContact(Map.of("email", "bob@globex.com", "firstname", "Bob", "company", "Globex",
                "lifecyclestage", "customer"), t0, t0.plusMillis(2000));
        cat = hs.store().seedContact(Map.of("email", "cat@acme.com", "firstname", "Cat",
                "lifecyclestage", "opportunity"), t0, t0.plusMillis(2000));
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void eachOperatorSelectsTheDocumentedRecords() {
        assertThat(ids(filter("email", "EQ", "ANN@acme.com"))).containsExactly(ann);
        assertThat(ids(filter("firstname", "NEQ", "Ann"))).containsExactly(bob, cat);
        assertThat(ids(filter("lastmodifieddate", "LT", "" + t0.plusMillis(2000).toEpochMilli()))).containsExactly(ann);
        assertThat(ids(filter("lastmodifieddate", "LTE", "" + t0.plusMillis(2000).toEpochMilli()))).containsExactly(ann, bob, cat);
        assertThat(ids(filter("lastmodifieddate", "GT", "" + t0.plusMillis(1000).toEpochMilli()))).containsExactly(bob, cat);
        assertThat(ids(filter("lastmodifieddate", "GTE", "2024-05-01T00:00:02.000Z"))).containsExactly(bob, cat);
        assertThat(ids(Map.of("propertyName", "lastmodifieddate", "operator", "BETWEEN",
                "value", "" + t0.toEpochMilli(), "highValue", "" + t0.plusMillis(1000).toEpochMilli()))).containsExactly(ann);
        assertThat(ids(Map.of("propertyName", "email", "operator", "IN",
                "values", List.of("bob@globex.com", "cat@acme.com")))).containsExactly(bob, cat);
        assertThat(ids(Map.of("propertyName", "lifecyclestage", "operator", "NOT_IN",
                "values", List.of("lead", "customer")))).containsExactly(cat);
        assertThat(ids(Map.of("propertyName", "phone", "operator", "HAS_PROPERTY"))).containsExactly(ann);
        assertThat(ids(Map.of("propertyName", "company", "operator", "NOT_HAS_PROPERTY"))).containsExactly(cat);
        assertThat(ids(filter("company", "CONTAINS_TOKEN", "acme"))).containsExactly(ann);
        assertThat(ids(filter("email", "CONTAINS_TOKEN", "*@acme.com"))).containsExactly(ann, cat);
        assertThat(ids(filter("company", "NOT_CONTAINS_TOKEN", "acme"))).containsExactly(bob, cat);
        assertThat(ids(filter("hs_object_id", "EQ", bob))).containsExactly(bob);
    }

    @Test
    void filtersInAGroupAreAndedAndGroupsAreOred() {
        Map<String, Object> body = Map.of("filterGroups", List.of(
                Map.of("filters", List.of(filter("company", "CONTAINS_TOKEN", "acme"), filter("firstname", "EQ", "Ann"))),
                Map.of("filters", List.of(filter("firstname", "EQ", "Bob")))));

        assertThat(ids(hs.search(body))).containsExactly(ann, bob);
    }

    @Test
    void sortsAscendingAndDescending() {
        assertThat(ids(hs.search(Map.of("sorts", List.of(Map.of("propertyName", "firstname", "direction", "DESCENDING"))))))
                .containsExactly(cat, bob, ann);
        assertThat(ids(hs.search(Map.of("sorts", List.of(Map.of("propertyName", "lastmodifieddate",
                "direction", "ASCENDING"))))).get(0)).isEqualTo(ann);
        assertThat(ids(hs.search(Map.of("sorts", List.of(Map.of("propertyName", "lastmodifieddate",
                "direction", "DESCENDING"))))).get(2)).isEqualTo(ann);
        assertThat(ids(hs.search(Map.of("sorts", List.of(Map.of("propertyName", "company",
                "direction", "ASCENDING")))))).containsExactly(ann, bob, cat);  // unset values sort last
    }

    @Test
    void recordsTiedOnTheSortComeInAStableOrderThatIsNotIdOrder() {
        Instant shared = t0.plusMillis(5000);
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tied.add(hs.store().seedContact(Map.of("email", "tie" + i + "@example.com"), t0, shared));
        }
        Map<String, Object> body = Map.of("limit", 100,
                "filterGroups", List.of(Map.of("filters", List.of(filter("lastmodifieddate", "EQ", "" + shared.toEpochMilli())))),
                "sorts", List.of(Map.of("propertyName", "lastmodifieddate", "direction", "ASCENDING")));

        List<String> first = ids(hs.search(body));

        assertThat(first).containsExactlyInAnyOrderElementsOf(tied).isNotEqualTo(tied);
        assertThat(ids(hs.search(body))).isEqualTo(first);
    }

    @Test
    void moreThanOneSortIs400() {
        Reply r = hs.search(Map.of("sorts", List.of(Map.of("propertyName", "email"), Map.of("propertyName", "firstname"))));

        assertBadRequest(r);
    }

    @Test
    void unknownPropertyInAFilterOrSortIs400() {
        assertBadRequest(hs.search(Map.of("filterGroups", List.of(Map.of("filters", List.of(filter("nope", "EQ", "x")))))));
        assertBadRequest(hs.search(Map.of("sorts", List.of(Map.of("propertyName", "nope", "direction", "ASCENDING")))));
    }

    @Test
    void badOperatorsAndMissingValuesAre400() {
        assertBadRequest(hs.search(Map.of("filterGroups", List.of(Map.of("filters", List.of(filter("email", "LIKE", "x")))))));
        assertBadRequest(hs.search(Map.of("filterGroups", List.of(Map.of("filters",
                List.of(Map.of("propertyName", "email", "operator", "EQ")))))));
        assertBadRequest(hs.search(Map.of("filterGroups", List.of(Map.of("filters",
                List.of(Map.of("propertyName", "createdate", "operator", "BETWEEN", "value", "1")))))));
        assertBadRequest(hs.search(Map.of("filterGroups", List.of(Map.of("filters",
                List.of(filter("lastmodifieddate", "GTE", "yesterday")))))));
    }

    @Test
    void searchLimitAbove200Is400() {
        assertBadRequest(hs.search(Map.of("limit", 201)));
        assertThat(hs.search(Map.of("limit", 200)).status()).isEqualTo(200);
    }

    @Test
    void atMostFiveGroupsSixFiltersPerGroupAndEighteenFiltersInAll() {
        assertBadRequest(hs.search(Map.of("filterGroups", Collections.nCopies(6, group(1)))));
        assertBadRequest(hs.search(Map.of("filterGroups", List.of(group(7)))));
        assertBadRequest(hs.search(Map.of("filterGroups", List.of(group(5), group(5), group(5), group(4)))));
        assertThat(hs.search(Map.of("filterGroups", List.of(group(6), group(6), group(6)))).status()).isEqualTo(200);
        assertThat(hs.search(Map.of("filterGroups", Collections.nCopies(5, group(1)))).status()).isEqualTo(200);
    }

    @Test
    void pagesWithNumericAfterOffsetsAndReportsTotal() {
        Reply first = hs.search(Map.of("limit", 2));
        assertThat(first.json().path("total").asLong()).isEqualTo(3);
        assertThat(first.json().path("paging").path("next").path("after").asText()).isEqualTo("2");
        Reply second = hs.search(Map.of("limit", 2, "after", "2"));
        assertThat(ids(second)).containsExactly(cat);
        assertThat(second.json().has("paging")).isFalse();
    }

    @Test
    void defaultAndRequestedPropertiesFollowTheSearchGuide() {
        JsonNode props = hs.search(Map.of()).json().path("results").get(0).path("properties");
        List<String> names = new ArrayList<>();
        props.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname");

        JsonNode asked = hs.search(Map.of("properties", List.of("company", "sf_lead_id__c"))).json()
                .path("results").get(0).path("properties");
        assertThat(asked.path("company").asText()).isEqualTo("Acme Corp");
        assertThat(asked.has("sf_lead_id__c")).isFalse();
        assertThat(asked.has("email")).isFalse();
    }

    @Test
    void neverReturnsArchivedRecords() {
        hs.store().archive(bob);

        Reply r = hs.search(Map.of());

        assertThat(ids(r)).containsExactly(ann, cat);
        assertThat(r.json().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void incrementalSyncQueryFromTheReferenceWorks() {
        hs.clock.advance(Duration.ofSeconds(1));
        hs.patch(HubSpotFixture.CONTACTS + "/" + ann, Map.of("properties", Map.of("firstname", "Annie")));
        Map<String, Object> body = Map.of(
                "filterGroups", List.of(Map.of("filters", List.of(
                        filter("lastmodifieddate", "GTE", "" + HubSpotFixture.START.toEpochMilli()),
                        Map.of("propertyName", "email", "operator", "HAS_PROPERTY")))),
                "sorts", List.of(Map.of("propertyName", "lastmodifieddate", "direction", "ASCENDING")),
                "properties", List.of("email", "firstname", "lastmodifieddate"),
                "limit", 200, "after", "0");

        Reply r = hs.search(body);

        assertThat(ids(r)).containsExactly(ann);
        assertThat(r.json().path("results").get(0).path("properties").path("firstname").asText()).isEqualTo("Annie");
    }

    @Test
    void freeTextQueryMatchesNamesAndEmails() {
        assertThat(ids(hs.search(Map.of("query", "globex")))).containsExactly(bob);
        assertThat(ids(hs.search(Map.of("query", "ca")))).containsExactly(cat);
    }

    @Test
    void configuredIndexLagHidesFreshWrites() {
        try (HubSpotFixture lagged = new HubSpotFixture(HubSpotSandboxSettings.defaults()
                .withSearchIndexLag(Duration.ofSeconds(2)))) {
            lagged.create(Map.of("email", "fresh@x.com"));
            assertThat(lagged.search(Map.of()).json().path("total").asLong()).isZero();
            lagged.clock.advance(Duration.ofSeconds(2));
            assertThat(lagged.search(Map.of()).json().path("total").asLong()).isEqualTo(1);
        }
    }

    @Test
    void duringTheIndexLagAnUpdatedRecordShowsItsPreviousVersionAndOnlyNewRecordsAreHidden() {
        try (HubSpotFixture lagged = new HubSpotFixture(HubSpotSandboxSettings.defaults()
                .withSearchIndexLag(Duration.ofSeconds(2)))) {
            String ann = lagged.create(Map.of("email", "ann@x.com", "firstname", "Ann"));
            lagged.clock.advance(Duration.ofSeconds(5));
            lagged.patch(HubSpotFixture.CONTACTS + "/" + ann, Map.of("properties", Map.of("firstname", "Annie")));
            lagged.clock.advance(Duration.ofSeconds(1));
            lagged.patch(HubSpotFixture.CONTACTS + "/" + ann, Map.of("properties", Map.of("firstname", "Anya")));
            String bob = lagged.create(Map.of("email", "bob@x.com", "firstname", "Bob"));

            // t+6.2 s, index at t+4.2 s: both updates are pending, Bob was never indexed.
            assertThat(firstnames(lagged.search(Map.of()))).containsExactly(ann + "=Ann");
            assertThat(ids(lagged.search(Map.of("filterGroups", List.of(Map.of("filters",
                    List.of(filter("firstname", "EQ", "Anya")))))))).isEmpty();
            lagged.clock.advance(Duration.ofSeconds(1));
            // t+7.4 s, index at t+5.4 s: the first update has been indexed.
            assertThat(firstnames(lagged.search(Map.of()))).containsExactly(ann + "=Annie");
            lagged.clock.advance(Duration.ofSeconds(1));
            assertThat(firstnames(lagged.search(Map.of()))).containsExactly(ann + "=Anya", bob + "=Bob");
        }
    }

    private static List<String> firstnames(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        reply.json().path("results").forEach(c -> out.add(c.path("id").asText() + "="
                + c.path("properties").path("firstname").asText()));
        assertThat(reply.json().path("total").asInt()).isEqualTo(out.size());
        return out;
    }

    private Map<String, Object> group(int filters) {
        return Map.of("filters", Collections.nCopies(filters, Map.of("propertyName", "email", "operator", "HAS_PROPERTY")));
    }

    static Map<String, Object> filter(String property, String operator, String value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("propertyName", property);
        f.put("operator", operator);
        f.put("value", value);
        return f;
    }

    private List<String> ids(Map<String, Object> filter) {
        return ids(hs.search(Map.of("filterGroups", List.of(Map.of("filters", List.of(filter)))))) ;
    }

    static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("results").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    static void assertBadRequest(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("status").asText()).isEqualTo("error");
        assertThat(r.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().path("correlationId").asText()).isNotBlank();
        assertThat(r.json().path("message").asText()).isNotBlank();
    }
}
