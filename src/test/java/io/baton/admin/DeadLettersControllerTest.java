package io.baton.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.core.record.RecordRef;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterRepository;
import io.baton.store.DeadLetterStatus;
import io.baton.sync.DeadLetterRetry;
import io.baton.sync.RecordResync;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The dead-letter API behind the admin's basic auth (the demo profile's admin/demo). */
@WebMvcTest(DeadLettersController.class)
@Import({AdminSecurity.class, AdminApiErrors.class})
@EnableConfigurationProperties(AdminProperties.class)
@ActiveProfiles("demo")
class DeadLettersControllerTest {

    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");
    private static final Set<DeadLetterStatus> UNRESOLVED = EnumSet.of(DeadLetterStatus.OPEN, DeadLetterStatus.PARKED);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DeadLetterRepository deadLetters;

    @MockitoBean
    DeadLetterRetry retry;

    static DeadLetter letter(long id, DeadLetterStatus status, String category, String code) {
        return new DeadLetter(id, RecordRef.hubspotContact("77"), "hubspot:contacts", Optional.of("SALESFORCE Lead {}"),
                Optional.of(code), code + ": Email: invalid email address: x@y (hubspot:contact:77 → salesforce:Lead:new)",
                category, 3, NINE, NINE.plusSeconds(120), status == DeadLetterStatus.OPEN
                ? Optional.of(NINE.plusSeconds(600)) : Optional.empty(), status, Optional.empty());
    }

    @Test
    void withoutCredentialsNothingIsListedOrReplayed() throws Exception {
        mvc.perform(get("/api/dead-letters")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/dead-letters/1/replay")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/dead-letters/replay").header("Authorization", "Basic YWRtaW46d3Jvbmc="))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aReplayAnotherSitesPageStartsIsRefusedEvenWithTheAdminsCredentials() throws Exception {
        mvc.perform(post("/api/dead-letters/1/replay").header("Authorization", ADMIN)
                        .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theListShowsEachLettersFieldsWithTotalAndPaging() throws Exception {
        given(deadLetters.list(UNRESOLVED, Optional.empty(), 1, 2)).willReturn(new DeadLetter.Page(
                List.of(letter(5, DeadLetterStatus.OPEN, "RETRIABLE", "UNABLE_TO_LOCK_ROW"),
                        letter(6, DeadLetterStatus.PARKED, "RETRIABLE", "UNABLE_TO_LOCK_ROW")), 5, 1, 2));

        mvc.perform(get("/api/dead-letters?page=1&size=2").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.pages").value(3))
                .andExpect(jsonPath("$.deadLetters[0].id").value(5))
                .andExpect(jsonPath("$.deadLetters[0].system").value("HUBSPOT"))
                .andExpect(jsonPath("$.deadLetters[0].recordType").value("contact"))
                .andExpect(jsonPath("$.deadLetters[0].recordId").value("77"))
                .andExpect(jsonPath("$.deadLetters[0].stream").value("hubspot:contacts"))
                .andExpect(jsonPath("$.deadLetters[0].errorClass").value("RETRIABLE"))
                .andExpect(jsonPath("$.deadLetters[0].errorCode").value("UNABLE_TO_LOCK_ROW"))
                .andExpect(jsonPath("$.deadLetters[0].attempts").value(3))
                .andExpect(jsonPath("$.deadLetters[0].firstFailed").value("2026-03-03T09:00:00Z"))
                .andExpect(jsonPath("$.deadLetters[0].lastFailed").value("2026-03-03T09:02:00Z"))
                .andExpect(jsonPath("$.deadLetters[0].nextAttempt").value("2026-03-03T09:10:00Z"))
                .andExpect(jsonPath("$.deadLetters[0].status").value("OPEN"))
                .andExpect(jsonPath("$.deadLetters[1].status").value("PARKED"))
                .andExpect(jsonPath("$.deadLetters[1].payload").doesNotExist());
    }

    @Test
    void statusAndClassFilterTheList() throws Exception {
        given(deadLetters.list(EnumSet.of(DeadLetterStatus.PARKED, DeadLetterStatus.REPLAYED), Optional.of("RECORD"), 0, 50))
                .willReturn(new DeadLetter.Page(List.of(letter(9, DeadLetterStatus.REPLAYED, "RECORD", "X")), 1, 0, 50));

        mvc.perform(get("/api/dead-letters?status=parked,REPLAYED&class=record").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.deadLetters[0].id").value(9));
    }

    @Test
    void badParametersAnswer400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/dead-letters?status=STUCK").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("status: unknown status 'STUCK'")));
        mvc.perform(get("/api/dead-letters?class=OOPS").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("class: unknown error class 'OOPS'")));
        mvc.perform(get("/api/dead-letters?size=500").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("size 1..200")));
        mvc.perform(get("/api/dead-letters/abc").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("id must be a whole number (was 'abc')"));
        mvc.perform(post("/api/dead-letters/replay?status=REPLAYED").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("status: only OPEN and PARKED")));
    }

