package io.baton.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.sandbox.salesforce.soql.SoqlException;
import io.baton.sandbox.salesforce.soql.SoqlParser;
import io.baton.sandbox.salesforce.soql.SoqlQuery;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Pure parser tests: the SOQL subset of API-REFERENCE B.2/E.2. */
class SoqlParserTest {

    @Test
    void parsesTheIncrementalSyncQuery() {
        SoqlQuery q = SoqlParser.parse("SELECT Id, Email, SystemModstamp FROM Lead "
                + "WHERE SystemModstamp > 2024-06-01T00:00:00Z ORDER BY SystemModstamp, Id LIMIT 500");
        assertThat(q.fields()).extracting(SoqlQuery.FieldRef::name).containsExactly("Id", "Email", "SystemModstamp");
        assertThat(q.from()).isEqualTo("Lead");
        SoqlQuery.Compare where = (SoqlQuery.Compare) q.where();
        assertThat(where.op()).isEqualTo(">");
        assertThat(where.value().value()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(q.orderBy()).hasSize(2);
        assertThat(q.limit()).isEqualTo(500);
    }

    @Test
    void parsesSalesforceStyleDateTimesDatesAndOperators() {
        SoqlQuery q = SoqlParser.parse("select id from lead where (SystemModstamp >= 2026-01-01T00:00:00.000+0000 "
                + "or ConvertedDate = 2026-01-02) and not Status in ('A','B') and Email like '%@acme.com' "
                + "and Company != null and IsConverted = false and Name NOT IN ('x') "
                + "order by Email desc nulls last, Id asc nulls first limit 10 offset 5");
        SoqlQuery.And and = (SoqlQuery.And) q.where();
        assertThat(and.parts()).hasSize(6);
        SoqlQuery.Or or = (SoqlQuery.Or) and.parts().get(0);
        assertThat(((SoqlQuery.Compare) or.parts().get(0)).value().value())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(((SoqlQuery.Compare) or.parts().get(1)).value().value()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(and.parts().get(1)).isInstanceOf(SoqlQuery.Not.class);
        assertThat(and.parts().get(2)).isInstanceOf(SoqlQuery.Like.class);
        assertThat(((SoqlQuery.In) and.parts().get(5)).negated()).isTrue();
        assertThat(q.orderBy().get(0).descending()).isTrue();
        assertThat(q.orderBy().get(0).nullsFirst()).isFalse();
        assertThat(q.offset()).isEqualTo(5);
    }

    @Test
    void parsesCountAndEscapedStrings() {
        SoqlQuery count = SoqlParser.parse("SELECT COUNT() FROM Lead WHERE IsConverted = false");
        assertThat(count.count()).isEqualTo(new SoqlQuery.Count(null));  // COUNT(): totalSize only, no field
        assertThat(count.fields()).isEmpty();
        assertThat(count.from()).isEqualTo("Lead");
        assertThat(((SoqlQuery.Compare) count.where()).field().name()).isEqualTo("IsConverted");
        SoqlQuery.Count byField = SoqlParser.parse("SELECT COUNT(Email) FROM Lead").count();
        assertThat(byField.field()).isEqualTo(new SoqlQuery.FieldRef("Email", 14));
        assertThat(SoqlParser.parse("SELECT Id FROM Lead").count()).isNull();
        SoqlQuery q = SoqlParser.parse("SELECT Id FROM Lead WHERE LastName = 'O\\'Brien'");
        assertThat(((SoqlQuery.Compare) q.where()).value().value()).isEqualTo("O'Brien");
    }

    @Test
    void syntaxErrorsAreMalformedQueryWithThePosition() {
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id Lead"))
                .isInstanceOfSatisfying(SoqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(e.getMessage()).contains("ERROR at Row:1:Column:11").contains("unexpected token: 'Lead'");
                });
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Lead WHERE Email = 'open"))
                .isInstanceOf(SoqlException.class);
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Lead LIMIT ten"))
                .isInstanceOf(SoqlException.class);
    }
}
