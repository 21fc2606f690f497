package io.baton.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.sandbox.salesforce.soql.SoqlEvaluator;
import io.baton.sandbox.salesforce.soql.SoqlException;
import io.baton.sandbox.salesforce.soql.SoqlParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure evaluator tests over hand-made rows. */
class SoqlEvaluatorTest {

    private final SoqlEvaluator evaluator = new SoqlEvaluator(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"),
            ZoneOffset.UTC));

    private static Map<String, Object> lead(String id, String email, String status, String modstamp,
                                            LocalDate lastActivity) {
        Map<String, Object> row = new HashMap<>();
        row.put("Id", id);
        row.put("Email", email);
        row.put("Status", status);
        row.put("IsConverted", false);
        row.put("SystemModstamp", Instant.parse(modstamp));
        row.put("LastActivityDate", lastActivity);
        return row;
    }

    /** LastActivityDate relative to the clock's 2026-03-02: today, yesterday, 10 days ago, none. */
    private final List<Map<String, Object>> rows = List.of(
            lead("00QRO0000000001AAA", "ann@acme.com", "Open - Not Contacted", "2026-01-01T00:00:00Z",
                    LocalDate.of(2026, 3, 2)),
            lead("00QRO0000000002AAA", "BOB@acme.com", "Working - Contacted", "2026-01-01T00:00:00Z",
                    LocalDate.of(2026, 3, 1)),
            lead("00QRO0000000003AAA", null, "Working - Contacted", "2026-02-01T00:00:00Z", LocalDate.of(2026, 2, 20)),
            lead("00QRO0000000004AAA", "dee@other.org", "Closed - Not Converted", "2026-03-01T12:00:00Z", null));

    private List<Object> ids(String soql) {
        return evaluator.run(evaluator.plan(SoqlParser.parse(soql)), rows).stream().map(r -> r.get("Id")).toList();
    }

    @Test
    void comparesDateTimesAndOrdersByModstampThenId() {
        assertThat(ids("SELECT Id FROM Lead WHERE SystemModstamp > 2026-01-01T00:00:00.000+0000 "
                + "ORDER BY SystemModstamp DESC, Id")).containsExactly("00QRO0000000004AAA", "00QRO0000000003AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE SystemModstamp >= 2026-01-01T00:00:00Z ORDER BY SystemModstamp, Id"))
                .hasSize(4).first().isEqualTo("00QRO0000000001AAA");
    }

    @Test
    void textComparisonsAndLikeAreCaseInsensitive() {
        assertThat(ids("SELECT Id FROM Lead WHERE Email = 'bob@ACME.com'")).containsExactly("00QRO0000000002AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE Email LIKE '%@acme.COM' ORDER BY Id")).hasSize(2);
        assertThat(ids("SELECT Id FROM Lead WHERE Email LIKE '_ee@%'")).containsExactly("00QRO0000000004AAA");
    }

    @Test
    void inNotInNullsAndBooleanLogic() {
        assertThat(ids("SELECT Id FROM Lead WHERE Status IN ('Working - Contacted') ORDER BY Id")).hasSize(2);
        assertThat(ids("SELECT Id FROM Lead WHERE Status NOT IN ('Working - Contacted') ORDER BY Id")).hasSize(2);
        assertThat(ids("SELECT Id FROM Lead WHERE Email = null")).containsExactly("00QRO0000000003AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE Email != null AND (Status = 'Open - Not Contacted' OR "
                + "Status = 'Closed - Not Converted') ORDER BY Id")).containsExactly("00QRO0000000001AAA",
                "00QRO0000000004AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE NOT Email = null AND IsConverted = false")).hasSize(3);
        assertThat(ids("SELECT Id FROM Lead WHERE Id = '00QRO0000000001'")).isEmpty();
    }

    @Test
    void nullsOrderingLimitAndOffset() {
        assertThat(ids("SELECT Id FROM Lead ORDER BY Email")).first().isEqualTo("00QRO0000000003AAA");
        assertThat(ids("SELECT Id FROM Lead ORDER BY Email NULLS LAST")).last().isEqualTo("00QRO0000000003AAA");
        assertThat(ids("SELECT Id FROM Lead ORDER BY Email DESC")).last().isEqualTo("00QRO0000000003AAA");
        assertThat(ids("SELECT Id FROM Lead ORDER BY Id LIMIT 2 OFFSET 1"))
                .containsExactly("00QRO0000000002AAA", "00QRO0000000003AAA");
    }

    @Test
    void relativeDateLiteralsOnDateTimes() {
        // LAST_N_DAYS:1 on 2026-03-02 covers 2026-03-01T00:00Z up to the end of today.
        assertThat(ids("SELECT Id FROM Lead WHERE SystemModstamp = LAST_N_DAYS:1")).containsExactly("00QRO0000000004AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE SystemModstamp = YESTERDAY")).containsExactly("00QRO0000000004AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE SystemModstamp = TODAY")).isEmpty();
        assertThat(ids("SELECT Id FROM Lead WHERE SystemModstamp < LAST_N_DAYS:1 ORDER BY Id"))
                .containsExactly("00QRO0000000001AAA", "00QRO0000000002AAA", "00QRO0000000003AAA");
    }

    @Test
    void relativeDateLiteralsOnDates() {
        assertThat(ids("SELECT Id FROM Lead WHERE LastActivityDate = TODAY")).containsExactly("00QRO0000000001AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE LastActivityDate = YESTERDAY")).containsExactly("00QRO0000000002AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE LastActivityDate = LAST_N_DAYS:1 ORDER BY Id"))
                .containsExactly("00QRO0000000001AAA", "00QRO0000000002AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE LastActivityDate = LAST_N_DAYS:30 ORDER BY Id"))
                .containsExactly("00QRO0000000001AAA", "00QRO0000000002AAA", "00QRO0000000003AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE LastActivityDate < TODAY ORDER BY Id"))
                .containsExactly("00QRO0000000002AAA", "00QRO0000000003AAA");
        assertThat(ids("SELECT Id FROM Lead WHERE LastActivityDate = null")).containsExactly("00QRO0000000004AAA");
    }

    @Test
    void unknownFieldsTypesAndWrongLiteralTypesAreRefused() {
        assertThatThrownBy(() -> evaluator.plan(SoqlParser.parse("SELECT Foo FROM Lead")))
                .isInstanceOfSatisfying(SoqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                    assertThat(e.getMessage()).isEqualTo("\nSELECT Foo FROM Lead\n       ^\nERROR at Row:1:Column:8\n"
                            + "No such column 'Foo' on entity 'Lead'. If you are attempting to use a custom field, be sure"
                            + " to append the '__c' after the custom field name. Please reference your WSDL or the describe"
                            + " call for the appropriate names.");
                });
        assertThatThrownBy(() -> evaluator.plan(SoqlParser.parse("SELECT Id FROM Widget")))
                .isInstanceOfSatisfying(SoqlException.class, e -> assertThat(e.errorCode()).isEqualTo("INVALID_TYPE"));
        assertThatThrownBy(() -> evaluator.plan(SoqlParser.parse("SELECT Id FROM Lead WHERE SystemModstamp > '2026-01-01'")))
                .isInstanceOfSatisfying(SoqlException.class, e -> assertThat(e.getMessage())
                        .contains("must be of type dateTime and should not be enclosed in quotes"));
        assertThatThrownBy(() -> evaluator.plan(SoqlParser.parse("SELECT Id, id FROM Lead")))
                .isInstanceOfSatisfying(SoqlException.class, e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"));
    }
}
