package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.core.record.SyncCursor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SOQL text of the change query and its literals (API-REFERENCE.md B.2), without any I/O. */
class ChangeQueryTest {

    @Test
    void datetimeLiteralsAreUtcWithMillisecondsAndZ() {
        assertThat(SoqlLiterals.dateTime(Instant.parse("2026-03-02T10:00:00Z"))).isEqualTo("2026-03-02T10:00:00.000Z");
        assertThat(SoqlLiterals.dateTime(Instant.parse("2026-03-02T10:00:00.123456Z")))
                .isEqualTo("2026-03-02T10:00:00.123Z");
    }

    @Test
    void stringLiteralsEscapeQuotesAndBackslashes() {
        assertThat(SoqlLiterals.string("00QRO0000000001AAA")).isEqualTo("'00QRO0000000001AAA'");
        assertThat(SoqlLiterals.string("a'b\\c")).isEqualTo("'a\\'b\\\\c'");
        assertThat(SoqlLiterals.string("x' OR Id != '")).isEqualTo("'x\\' OR Id != \\''");
    }

    @Test
    void aCursorIdIsQuotedAndEscapedInTheQuery() {
        SyncCursor odd = new SyncCursor(Instant.parse("2026-03-02T10:00:00Z"), "00Q'x");
        assertThat(ChangeQuery.soql("Lead", odd, List.of(), 10))
                .contains("AND Id > '00Q\\'x') ORDER BY SystemModstamp, Id LIMIT 10");
    }

    @Test
    void aSettledBoundKeepsRowsStampedLaterForALaterRead() {
        SyncCursor cursor = new SyncCursor(Instant.parse("2026-03-02T10:00:00Z"), "00Q000000000001AAA");
        assertThat(ChangeQuery.soql("Contact", cursor, List.of(), 10,
                java.util.Optional.of(Instant.parse("2026-03-02T10:05:00Z"))))
                .endsWith("WHERE (SystemModstamp > 2026-03-02T10:00:00.000Z OR (SystemModstamp = 2026-03-02T10:00:00.000Z"
                        + " AND Id > '00Q000000000001AAA')) AND SystemModstamp <= 2026-03-02T10:05:00.000Z"
                        + " ORDER BY SystemModstamp, Id LIMIT 10");
    }

    @Test
    void fieldNamesThatAreNotApiNamesAreRefused() {
        assertThatThrownBy(() -> ChangeQuery.soql("Lead", SyncCursor.BEGINNING, List.of("Email FROM User --"), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeQuery.soql("Lead", SyncCursor.BEGINNING, List.of("Id,Name"), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SoqlLiterals.name("Owner.Email")).isEqualTo("Owner.Email");
        assertThat(SoqlLiterals.name("Baton_HubSpot_Id__c")).isEqualTo("Baton_HubSpot_Id__c");
    }

    @Test
    void onlyLeadContactAndOpportunityHaveAChangeStream() {
        assertThatThrownBy(() -> ChangeQuery.soql("Account", SyncCursor.BEGINNING, List.of(), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Account");
        assertThat(ChangeQuery.soql("Opportunity", SyncCursor.BEGINNING, List.of("IsWon"), 10))
                .as("an Opportunity cannot be merged: no MasterRecordId")
                .startsWith("SELECT Id, SystemModstamp, IsDeleted, IsWon FROM Opportunity");
    }

    @Test
    void columnsTheStreamAlreadySelectsAreNotSelectedTwice() {
        assertThat(ChangeQuery.columns("Lead", List.of("id", "Email", "isconverted", "Email")))
                .containsExactly("Id", "SystemModstamp", "IsDeleted", "MasterRecordId", "Email", "isconverted",
                        "ConvertedContactId");
        assertThat(ChangeQuery.columns("Contact", List.of("Email")))
                .containsExactly("Id", "SystemModstamp", "IsDeleted", "MasterRecordId", "Email");
    }
}
