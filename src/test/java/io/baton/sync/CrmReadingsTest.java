package io.baton.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrmReadingsTest {

    @Test
    void hubSpotActivityTimesAreReadInEveryFormTheApiUses() {
        assertThat(CrmReadings.instant("1717200000000")).contains(Instant.ofEpochMilli(1717200000000L));
        assertThat(CrmReadings.instant("2024-06-01T08:00:00.000Z")).contains(Instant.parse("2024-06-01T08:00:00Z"));
        assertThat(CrmReadings.instant("2024-06-01")).contains(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(CrmReadings.instant("soon")).isEmpty();
        assertThat(CrmReadings.instant(" ")).isEmpty();
    }
}
