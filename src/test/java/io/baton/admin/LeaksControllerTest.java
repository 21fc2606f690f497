package io.baton.admin;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.config.LeakageProperties;
import io.baton.core.record.RecordRef;
import io.baton.store.LeakFlag;
import io.baton.store.LeakFlagRepository;
import io.baton.store.LeakFlagStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/leaks}: open flags with their record's address in both CRMs, behind the admin's basic auth. */
@WebMvcTest(LeaksController.class)
@Import(AdminSecurity.class)
@EnableConfigurationProperties({AdminProperties.class, LeakageProperties.class})
@ActiveProfiles("demo")
@TestPropertySource(properties = {
        "baton.leakage.links.hubspot=https://hs.example/contacts/{portal}/record/0-1/{id}",
        "baton.leakage.links.hubspot-portal=4242",
        "baton.leakage.links.salesforce=https://sf.example/lightning/r/{type}/{id}/view"})
class LeaksControllerTest {

    private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LeakFlagRepository flags;

    private static LeakFlag flag(long id, Optional<String> hubspotId, Optional<RecordRef> salesforce) {
        return new LeakFlag(id, "mql-not-accepted", "mql-not-accepted", RecordRef.hubspotContact("501"), Optional.of(3L),
                Optional.of("005A"), Optional.empty(), LeakFlagStatus.OPEN, NINE, Optional.empty(),
                Optional.of(NINE.plusSeconds(3600)), 1, Optional.empty(), Optional.of("mql"), Optional.of("not accepted"),
                Optional.of("rep@example.com"), hubspotId, salesforce);
    }

    @Test
    void withoutOrWithWrongCredentialsTheLeaksAreRefused() throws Exception {
        AdminCredentials.refusedWithoutOrWithWrongCredentials(mvc, get("/api/leaks"), get("/api/leaks?size=0"));
    }

    @Test
    void eachLeakLinksItsRecordInBothCrmsAndOnlyWhereItExists() throws Exception {
        given(flags.listOpen(Optional.empty(), 0, 2)).willReturn(new LeakFlag.Page(List.of(
                flag(1, Optional.of("501"), Optional.of(RecordRef.salesforce("Lead", "00Q000000000001AAA"))),
                flag(2, Optional.of("502"), Optional.empty())), 3, 0, 2));

        mvc.perform(get("/api/leaks?size=2").header("Authorization", AdminCredentials.ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.leaks[0].kind").value("mql-not-accepted"))
                .andExpect(jsonPath("$.leaks[0].owner.email").value("rep@example.com"))
                .andExpect(jsonPath("$.leaks[0].opened").value("2026-03-03T09:00:00Z"))
                .andExpect(jsonPath("$.leaks[0].links.hubspot").value("https://hs.example/contacts/4242/record/0-1/501"))
                .andExpect(jsonPath("$.leaks[0].links.salesforce")
                        .value("https://sf.example/lightning/r/Lead/00Q000000000001AAA/view"))
                .andExpect(jsonPath("$.leaks[1].links.hubspot").value("https://hs.example/contacts/4242/record/0-1/502"))
                .andExpect(jsonPath("$.leaks[1].links.salesforce").value(Matchers.nullValue()));
    }

    @Test
    void badPagingOrKindAnswers400() throws Exception {
        mvc.perform(get("/api/leaks?size=0").header("Authorization", AdminCredentials.ADMIN))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/leaks?kind=nope").header("Authorization", AdminCredentials.ADMIN))
                .andExpect(status().isBadRequest());
    }
}
