package io.baton.admin;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import io.baton.store.Conflict;
import io.baton.store.ConflictRepository;
import io.baton.store.LinkStatus;
import io.baton.store.RecordLink;
import io.baton.store.RecordLinkRepository;
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

/** {@code GET /api/conflicts} behind the admin's basic auth (the demo profile's admin/demo). */
@WebMvcTest(ConflictsController.class)
@Import(AdminSecurity.class)
@EnableConfigurationProperties(AdminProperties.class)
@ActiveProfiles("demo")
class ConflictsControllerTest {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final Instant NOON = Instant.parse("2026-03-03T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConflictRepository conflicts;

    @MockitoBean
    RecordLinkRepository links;

    @Test
    void withoutCredentialsTheConflictsAreRefused() throws Exception {
        mvc.perform(get("/api/conflicts")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/conflicts").header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8)))).andExpect(status().isUnauthorized());
    }

    @Test
    void aPageShowsTheThreeValuesRuleWinnerAndBothRecords() throws Exception {
        given(conflicts.page(Optional.empty(), 1, 2)).willReturn(List.of(
                new Conflict(9, 4, "phone", Optional.of("+1 1"), Optional.of("+1 2"), Optional.of("+1 3"), "two-way",
                        Optional.of(Side.SALESFORCE), NOON)));
        given(conflicts.count(Optional.empty())).willReturn(3L);
        given(links.findByIds(List.of(4L))).willReturn(java.util.Map.of(4L, new RecordLink(4, Optional.of("501"),
                Optional.of(new RecordRef(Side.SALESFORCE, "Lead", "00Q000000000001AAA")), Optional.of("a@x.io"),
                LinkStatus.ACTIVE, Optional.empty(), NOON, NOON, Optional.empty())));

        mvc.perform(get("/api/conflicts?page=1&size=2").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.conflicts[0].id").value(9))
                .andExpect(jsonPath("$.conflicts[0].detectedAt").value("2026-03-03T12:00:00Z"))
                .andExpect(jsonPath("$.conflicts[0].hubspotId").value("501"))
                .andExpect(jsonPath("$.conflicts[0].salesforceId").value("00Q000000000001AAA"))
                .andExpect(jsonPath("$.conflicts[0].salesforceType").value("Lead"))
                .andExpect(jsonPath("$.conflicts[0].field").value("phone"))
                .andExpect(jsonPath("$.conflicts[0].base").value("+1 1"))
                .andExpect(jsonPath("$.conflicts[0].hubspot").value("+1 2"))
                .andExpect(jsonPath("$.conflicts[0].salesforce").value("+1 3"))
                .andExpect(jsonPath("$.conflicts[0].rule").value("two-way"))
                .andExpect(jsonPath("$.conflicts[0].winner").value("SALESFORCE"));
    }

    @Test
    void oneLinksConflictsAndALinkThatIsGone() throws Exception {
        given(conflicts.page(Optional.of(7L), 0, 50)).willReturn(List.of(
                new Conflict(2, 7, "company", Optional.empty(), Optional.of("A"), Optional.of("B"),
                        "prefer-salesforce-unless-blank", Optional.empty(), NOON)));
        given(conflicts.count(Optional.of(7L))).willReturn(1L);
        given(links.findByIds(List.of(7L))).willReturn(java.util.Map.of());

        mvc.perform(get("/api/conflicts?link=7").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.conflicts[0].linkId").value(7))
                .andExpect(jsonPath("$.conflicts[0].hubspotId").doesNotExist())
                .andExpect(jsonPath("$.conflicts[0].winner").doesNotExist());
    }

    @Test
    void aPageOutsideTheLimitsIsABadRequest() throws Exception {
        mvc.perform(get("/api/conflicts?size=201").header("Authorization", ADMIN)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/conflicts?page=-1").header("Authorization", ADMIN)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/conflicts?size=0").header("Authorization", ADMIN)).andExpect(status().isBadRequest());
    }
}
