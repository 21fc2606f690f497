package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubSpotContactsApiTest {

    private static final String CONTACTS = HubSpotFixture.CONTACTS;
    private final HubSpotFixture hs = new HubSpotFixture();

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void createReturns201WithSimplePublicObjectAndClockTimestamps() {
        hs.clock.advance(Duration.ofMillis(7));
        Reply r = hs.post(CONTACTS, Map.of("properties", Map.of("email", "Ann@X.com", "firstname", "Ann")));

        assertThat(r.status()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.path("id").asText()).matches("\\d+");
        assertThat(c.path("properties").path("email").asText()).isEqualTo("ann@x.com");
        assertThat(c.path("properties").path("hs_object_id").asText()).isEqualTo(c.path("id").asText());
        assertThat(c.path("properties").path("createdate").asText()).isEqualTo("2024-06-01T08:00:00.007Z");
        assertThat(c.path("properties").path("lastmodifieddate").asText()).isEqualTo("2024-06-01T08:00:00.007Z");
        assertThat(c.path("createdAt").asText()).isEqualTo("2024-06-01T08:00:00.007Z");
        assertThat(c.path("updatedAt").asText()).isEqualTo("2024-06-01T08:00:00.007Z");
        assertThat(c.path("archived").asBoolean()).isFalse();
    }

    @Test
    void duplicateEmailIsRejectedCaseInsensitivelyWith409ExistingId() {
        String id = hs.create(Map.of("email", "ann@x.com"));

        Reply r = hs.post(CONTACTS, Map.of("properties", Map.of("email", "ANN@x.COM")));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("category").asText()).isEqualTo("CONFLICT");
        assertThat(r.json().path("message").asText()).isEqualTo("Contact already exists. Existing ID: " + id);
    }

    @Test
    void getByIdAndByEmailIdProperty() {
        String id = hs.create(Map.of("email", "ann@x.com", "firstname", "Ann", "company", "Acme"));

        assertThat(hs.get(CONTACTS + "/" + id).json().path("properties").path("firstname").asText()).isEqualTo("Ann");
        Reply byEmail = hs.get(CONTACTS + "/ANN@x.com?idProperty=email&properties=company");
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.json().path("id").asText()).isEqualTo(id);
        assertThat(byEmail.json().path("properties").path("company").asText()).isEqualTo("Acme");
        assertThat(hs.get(CONTACTS + "/999999").status()).isEqualTo(404);
        assertThat(hs.get(CONTACTS + "/x?idProperty=firstname").status()).isEqualTo(400);
    }

    @Test
    void patchBumpsLastModifiedDateToTheMillisecondAndRecordsIntegrationHistory() {
        String id = hs.create(Map.of("email", "ann@x.com", "firstname", "Ann"));
        hs.clock.advance(Duration.ofMillis(1234));

        Reply r = hs.patch(CONTACTS + "/" + id, Map.of("properties", Map.of("firstname", "Anna")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("properties").path("lastmodifieddate").asText()).isEqualTo("2024-06-01T08:00:01.234Z");
        assertThat(r.json().path("updatedAt").asText()).isEqualTo("2024-06-01T08:00:01.234Z");
        JsonNode history = hs.get(CONTACTS + "/" + id + "?propertiesWithHistory=firstname")
                .json().path("propertiesWithHistory").path("firstname");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("value").asText()).isEqualTo("Anna");
        assertThat(history.get(0).path("timestamp").asText()).isEqualTo("2024-06-01T08:00:01.234Z");
        assertThat(history.get(0).path("sourceType").asText()).isEqualTo("INTEGRATION");
        assertThat(history.get(0).path("sourceId").asText()).isEqualTo(WriteSource.PRIVATE_APP_ID);
        assertThat(history.get(1).path("value").asText()).isEqualTo("Ann");
    }

    @Test
    void marketerEditInTheUiShowsAsCrmUiNewestFirst() {
        hs.store().seedOwner("o@corp.example", "O", "Wner");
        String id = hs.create(Map.of("email", "ann@x.com", "jobtitle", "CTO"));
        hs.clock.advance(Duration.ofSeconds(5));

        hs.store().setFromUi(id, Map.of("jobtitle", "CEO"));

        JsonNode c = hs.get(CONTACTS + "/" + id + "?properties=jobtitle&propertiesWithHistory=jobtitle").json();
        assertThat(c.path("properties").path("jobtitle").asText()).isEqualTo("CEO");
        assertThat(c.path("updatedAt").asText()).isEqualTo("2024-06-01T08:00:05.000Z");
        JsonNode latest = c.path("propertiesWithHistory").path("jobtitle").get(0);
        assertThat(latest.path("sourceType").asText()).isEqualTo("CRM_UI");
        assertThat(latest.path("updatedByUserId").isNumber()).isTrue();
    }

    @Test
    void unknownRequestedPropertiesAreIgnoredAndUnsetOnesAreNull() {
        String id = hs.create(Map.of("email", "ann@x.com"));

        JsonNode props = hs.get(CONTACTS + "/" + id + "?properties=phone,nosuchthing").json().path("properties");

        assertThat(props.has("nosuchthing")).isFalse();
        assertThat(props.has("phone")).isTrue();
        assertThat(props.get("phone").isNull()).isTrue();
        assertThat(props.has("email")).isFalse();
        assertThat(props.has("hs_object_id")).isTrue();
    }

    @Test
    void emptyStringClearsAValue() {
        String id = hs.create(Map.of("email", "ann@x.com", "phone", "+1 555"));

        hs.patch(CONTACTS + "/" + id, Map.of("properties", Map.of("phone", "")));

        assertThat(hs.get(CONTACTS + "/" + id + "?properties=phone").json().path("properties").get("phone").isNull()).isTrue();
    }

    @Test
    void unknownPropertyOnWriteIs400PropertyDoesntExist() {
        Reply r = hs.post(CONTACTS, Map.of("properties", Map.of("email", "a@x.com", "foo", "bar")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().path("message").asText()).isEqualTo("Property values were not valid: [{\"isValid\":false,"
                + "\"message\":\"Property \\\"foo\\\" does not exist\",\"error\":\"PROPERTY_DOESNT_EXIST\",\"name\":\"foo\"}]");
        assertThat(hs.store().count()).isZero();
    }

    @Test
    void invalidOptionReadOnlyOwnerAndEmailAreRejected() {
        assertThat(errorOf(Map.of("hs_lead_status", "BOGUS"))).contains("\"error\":\"INVALID_OPTION\"")
                .contains("BOGUS was not one of the allowed options: [label: \\\"New\\\"\\nvalue: \\\"NEW\\\"\\n");
        assertThat(errorOf(Map.of("lifecyclestage", "Lead"))).contains("INVALID_OPTION");
        assertThat(errorOf(Map.of("lastmodifieddate", "1"))).contains("READ_ONLY_VALUE");
        assertThat(errorOf(Map.of("hubspot_owner_id", "42"))).contains("INVALID_OWNER_ID");
        assertThat(errorOf(Map.of("email", "not-an-email"))).contains("INVALID_EMAIL");
        String owner = hs.store().seedOwner("o@corp.example", "O", "W").id();
        assertThat(hs.post(CONTACTS, Map.of("properties", Map.of("hubspot_owner_id", owner))).status()).isEqualTo(201);
    }

    @Test
    void deleteArchivesWith204AndArchivedListShowsIt() {
        String id = hs.create(Map.of("email", "ann@x.com"));
        hs.clock.advance(Duration.ofMillis(10));

        assertThat(hs.delete(CONTACTS + "/" + id).status()).isEqualTo(204);

        Reply gone = hs.get(CONTACTS + "/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        JsonNode archived = hs.get(CONTACTS + "?archived=true").json().path("results");
        assertThat(archived).hasSize(1);
        assertThat(archived.get(0).path("archived").asBoolean()).isTrue();
        assertThat(archived.get(0).path("archivedAt").asText()).isEqualTo("2024-06-01T08:00:00.010Z");
        assertThat(hs.get(CONTACTS).json().path("results")).isEmpty();
        assertThat(hs.get(CONTACTS + "/" + id + "?archived=true").json().path("archived").asBoolean()).isTrue();
    }

    @Test
    void gdprDeleteRemovesTheRecordForGoodAndFreesItsEmail() {
        String id = hs.create(Map.of("email", "ann@x.com"));

        assertThat(hs.post(CONTACTS + "/gdpr-delete", Map.of("objectId", "ANN@x.com", "idProperty", "email")).status())
                .isEqualTo(204);

        assertThat(hs.get(CONTACTS + "/" + id).status()).isEqualTo(404);
        assertThat(hs.get(CONTACTS + "?archived=true").json().path("results")).isEmpty();
        assertThat(hs.post(CONTACTS + "/gdpr-delete", Map.of("objectId", id)).status()).isEqualTo(404);
        assertThat(hs.create(Map.of("email", "ann@x.com"))).isNotEqualTo(id);
    }

    @Test
    void listPagesByIdWithOpaqueAfterAndNoPagingOnTheLastPage() {
        for (int i = 0; i < 25; i++) {
            hs.store().seedContact(Map.of("email", "p" + i + "@x.com"), HubSpotFixture.START, HubSpotFixture.START);
        }
        List<String> ids = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Reply r = hs.get(CONTACTS + "?limit=10" + (after == null ? "" : "&after=" + after));
            assertThat(r.status()).isEqualTo(200);
            r.json().path("results").forEach(c -> ids.add(c.path("id").asText()));
            JsonNode next = r.json().path("paging").path("next");
            after = next.isMissingNode() ? null : java.net.URLEncoder.encode(next.path("after").asText(),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (after != null) {
                assertThat(next.path("link").asText()).startsWith("?after=");
            }
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(25).doesNotHaveDuplicates();
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    }

    @Test
    void listLimitAbove100Is400AndDefaultIs10() {
        for (int i = 0; i < 12; i++) {
            hs.create(Map.of("email", "p" + i + "@x.com"));
        }
        assertThat(hs.get(CONTACTS + "?limit=101").status()).isEqualTo(400);
        assertThat(hs.get(CONTACTS + "?limit=100").status()).isEqualTo(200);
        assertThat(hs.get(CONTACTS).json().path("results")).hasSize(10);
        assertThat(hs.get(CONTACTS + "?after=not-a-cursor!").status()).isEqualTo(400);
    }

    @Test
    void defaultListPropertiesAreFirstnameLastnameEmailAndTheDerivedThree() {
        hs.create(Map.of("email", "ann@x.com", "company", "Acme"));

        JsonNode props = hs.get(CONTACTS).json().path("results").get(0).path("properties");

        List<String> names = new ArrayList<>();
        props.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("createdate", "email", "firstname", "hs_object_id",
                "lastmodifieddate", "lastname");
    }

    @Test
    void injectedRecordFailureFailsASingleWrite() {
        hs.faults.failRecord("bad@x.com", "VALIDATION_ERROR");

        Reply r = hs.post(CONTACTS, Map.of("properties", Map.of("email", "bad@x.com")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
    }

    private String errorOf(Map<String, String> props) {
        Reply r = hs.post(CONTACTS, Map.of("properties", props));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        return r.json().path("message").asText();
    }
}
