package io.baton.admin;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.store.Alert;
import io.baton.store.AlertKind;
import io.baton.store.AlertRepository;
import io.baton.store.AlertStatus;
import io.baton.store.CoveredFlag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/alerts} behind the admin's basic auth (the demo profile's admin/demo). */
@WebMvcTest(AlertsController.class)
@Import({AdminSecurity.class, AdminApiErrors.class})
@EnableConfigurationProperties(AdminProperties.class)
@ActiveProfiles("demo")
class AlertsControllerTest {

    private static final String ADMIN = basic("admin", "demo");
    private static final Instant EIGHT = Instant.parse("2026-03-03T07:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AlertRepository alerts;

    @Test
    void withoutCredentialsTheAlertsAreRefused() throws Exception {
        mvc.perform(get("/api/alerts")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/alerts").header("Authorization", basic("admin", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void eachAlertShowsTimeKindRecipientsSubjectStatusAttemptsAndFlags() throws Exception {
        given(alerts.count()).willReturn(3L);
        given(alerts.page(0, 50)).willReturn(List.of(
                new Alert(7, AlertKind.ESCALATION, Optional.empty(), List.of("boss@x.io", "revops@x.io"),
                        "Baton escalation: 1 lead open past 2× the SLA", "t", "h", EIGHT, AlertStatus.SENT, 2,
                        Optional.of(EIGHT.plusSeconds(60)), Optional.empty(), Optional.empty(),
                        List.of(new CoveredFlag(11, 2))),
                new Alert(6, AlertKind.DIGEST, Optional.of("morning"), List.of("rep@x.io"), "Baton morning digest",
                        "t", "h", EIGHT, AlertStatus.FAILED, 1, Optional.empty(), Optional.of(EIGHT.plusSeconds(60)),
                        Optional.of("MailSendException: Connection refused"), List.of(new CoveredFlag(11, 2),
                                new CoveredFlag(12, 1)))));

        mvc.perform(get("/api/alerts").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.alerts[0].time").value("2026-03-03T07:01:00Z"))
                .andExpect(jsonPath("$.alerts[0].kind").value("ESCALATION"))
                .andExpect(jsonPath("$.alerts[0].recipients[1]").value("revops@x.io"))
                .andExpect(jsonPath("$.alerts[0].subject").value("Baton escalation: 1 lead open past 2× the SLA"))
                .andExpect(jsonPath("$.alerts[0].status").value("SENT"))
                .andExpect(jsonPath("$.alerts[0].attempts").value(2))
                .andExpect(jsonPath("$.alerts[0].flagIds[0]").value(11))
                .andExpect(jsonPath("$.alerts[0].flags[0].level").value(2))
                .andExpect(jsonPath("$.alerts[1].time").value("2026-03-03T07:00:00Z"))
                .andExpect(jsonPath("$.alerts[1].digest").value("morning"))
                .andExpect(jsonPath("$.alerts[1].error").value("MailSendException: Connection refused"))
                .andExpect(jsonPath("$.alerts[1].flagIds.length()").value(2))
                .andExpect(jsonPath("$.alerts[1].text").doesNotExist());
    }

    @Test
    void pagesAreAskedForByNumberAndSizeUpToTheMaximum() throws Exception {
        given(alerts.count()).willReturn(450L);
        given(alerts.page(2, AlertsController.MAX_SIZE)).willReturn(List.of());

        mvc.perform(get("/api/alerts?page=2&size=" + AlertsController.MAX_SIZE).header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(AlertsController.MAX_SIZE))
                .andExpect(jsonPath("$.total").value(450))
                .andExpect(jsonPath("$.alerts.length()").value(0));
    }

    @Test
    void aPageOutsideTheLimitsIsABadRequestNamingThem() throws Exception {
        for (String query : new String[] {"page=-1", "size=0", "size=" + (AlertsController.MAX_SIZE + 1)}) {
            mvc.perform(get("/api/alerts?" + query).header("Authorization", ADMIN))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(containsString(
                            "size 1.." + AlertsController.MAX_SIZE)));
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
