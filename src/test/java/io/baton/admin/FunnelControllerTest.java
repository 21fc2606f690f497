package io.baton.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.config.LifecycleProperties;
import io.baton.store.LifecycleRepository;
import io.baton.store.LifecycleRepository.StageEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/funnel} over the shipped config/lifecycle.yml, behind the admin's basic auth. */
@WebMvcTest(FunnelController.class)
@Import({AdminSecurity.class, AdminApiErrors.class})
@EnableConfigurationProperties({AdminProperties.class, LifecycleProperties.class})
@ActiveProfiles("demo")
class FunnelControllerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LifecycleRepository lifecycle;

    @SuppressWarnings("unchecked")
    private void audit(StageEntry... entries) {
        willAnswer(call -> {
            List.of(entries).forEach(call.getArgument(2, Consumer.class));
            return null;
        }).given(lifecycle).forEachStageEntry(any(), anyInt(), any());
    }

    private static StageEntry entry(long link, String stage, long hours) {
        return new StageEntry(link, stage, T0.plus(Duration.ofHours(hours)));
    }

    @Test
    void withoutOrWithWrongCredentialsTheFunnelIsRefused() throws Exception {
        AdminCredentials.refusedWithoutOrWithWrongCredentials(mvc, get("/api/funnel"), get("/api/funnel?since=x"));
    }

    @Test
    void everyConfiguredStageInOrderThenTheExitsWithCountsConversionAndMedian() throws Exception {
        audit(entry(1, "subscriber", 0), entry(1, "lead", 2), entry(1, "mql", 3),
                entry(2, "lead", 0), entry(2, "mql", 4), entry(2, "disqualified", 5),
                entry(3, "subscriber", 1));

        mvc.perform(get("/api/funnel").header("Authorization", AdminCredentials.ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.since").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.people").value(3))
                .andExpect(jsonPath("$.stages[*].stage").value(Matchers.contains("subscriber", "lead", "mql", "sal", "sql",
                        "opportunity", "customer", "disqualified", "recycled")))
                .andExpect(jsonPath("$.stages[0].exit").value(false))
                .andExpect(jsonPath("$.stages[0].current").value(1))
                .andExpect(jsonPath("$.stages[0].reached").value(3))
                .andExpect(jsonPath("$.stages[0].conversionToNext").value(0.6667))
                .andExpect(jsonPath("$.stages[0].medianSecondsInStage").value(7200))
                .andExpect(jsonPath("$.stages[0].completedStays").value(1))
                .andExpect(jsonPath("$.stages[1].reached").value(2))
                .andExpect(jsonPath("$.stages[1].conversionToNext").value(1.0))
                .andExpect(jsonPath("$.stages[1].medianSecondsInStage").value(9000))
                .andExpect(jsonPath("$.stages[2].current").value(1))
                .andExpect(jsonPath("$.stages[2].conversionToNext").value(0.0))
                .andExpect(jsonPath("$.stages[6].conversionToNext").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.stages[7].stage").value("disqualified"))
                .andExpect(jsonPath("$.stages[7].exit").value(true))
                .andExpect(jsonPath("$.stages[7].current").value(1))
                .andExpect(jsonPath("$.stages[7].reached").value(1))
                .andExpect(jsonPath("$.stages[7].medianSecondsInStage").value(Matchers.nullValue()));
    }

    @Test
    void sinceCountsOnlyTheMovesFromThenOn() throws Exception {
        audit();

        mvc.perform(get("/api/funnel?since=2026-03-01T00:00:00Z").header("Authorization", AdminCredentials.ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.since").value("2026-03-01T00:00:00Z"))
                .andExpect(jsonPath("$.people").value(0));
        verify(lifecycle).forEachStageEntry(eq(Optional.of(Instant.parse("2026-03-01T00:00:00Z"))), anyInt(), any());
    }

    @Test
    void aSinceThatIsNoInstantAnswers400NamingIt() throws Exception {
        mvc.perform(get("/api/funnel?since=yesterday").header("Authorization", AdminCredentials.ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.message").value(Matchers.startsWith("since: must be an ISO-8601 instant")));
    }
}
