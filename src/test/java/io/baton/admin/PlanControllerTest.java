package io.baton.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.config.CandidateRules;
import io.baton.sync.PlanReport;
import io.baton.sync.Rebaseline;
import io.baton.sync.SyncPlanner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/plan} and {@code POST /api/rebaseline} behind the admin's basic auth. */
@WebMvcTest({PlanController.class, RebaselineController.class})
@Import({AdminSecurity.class, AdminApiErrors.class})
@EnableConfigurationProperties(AdminProperties.class)
@ActiveProfiles("demo")
class PlanControllerTest {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final String WRONG = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SyncPlanner planner;

    @MockitoBean
    Rebaseline rebaseline;

    private static PlanReport report(int writes) {
        return new PlanReport("current", false, Instant.parse("2026-03-03T12:00:00Z"), 42, 7,
                IntStream.range(0, writes).mapToObj(i -> new PlanReport.Write("salesforce", "Lead", "update", "00Q" + i,
                        "sync", Map.of("Title", "CTO"))).toList(),
                List.of(), List.of(new PlanReport.Move("1", "00Q1", "mql", "sal", null, "salesforce", "MOVED")),
                List.of(new PlanReport.Flag("stale", "stale-sal", "1", "00Q1", "rita@corp.example", "sal", null)),
                List.of(), List.of(), List.of(), null);
    }

    @Test
    void withoutOrWithWrongCredentialsNothingIsPlannedOrReset() throws Exception {
        mvc.perform(post("/api/plan")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/plan").header("Authorization", WRONG)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/rebaseline")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/rebaseline").header("Authorization", WRONG)).andExpect(status().isUnauthorized());
        verify(planner, never()).plan(anyBoolean());
        verify(rebaseline, never()).start();
    }

    @Test
    void aPlanWithoutABodyIsOfTheNextRunWithTotalsAndLists() throws Exception {
        given(planner.plan(false)).willReturn(report(3));

        mvc.perform(post("/api/plan").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules").value("current"))
                .andExpect(jsonPath("$.full").value(false))
                .andExpect(jsonPath("$.totals.writes").value(3))
                .andExpect(jsonPath("$.totals.writesBySystem.salesforce.update").value(3))
                .andExpect(jsonPath("$.totals.fieldsBySystem.salesforce.Title").value(3))
                .andExpect(jsonPath("$.totals.lifecycleMoves").value(1))
                .andExpect(jsonPath("$.writes[0].recordId").value("00Q0"))
                .andExpect(jsonPath("$.lifecycleMoves[0].to").value("sal"))
                .andExpect(jsonPath("$.flagsOpened[0].kind").value("stale"));
    }

    @Test
    void theLimitCapsEachListButTheTotalsCountEverything() throws Exception {
        given(planner.plan(true)).willReturn(report(5));

        mvc.perform(post("/api/plan").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"full\": true, \"limit\": 2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.writes").value(5))
                .andExpect(jsonPath("$.writes.length()").value(2))
                .andExpect(jsonPath("$.leftOut.writes").value(3));
    }

    @Test
    void badOptionsAreRefusedNamingTheField() throws Exception {
        for (String[] bad : new String[][] {
                {"[]", "the body must be a JSON object"},
                {"{\"fill\": true}", "fill: unknown field"},
                {"{\"full\": \"yes\"}", "full: must be true or false"},
                {"{\"limit\": -1}", "limit: must be a whole number from 0 to 100000"},
                {"{\"limit\": 1.5}", "limit: must be a whole number"},
                {"{\"config\": \"\"}", "config: must be the path of a folder"},
                {"{not json", "the body is not valid JSON"}}) {
            mvc.perform(post("/api/plan").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                            .content(bad[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(bad[1])));
        }
        verify(planner, never()).plan(anyBoolean());
        verify(planner, never()).plan(any(CandidateRules.class), anyBoolean());
    }

    @Test
    void aCandidateFolderThatDoesNotExistIsABadRequestWithTheProblem() throws Exception {
        mvc.perform(post("/api/plan").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"config\": \"/no/such/candidate\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("the candidate config is not valid"))
                .andExpect(jsonPath("$.problems[0]").value(org.hamcrest.Matchers.containsString("/no/such/candidate")));
    }

    @Test
    void aRebaselineIsAcceptedAndPointsAtTheStatusForProgress() throws Exception {
        given(rebaseline.start()).willReturn(4);
        given(rebaseline.startedAt()).willReturn(Optional.of(Instant.parse("2026-03-03T12:00:00Z")));

        mvc.perform(post("/api/rebaseline").header("Authorization", ADMIN))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.streamsReset").value(4))
                .andExpect(jsonPath("$.startedAt").value("2026-03-03T12:00:00Z"))
                .andExpect(jsonPath("$.progress").value("/api/status"));
    }
}