    @Test
    void anUnknownIdAnswers404NamingIt() throws Exception {
        given(deadLetters.find(42)).willReturn(Optional.empty());
        given(retry.replay(42)).willReturn(Optional.empty());

        mvc.perform(get("/api/dead-letters/42").header("Authorization", ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.message").value("no dead letter with id 42"));
        mvc.perform(post("/api/dead-letters/42/replay").header("Authorization", ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("no dead letter with id 42"));
        mvc.perform(post("/api/dead-letters/42/discard").header("Authorization", ADMIN))
                .andExpect(status().isNotFound());
    }

    @Test
    void oneLetterShowsItsPayload() throws Exception {
        given(deadLetters.find(5)).willReturn(Optional.of(letter(5, DeadLetterStatus.OPEN, "RECORD", "INVALID_EMAIL_ADDRESS")));

        mvc.perform(get("/api/dead-letters/5").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errorCode").value("INVALID_EMAIL_ADDRESS"))
                .andExpect(jsonPath("$.payload").value("SALESFORCE Lead {}"));
    }

    @Test
    void aReplayAnswersTheRecordsOutcomeAndTheLetterAfterIt() throws Exception {
        DeadLetter closed = letter(5, DeadLetterStatus.REPLAYED, "RETRIABLE", "UNABLE_TO_LOCK_ROW");
        given(retry.replay(5)).willReturn(Optional.of(new DeadLetterRetry.Replayed(closed, new RecordResync.Outcome("5",
                Optional.of(RecordRef.hubspotContact("77")), RecordResync.Status.SYNCED, Optional.empty()))));

        mvc.perform(post("/api/dead-letters/5/replay").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("synced"))
                .andExpect(jsonPath("$.recordId").value("77"))
                .andExpect(jsonPath("$.deadLetter.status").value("REPLAYED"));
    }

    @Test
    void replayingAllAnswersCountsPerOutcome() throws Exception {
        given(retry.replayAll(UNRESOLVED, Optional.of("RETRIABLE"))).willReturn(Map.of(RecordResync.Status.SYNCED, 4,
                RecordResync.Status.FAILED, 1));

        mvc.perform(post("/api/dead-letters/replay?class=RETRIABLE").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.synced").value(4))
                .andExpect(jsonPath("$.failed").value(1));
    }

    @Test
    void discardingAResolvedLetterIsAConflict() throws Exception {
        given(deadLetters.find(5)).willReturn(Optional.of(letter(5, DeadLetterStatus.REPLAYED, "RECORD", "X")));
        given(deadLetters.discard(5)).willReturn(false);

        mvc.perform(post("/api/dead-letters/5/discard").header("Authorization", ADMIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("dead letter 5 is already REPLAYED"));
    }

    @Test
    void discardingAnOpenLetterAnswersItDiscarded() throws Exception {
        given(deadLetters.find(5)).willReturn(Optional.of(letter(5, DeadLetterStatus.OPEN, "RECORD", "X")),
                Optional.of(letter(5, DeadLetterStatus.DISCARDED, "RECORD", "X")));
        given(deadLetters.discard(any(Long.class))).willReturn(true);

        mvc.perform(post("/api/dead-letters/5/discard").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISCARDED"));
    }
}
