package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final DigestSchedule morning = new DigestSchedule("0 0 8 * * MON-FRI", BERLIN);

    @Test
    void nothingIsDueBeforeTheNextTickInTheCalendarsZone() {
        Instant mondayNine = Instant.parse("2026-03-02T08:00:00Z");

        assertThat(morning.dueTick(mondayNine, Instant.parse("2026-03-03T06:59:59Z"))).isEmpty();
    }

    @Test
    void theTickIsDueFromItsTimeAndNotAgainOnceSent() {
        Instant mondayNine = Instant.parse("2026-03-02T08:00:00Z");
        Instant tuesdayEight = Instant.parse("2026-03-03T07:00:00Z");

        assertThat(morning.dueTick(mondayNine, tuesdayEight)).contains(tuesdayEight);
        assertThat(morning.dueTick(mondayNine, tuesdayEight.plusSeconds(90))).contains(tuesdayEight);
        assertThat(morning.dueTick(tuesdayEight, tuesdayEight.plusSeconds(90))).isEmpty();
    }

    @Test
    void afterAnOutageOnlyTheLatestMissedTickIsDue() {
        Instant fridayNine = Instant.parse("2026-02-27T08:00:00Z");

        assertThat(morning.dueTick(fridayNine, Instant.parse("2026-03-04T10:00:00Z")))
                .contains(Instant.parse("2026-03-04T07:00:00Z"));
    }
}
