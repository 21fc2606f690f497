package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.RecordRef;
import io.baton.core.record.SyncCursor;
import io.baton.sandbox.http.Faults;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterStatus;
import io.baton.store.SyncCursorRepository;
import io.baton.sync.DeadLetterRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad input never stops a sync: good people sync, each bad one gets exactly one dead letter naming
 * the record, the field and the API's error code, and the streams' cursors move on. A fixed record
 * syncs and closes its letter; a row lock is retried by the worker; a lock that outlasts
 * max-attempts is PARKED and replayed through the admin API once it clears.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("badinput");
    private static final int MAX_ATTEMPTS = 3;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        // No wait between retries, so the test drives the worker without a clock.
        registry.add("baton.dead-letters.first-delay", () -> "0s");
        registry.add("baton.dead-letters.max-delay", () -> "0s");
        registry.add("baton.dead-letters.max-attempts", () -> MAX_ATTEMPTS);
        // Translations an org does not accept: "Trade Show" is not in Salesforce's restricted
        // LeadSource picklist, TV_ADS not among HubSpot's lead_source options.
        registry.add("baton.mappings.value-maps.lead-source[0].hubspot", () -> "ORGANIC_SEARCH");
        registry.add("baton.mappings.value-maps.lead-source[0].salesforce", () -> "Web");
        registry.add("baton.mappings.value-maps.lead-source[1].hubspot", () -> "PAID_SEARCH");
        registry.add("baton.mappings.value-maps.lead-source[1].salesforce", () -> "Trade Show");
        registry.add("baton.mappings.value-maps.lead-source[2].hubspot", () -> "TV_ADS");
        registry.add("baton.mappings.value-maps.lead-source[2].salesforce", () -> "Phone Inquiry");
    }

    @LocalServerPort
    int port;

    @Autowired
    DeadLetterRetry deadLetterRetry;

    @Autowired
    SyncCursorRepository cursors;

    @Autowired
    MeterRegistry meters;

    static String goodContact;
    static String goodLead;
    static String unexpectedProperty;
    static String invalidEmail;
    static String restrictedPicklist;
    static String unmappedPicklist;
    static String oversize;
    static String noLastName;
    static String leadWithInvalidEmail;
    static String leadWithBadOption;

    @Test
    @Order(1)
    void badRecordsEachGetOneDeadLetterNamingFieldAndCodeWhileTheGoodOnesSync() {
        goodContact = people.hubspotMql("good.one@initech.example", Map.of());
        invalidEmail = people.hubspotMql("bad.email@nodot", Map.of());
        restrictedPicklist = people.hubspotMql("picklist@initech.example", Map.of("lead_source", "PAID_SEARCH"));
        unmappedPicklist = people.hubspotMql("unmapped@initech.example", Map.of("lead_source", "SOCIAL_MEDIA"));
        oversize = people.hubspotMql("oversize@initech.example", Map.of("phone", "+1 555 0100 ".repeat(5)));
        noLastName = people.hubspotMql("nolastname@initech.example", Map.of("lastname", ""));
        unexpectedProperty = people.hubspotMql("unexpected@initech.example", Map.of("hs_analytics_num_visits", "12"));
        goodLead = people.salesforceLead("good.lead@hooli.example", Map.of("Description", "a field Baton does not map"));
        leadWithInvalidEmail = people.salesforceLead("rep.typo@hooli,example", Map.of());
        leadWithBadOption = people.salesforceLead("option@hooli.example", Map.of("LeadSource", "Phone Inquiry"));

        sync.syncUntilQuiet(10);

        for (String email : List.of("good.one@initech.example", "unexpected@initech.example", "good.lead@hooli.example")) {
            assertThat(links.findByEmail(email)).as("%s synced", email).hasSize(1)
                    .allSatisfy(l -> assertThat(l.salesforceId()).isPresent());
        }
        assertOneLetter(RecordRef.hubspotContact(invalidEmail), "INVALID_EMAIL_ADDRESS", "Email");
        assertOneLetter(RecordRef.hubspotContact(restrictedPicklist), "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "LeadSource");
        assertOneLetter(RecordRef.hubspotContact(unmappedPicklist), "MAPPING_ERROR", "lead_source");
        assertOneLetter(RecordRef.hubspotContact(oversize), "STRING_TOO_LONG", "Phone");
        assertOneLetter(RecordRef.hubspotContact(noLastName), "REQUIRED_FIELD_MISSING", "LastName");
        // HubSpot names the problem inside its VALIDATION_ERROR (A.6): the reason carries both.
        assertOneLetter(RecordRef.salesforce("Lead", leadWithInvalidEmail), "VALIDATION_ERROR", "INVALID_EMAIL", "email");
        assertOneLetter(RecordRef.salesforce("Lead", leadWithBadOption), "VALIDATION_ERROR", "INVALID_OPTION", "lead_source");
        // An unmapped value keeps only its field from being written: the Lead is created without it,
        // and its own stream, pairing it back, files the same problem once for the Lead.
        String leadOfUnmapped = links.findByHubSpotId(unmappedPicklist).flatMap(l -> l.salesforceId()).orElseThrow();
        assertOneLetter(RecordRef.salesforce("Lead", leadOfUnmapped), "MAPPING_ERROR", "SOCIAL_MEDIA");
        assertThat(deadLetters.countUnresolved()).as("letters: %s", deadLetters.listOpen(50)).isEqualTo(8);

        // The cursors moved past the bad records: another pass reads nothing and counts no attempt.
        assertThat(cursors.find("hubspot:contacts")).isPresent();
        assertThat(cursors.find("salesforce:Lead")).isPresent();
        sync.syncUntilQuiet(10);
        assertThat(deadLetters.listOpen(50)).hasSize(8).allSatisfy(d -> assertThat(d.attempts()).isOne());
        assertThat(meters.get("baton.dead.letters").gauge().value()).isEqualTo(8.0);
        assertThat(meters.get("baton.dead.letters.open").tag("class", "RECORD").gauge().value()).isEqualTo(8.0);
        assertThat(meters.get("baton.dead.letters.open").tag("class", "RETRIABLE").gauge().value()).isZero();
    }

    @Test
    @Order(2)
    void aRecordFixedAtItsSourceSyncsAndClosesItsLetter() {
        DeadLetter letter = letterOf(RecordRef.hubspotContact(noLastName));

        people.editInHubSpot(noLastName, Map.of("lastname", "Fixed"));
        sync.syncUntilQuiet(10);

        assertThat(deadLetters.find(letter.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(links.findByHubSpotId(noLastName).flatMap(l -> l.salesforceId())).isPresent();
    }

    @Test
    @Order(3)
    void aRowLockIsRetriedByTheWorkerAndTheLetterCloses() {
        Faults faults = sandbox.salesforceServer().faults();
        faults.failRecord("locked@initech.example", "UNABLE_TO_LOCK_ROW");
        String locked = people.hubspotMql("locked@initech.example", Map.of());
        sync.syncUntilQuiet(10);
        DeadLetter letter = letterOf(RecordRef.hubspotContact(locked));
        assertThat(letter.errorCategory()).isEqualTo("RETRIABLE");
        assertThat(letter.nextAttemptAt()).as("retried automatically").isPresent();

        faults.clearRecordFailures();
        assertThat(deadLetterRetry.retryDue()).isOne();

        assertThat(deadLetters.find(letter.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(links.findByHubSpotId(locked).flatMap(l -> l.salesforceId())).isPresent();
        assertThat(deadLetterRetry.retryDue()).as("nothing else is due").isZero();
    }

    @Test
    @Order(4)
    void aLockThatOutlastsMaxAttemptsIsParkedThenReplayedThroughTheApi() throws Exception {
        Faults faults = sandbox.salesforceServer().faults();
        faults.failRecord("stuck@initech.example", "UNABLE_TO_LOCK_ROW");
        String stuck = people.hubspotMql("stuck@initech.example", Map.of());
        sync.syncUntilQuiet(10);
        for (int attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
            assertThat(deadLetterRetry.retryDue()).isOne();
        }
        DeadLetter parked = letterOf(RecordRef.hubspotContact(stuck));
        assertThat(parked.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(parked.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(parked.nextAttemptAt()).isEmpty();
        assertThat(deadLetterRetry.retryDue()).as("a parked letter is not retried").isZero();

        HttpResponse<String> listed = call("GET", "/api/dead-letters?status=PARKED", true);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"total\":1", "\"recordId\":\"" + stuck + "\"", "\"status\":\"PARKED\"",
                "\"errorCode\":\"UNABLE_TO_LOCK_ROW\"");
        assertThat(call("POST", "/api/dead-letters/" + parked.id() + "/replay", false).statusCode()).isEqualTo(401);

        faults.clearRecordFailures();
        HttpResponse<String> replayed = call("POST", "/api/dead-letters/" + parked.id() + "/replay", true);

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("\"outcome\":\"synced\"", "\"status\":\"REPLAYED\"");
        assertThat(deadLetters.find(parked.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(links.findByHubSpotId(stuck).flatMap(l -> l.salesforceId())).isPresent();
    }

    @Test
    @Order(5)
    void aResyncByEmailAnswersPerRecord() throws Exception {
        people.editInHubSpot(oversize, Map.of("phone", "+1 555 0100"));
        Map<String, SyncCursor> before = cursors.findAll();

        HttpResponse<String> answer = call("POST", "/api/records/resync",
                "{\"emails\":[\"oversize@initech.example\",\"nobody@nowhere.example\"],\"hubspotIds\":[\""
                        + unmappedPicklist + "\"]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"synced\":1", "\"failed\":1", "\"not_found\":1",
                "\"requested\":\"nobody@nowhere.example\"", "MAPPING_ERROR");
        assertThat(letterOf(RecordRef.hubspotContact(unmappedPicklist)).attempts()).isEqualTo(2);
        assertThat(deadLetters.findOpen(RecordRef.hubspotContact(oversize), "hubspot:contacts")).isEmpty();
        assertThat(links.findByHubSpotId(oversize).flatMap(l -> l.salesforceId())).isPresent();
        assertThat(cursors.findAll()).as("a resync moves no cursor").isEqualTo(before);
    }

    @Test
    @Order(6)
    void aResyncBySalesforceIdFilesUnderTheLeadsStream() throws Exception {
        HttpResponse<String> answer = call("POST", "/api/records/resync", "{\"salesforceIds\":[\"" + leadWithInvalidEmail
                + "\",\"" + goodLead.substring(0, 15) + "\",\"001000000000001AAA\"]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"synced\":1", "\"failed\":1", "\"not_found\":1", "INVALID_EMAIL",
                "\"recordId\":\"" + goodLead + "\"", "is not a Lead (00Q…) or Contact (003…) id");
        assertThat(letterOf(RecordRef.salesforce("Lead", leadWithInvalidEmail)).attempts()).isEqualTo(2);

        HttpResponse<String> byEmail = call("POST", "/api/records/resync", "{\"emails\":[\"OPTION@hooli.example\"]}");
        assertThat(byEmail.body()).as("a person only Salesforce knows is found there by email")
                .contains("\"failed\":1", "\"recordId\":\"" + leadWithBadOption + "\"", "INVALID_OPTION");
        assertThat(letterOf(RecordRef.salesforce("Lead", leadWithBadOption)).attempts()).isEqualTo(2);
    }

    @Test
    @Order(7)
    void replayingALetterWhoseRecordIsGoneKeepsItsFirstCause() throws Exception {
        DeadLetter letter = letterOf(RecordRef.hubspotContact(invalidEmail));
        sandbox.hubspot().store().archive(invalidEmail);

        HttpResponse<String> first = call("POST", "/api/dead-letters/" + letter.id() + "/replay", true);
        call("POST", "/api/dead-letters/" + letter.id() + "/replay", true);

        assertThat(first.body()).contains("\"outcome\":\"not_found\"", "no live HubSpot contact has the id " + invalidEmail);
        DeadLetter after = deadLetters.find(letter.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(DeadLetterStatus.OPEN);
        assertThat(after.attempts()).isEqualTo(3);
        assertThat(after.errorCode()).contains("INVALID_EMAIL_ADDRESS");
        assertThat(after.nextAttemptAt()).as("no automatic retry of a record that is gone").isEmpty();
        assertThat(after.reason()).startsWith("INVALID_EMAIL_ADDRESS: Email: invalid email address")
                .containsOnlyOnce("last replay: NOT_FOUND");
    }

    private void assertOneLetter(RecordRef record, String code, String field) {
        assertOneLetter(record, code, code, field);
    }

    private void assertOneLetter(RecordRef record, String errorCode, String code, String field) {
        List<DeadLetter> letters = deadLetters.list(java.util.Set.of(), java.util.Optional.empty(), 0, 200).letters()
                .stream().filter(d -> d.record().equals(record)).toList();
        assertThat(letters).as("letters of %s", record).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.status()).isEqualTo(DeadLetterStatus.OPEN);
        assertThat(letter.errorCode()).contains(errorCode);
        assertThat(letter.errorCategory()).isEqualTo("RECORD");
        assertThat(letter.reason()).contains(code, field);
        assertThat(letter.reason() + " " + letter.record()).contains(record.id());
    }

    private DeadLetter letterOf(RecordRef record) {
        return deadLetters.list(java.util.Set.of(DeadLetterStatus.OPEN, DeadLetterStatus.PARKED), java.util.Optional.empty(),
                0, 200).letters().stream().filter(d -> d.record().equals(record)).findFirst().orElseThrow();
    }

    private HttpResponse<String> call(String method, String path, boolean authenticated) throws Exception {
        return send(request(path, authenticated).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> call(String method, String path, String json) throws Exception {
        return send(request(path, true).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authenticated) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
