package io.baton.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailMatchTest {

    private static CrmRecord lead(String id, String modified) {
        return new CrmRecord(RecordRef.salesforce("Lead", id), Instant.parse(modified), Map.of());
    }

    @Test
    void theMostRecentlyModifiedRecordIsPairedAndTheOthersAreItsDuplicates() {
        CrmRecord old = lead("00Q1", "2026-01-01T00:00:00Z");
        CrmRecord newest = lead("00Q2", "2026-03-01T00:00:00Z");
        CrmRecord middle = lead("00Q3", "2026-02-01T00:00:00Z");

        EmailMatch match = EmailMatch.newest(List.of(old, newest, middle)).orElseThrow();

        assertThat(match.paired()).isEqualTo(newest);
        assertThat(match.duplicates()).containsExactly(middle, old);
        assertThat(EmailMatch.newest(List.of())).isEmpty();
    }

    @Test
    void emailsMatchTrimmedAndIgnoringCase() {
        assertThat(Emails.key("  Ann.Lee@Example.COM ")).isEqualTo("ann.lee@example.com");
        assertThat(Emails.normalised(" ")).isEmpty();
        assertThat(Emails.key(null)).isEmpty();
    }
}
