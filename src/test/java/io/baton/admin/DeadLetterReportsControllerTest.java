package io.baton.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.baton.config.AdminProperties;
import io.baton.core.record.RecordRef;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterRepository;
import io.baton.store.DeadLetterStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The dead letters per error class and their CSV export, behind the admin's basic auth. */
@WebMvcTest(DeadLetterReportsController.class)
@Import({AdminSecurity.class, AdminApiErrors.class})
@EnableConfigurationProperties(AdminProperties.class)
@ActiveProfiles("demo")
class DeadLetterReportsControllerTest {

    private static final String ADMIN = AdminCredentials.ADMIN;
    private static final String WRONG = "Basic YWRtaW46d3Jvbmc=";
    private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DeadLetterRepository deadLetters;

    private static DeadLetter letter(long id, String reason) {
        return new DeadLetter(id, RecordRef.salesforce("Lead", "00Q" + id), "salesforce:Lead", Optional.empty(),
                Optional.of("INVALID_EMAIL"), reason, "RECORD", 1, NINE, NINE, Optional.empty(), DeadLetterStatus.OPEN,
                Optional.empty());
    }

    @Test
    void withoutOrWithWrongCredentialsNothingIsCountedOrExported() throws Exception {
        AdminCredentials.refusedWithoutOrWithWrongCredentials(mvc, get("/api/dead-letters/classes"),
                get("/api/dead-letters/export.csv"), get("/api/dead-letters/export.csv?status=STUCK"));
    }

    @Test
    void classesShowLettersOpenParkedAndRecordsWithTheTotal() throws Exception {
        given(deadLetters.countUnresolvedByClass()).willReturn(List.of(new DeadLetter.ClassCount("RECORD", 7, 1, 6),
                new DeadLetter.ClassCount("RETRIABLE", 0, 2, 2)));

        mvc.perform(get("/api/dead-letters/classes").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.letters").value(10))
                .andExpect(jsonPath("$.classes.length()").value(2))
                .andExpect(jsonPath("$.classes[0].errorClass").value("RECORD"))
                .andExpect(jsonPath("$.classes[0].letters").value(8))
                .andExpect(jsonPath("$.classes[0].open").value(7))
                .andExpect(jsonPath("$.classes[0].parked").value(1))
                .andExpect(jsonPath("$.classes[0].records").value(6))
                .andExpect(jsonPath("$.classes[1].errorClass").value("RETRIABLE"));
    }

    @Test
    void theExportQuotesReasonsWithCommasQuotesAndLineBreaks() throws Exception {
        given(deadLetters.after(0, EnumSet.of(DeadLetterStatus.OPEN, DeadLetterStatus.PARKED), Optional.empty(),
                DeadLetterReportsController.EXPORT_PAGE)).willReturn(List.of(
                letter(3, "Email: invalid, \"x@y\"\nsecond line"), letter(4, "plain")));

        String csv = mvc.perform(get("/api/dead-letters/export.csv").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("dead-letters.csv")))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "id,status,errorClass,errorCode,system,recordType,recordId,stream,attempts,firstFailed,lastFailed,"
                        + "nextAttempt,resolved,reason",
                "3,OPEN,RECORD,INVALID_EMAIL,SALESFORCE,Lead,00Q3,salesforce:Lead,1,2026-03-03T09:00:00Z,"
                        + "2026-03-03T09:00:00Z,,,\"Email: invalid, \"\"x@y\"\"\nsecond line\"",
                "4,OPEN,RECORD,INVALID_EMAIL,SALESFORCE,Lead,00Q4,salesforce:Lead,1,2026-03-03T09:00:00Z,"
                        + "2026-03-03T09:00:00Z,,,plain",
                "");
    }

    @Test
    void theExportWalksEveryPageOfTheFilteredLetters() throws Exception {
        List<DeadLetter> full = IntStream.range(1, DeadLetterReportsController.EXPORT_PAGE + 1).mapToObj(i -> letter(i, "r"))
                .toList();
        EnumSet<DeadLetterStatus> replayed = EnumSet.of(DeadLetterStatus.REPLAYED);
        given(deadLetters.after(0, replayed, Optional.of("RECORD"), 500)).willReturn(full);
        given(deadLetters.after(500, replayed, Optional.of("RECORD"), 500)).willReturn(List.of(letter(900, "last")));

        String csv = mvc.perform(get("/api/dead-letters/export.csv?status=replayed&class=record")
                        .header("Authorization", ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(csv.split("\r\n")).hasSize(1 + 501);
        assertThat(csv).contains("\r\n900,");
    }

    @Test
    void badFiltersAnswer400AsJsonBeforeAnyCsv() throws Exception {
        mvc.perform(get("/api/dead-letters/export.csv?status=STUCK").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.startsWith("status: unknown status 'STUCK'")));
        mvc.perform(get("/api/dead-letters/export.csv?class=OOPS").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.startsWith("class: unknown error class 'OOPS'")));
    }
}
