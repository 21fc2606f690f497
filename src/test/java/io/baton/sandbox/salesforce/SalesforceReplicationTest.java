package io.baton.sandbox.salesforce;

import static io.baton.sandbox.salesforce.SalesforceTestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** B.3: /updated and /deleted from SystemModstamp, whole-minute windows, documented body names. */
class SalesforceReplicationTest {

    private final SalesforceTestServer sf = new SalesforceTestServer();

    @AfterEach
    void stop() {
        sf.close();
    }

    private static String window(String start, String end) {
        return "?start=" + SalesforceTestServer.enc(start) + "&end=" + SalesforceTestServer.enc(end);
    }

    @Test
    void updatedListsIdsModifiedInTheWindow() {
        Instant now = sf.clock.instant();
        String recent = sf.org().seed("Lead", Map.of("LastName", "A", "Company", "C"), now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1)));
        sf.org().seed("Lead", Map.of("LastName", "B", "Company", "C"), now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofDays(3)));
        var r = sf.get(API + "/sobjects/Lead/updated/" + window("2026-03-02T00:00:00+00:00", "2026-03-03T00:00:00+00:00"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("ids")).hasSize(1);
        assertThat(r.json().path("ids").get(0).asText()).isEqualTo(recent);
        // The window end is clipped to the sandbox clock: 2026-03-02T10:00.
        assertThat(r.json().path("latestDateCovered").asText()).isEqualTo("2026-03-02T10:00:00.000+0000");
    }

    @Test
    void deletedListsRecycleBinRowsWithTheirDeletedDate() {
        Instant now = sf.clock.instant();
        String gone = sf.org().seed("Lead", Map.of("LastName", "A", "Company", "C"), now.minus(Duration.ofDays(1)),
                now.minus(Duration.ofDays(1)));
        sf.clock.advance(Duration.ofMinutes(5));
        sf.org().deleteAsRep(gone);
        var sameMinute = sf.get(API + "/sobjects/Lead/deleted/" + window("2026-03-02T00:00:00Z", "2026-03-02T23:00:00Z"));
        // The current minute is not covered yet (latestDateCovered lags real time, B.3).
        assertThat(sameMinute.json().path("deletedRecords")).isEmpty();
        sf.clock.advance(Duration.ofMinutes(1));
        var r = sf.get(API + "/sobjects/Lead/deleted/" + window("2026-03-02T00:00:00Z", "2026-03-02T23:00:00Z"));
        assertThat(r.json().fieldNames()).toIterable()
                .containsExactly("deletedRecords", "earliestDateAvailable", "latestDateCovered");
        assertThat(r.json().path("deletedRecords").get(0).path("id").asText()).isEqualTo(gone);
        assertThat(r.json().path("deletedRecords").get(0).path("deletedDate").asText())
                .isEqualTo("2026-03-02T10:05:00.000+0000");
        assertThat(r.json().path("earliestDateAvailable").asText()).isEqualTo("2026-02-15T10:06:00.000+0000");
    }

    @Test
    void windowsTooFarBackOrReversedAreInvalidReplicationDates() {
        var old = sf.get(API + "/sobjects/Lead/deleted/" + window("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_REPLICATION_DATE");
        var reversed = sf.get(API + "/sobjects/Lead/updated/" + window("2026-03-02T00:00:00Z", "2026-03-01T00:00:00Z"));
        assertThat(reversed.status()).isEqualTo(400);
    }
}
