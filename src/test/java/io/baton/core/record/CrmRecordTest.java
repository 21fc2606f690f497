package io.baton.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmRecordTest {

    private static final Instant RECORD = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant EMAIL = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aFieldChangedWhenItsHistorySaysOtherwiseWhenTheRecordDid() {
        CrmRecord hubspot = new CrmRecord(RecordRef.hubspotContact("7"), RECORD,
                Map.of("email", "a@x.com", "firstname", "Ann"), Map.of("email", EMAIL));

        assertThat(hubspot.changedAt("email")).isEqualTo(EMAIL);
        assertThat(hubspot.changedAt("firstname")).isEqualTo(RECORD);
        assertThat(new CrmRecord(RecordRef.salesforce("Lead", "00Q1"), RECORD, Map.of()).changedAt("Email")).isEqualTo(RECORD);
    }

    @Test
    void blankAndAbsentValuesAreBothNoValue() {
        CrmRecord record = new CrmRecord(RecordRef.hubspotContact("7"), RECORD, Map.of("phone", " "));

        assertThat(record.value("phone")).isEmpty();
        assertThat(record.value("company")).isEmpty();
    }

    @Test
    void anEmptyPageKeepsItsCursorAndIsCaughtUp() {
        SyncCursor at = new SyncCursor(RECORD, "7");

        assertThat(ChangePage.empty(at).cursor()).isEqualTo(at);
        assertThat(ChangePage.empty(at).hasMore()).isFalse();
        assertThat(ChangePage.empty(at).isEmpty()).isTrue();
    }
}
