package io.baton.admin;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.core.record.CrmException;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import io.baton.sync.RecordResync;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code POST /api/records/resync}: the body checked field by field, an answer per record. */
@WebMvcTest(RecordsController.class)
@Import({AdminSecurity.class, AdminApiErrors.class})
@EnableConfigurationProperties(AdminProperties.class)
@ActiveProfiles("demo")
class RecordsControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RecordResync resync;

    private static MockHttpServletRequestBuilder resync(String body) {
        return post("/api/records/resync").header("Authorization", DeadLettersControllerTest.ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void withoutCredentialsNothingIsResynced() throws Exception {
        mvc.perform(post("/api/records/resync").contentType(MediaType.APPLICATION_JSON).content("{\"emails\":[\"a@b.io\"]}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(resync);
    }

    @Test
    void eachRecordIsAnsweredWithItsOutcomeAndCounts() throws Exception {
        given(resync.resync(List.of("101"), List.of("00Q000000000001AAA"), List.of("gone@x.io"))).willReturn(List.of(
                new RecordResync.Outcome("101", Optional.of(RecordRef.hubspotContact("101")), RecordResync.Status.SYNCED,
                        Optional.empty()),
                new RecordResync.Outcome("00Q000000000001AAA", Optional.of(RecordRef.salesforce("Lead", "00Q000000000001AAA")),
                        RecordResync.Status.FAILED, Optional.of("REQUIRED_FIELD_MISSING: Required fields are missing: [Company]")),
                new RecordResync.Outcome("gone@x.io", Optional.empty(), RecordResync.Status.NOT_FOUND,
                        Optional.of("no HubSpot contact, Salesforce Lead or Contact has the email gone@x.io"))));

        mvc.perform(resync("{\"hubspotIds\":[\"101\"],\"salesforceIds\":[\"00Q000000000001AAA\"],\"emails\":[\" gone@x.io \"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.synced").value(1))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.not_found").value(1))
                .andExpect(jsonPath("$.records[0].system").value("HUBSPOT"))
                .andExpect(jsonPath("$.records[0].outcome").value("synced"))
                .andExpect(jsonPath("$.records[1].recordType").value("Lead"))
                .andExpect(jsonPath("$.records[1].reason").value("REQUIRED_FIELD_MISSING: Required fields are missing: [Company]"))
                .andExpect(jsonPath("$.records[2].requested").value("gone@x.io"))
                .andExpect(jsonPath("$.records[2].outcome").value("not_found"));
    }

    @Test
    void aBadBodyAnswers400NamingTheField() throws Exception {
        mvc.perform(resync("{\"hubspotId\":[\"1\"]}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("hubspotId: unknown field")));
        mvc.perform(resync("{\"emails\":\"a@b.io\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("emails: must be an array of strings"));
        mvc.perform(resync("{\"salesforceIds\":[\"00Q1\", 7]}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("salesforceIds[1]: must be a non-empty string (was 7)"));
        mvc.perform(resync("{\"emails\":[]}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("give at least one record")));
        mvc.perform(resync("{\"emails\":[\"a@b.io\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("the body is not valid JSON")));
        verifyNoInteractions(resync);
    }

    @Test
    void aCrmOutageAnswers503AndSaysNothingWasCommitted() throws Exception {
        given(resync.resync(List.of("101"), List.of(), List.of())).willThrow(new CrmException(Side.HUBSPOT,
                CrmException.Kind.RETRIABLE, "RATE_LIMIT", "HubSpot answered 429"));

        mvc.perform(resync("{\"hubspotIds\":[\"101\"]}")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("nothing was committed")));
    }
}
