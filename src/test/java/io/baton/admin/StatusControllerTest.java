package io.baton.admin;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.core.record.Side;
import io.baton.core.record.SyncCursor;
import io.baton.resilience.ApiGuard;
import io.baton.resilience.ApiGuards;
import io.baton.store.DeadLetterRepository;
import io.baton.store.RecordLinkRepository;
import io.baton.store.SyncCursorRepository;
import io.baton.sync.StreamStatus;
import io.baton.sync.SyncLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/status}: the streams as before, and each CRM's API budget, behind the admin's basic auth. */
@WebMvcTest(StatusController.class)
@Import({AdminSecurity.class, StatusControllerTest.Guards.class})
@EnableConfigurationProperties(AdminProperties.class)
@ActiveProfiles("demo")
class StatusControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");

    /** Real guards without limits: HubSpot has made three calls and said its limit; Salesforce has not yet. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Guards {
        @Bean
        ApiGuards guards() {
            ApiGuard hubspot = ApiGuard.unguarded(Side.HUBSPOT);
            for (int i = 0; i < 3; i++) {
                hubspot.allocation().counted();
            }
            hubspot.allocation().observed(250_000, 249_000);
            return new ApiGuards(hubspot, ApiGuard.unguarded(Side.SALESFORCE));
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SyncLoop sync;

    @MockitoBean
    io.baton.sync.Rebaseline rebaseline;

    @MockitoBean
    SyncCursorRepository cursors;

    @MockitoBean
    RecordLinkRepository links;

    @MockitoBean
    DeadLetterRepository deadLetters;

    @Test
    void withoutOrWithWrongCredentialsTheStatusIsRefused() throws Exception {
        AdminCredentials.refusedWithoutOrWithWrongCredentials(mvc, get("/api/status"));
    }

    @Test
    void theStatusKeepsItsStreamsAndAddsEachSystemsBudgetUsedAgainstAllocated() throws Exception {
        given(sync.status()).willReturn(List.of(new StreamStatus("hubspot:contacts", Optional.of(NOW.minusSeconds(60)),
                Optional.empty(), 120, 4, 80, 2, 0, OptionalLong.of(380), 12.5, Optional.of(Duration.ofSeconds(30)),
                Optional.empty())));
        given(cursors.findAll()).willReturn(Map.of("hubspot:contacts", new SyncCursor(NOW.minusSeconds(90), "41")));
        given(deadLetters.countOpen()).willReturn(3L);
        given(deadLetters.countUnresolved()).willReturn(5L);

        mvc.perform(get("/api/status").header("Authorization", AdminCredentials.ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.streams[0].stream").value("hubspot:contacts"))
                .andExpect(jsonPath("$.streams[0].lagSeconds").value(90))
                .andExpect(jsonPath("$.streams[0].remaining").value(380))
                .andExpect(jsonPath("$.streams[0].etaSeconds").value(30))
                .andExpect(jsonPath("$.streams[0].recordsPerSecond").value(12.5))
                .andExpect(jsonPath("$.streams[0].writes.salesforce").value(80))
                .andExpect(jsonPath("$.deadLettersOpen").value(3))
                .andExpect(jsonPath("$.deadLettersParked").value(2))
                .andExpect(jsonPath("$.links").exists())
                .andExpect(jsonPath("$.apiBudget.length()").value(2))
                .andExpect(jsonPath("$.apiBudget[0].system").value("hubspot"))
                .andExpect(jsonPath("$.apiBudget[0].used").value(3))
                .andExpect(jsonPath("$.apiBudget[0].allocated").value(250_000))
                .andExpect(jsonPath("$.apiBudget[1].system").value("salesforce"))
                .andExpect(jsonPath("$.apiBudget[1].used").value(0))
                .andExpect(jsonPath("$.apiBudget[1].allocated").value(Matchers.nullValue()));
    }
}
