package io.baton.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.CrmRecord;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.http.SandboxClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the HubSpot side of pairs by id and by email, in batches, with per-field change times. */
class HubSpotLookupsTest {

    private static final String READ = "POST /crm/v3/objects/contacts/batch/read";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC));
    private Sandbox sandbox;
    private HubSpotLookups lookups;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.forTests(), clock);
        lookups = new HubSpotLookups(new HubSpotClient(new HubSpotConnection(URI.create(sandbox.hubspotUrl()), "demo-token",
                Duration.ofSeconds(10))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String seed(int i) {
        return sandbox.hubspot().store().seedContact(Map.of("email", "p" + i + "@example.com", "firstname", "P" + i,
                "lastname", "L" + i), T0, T0);
    }

    @Test
    void twoHundredFiftyIdsCostThreeReadsAndUnknownIdsAreLeftOut() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(seed(i));
        }
        ids.add("999999");

        Map<String, CrmRecord> found = lookups.byIds(ids, List.of("email", "firstname"));

        assertThat(found).hasSize(250).doesNotContainKey("999999");
        assertThat(found.get(ids.get(7)).value("firstname")).contains("P7");
        assertThat(sandbox.hubspotServer().counter().count(READ)).isEqualTo(3);
    }

    @Test
    void eachFieldCarriesItsOwnChangeTimeFromThePropertyHistory() {
        String id = seed(1);
        clock.advance(Duration.ofMinutes(5));
        sandbox.hubspot().store().setFromUi(id, Map.of("firstname", "Edited"));

        CrmRecord record = lookups.byIds(List.of(id), List.of("email", "firstname")).get(id);

        assertThat(record.changedAt("firstname")).isAfter(record.changedAt("email"));
        assertThat(record.changedAt("email")).isEqualTo(T0);
        assertThat(record.changedAt("firstname")).isEqualTo(record.modstamp());
    }

    @Test
    void aMergedAwayIdAnswersWithItsSurvivor() {
        String primary = seed(1);
        String merged = seed(2);
        sandbox.hubspot().store().merge(primary, merged);

        Map<String, CrmRecord> found = lookups.byIds(List.of(merged), List.of("email", "hs_merged_object_ids"));

        assertThat(found).containsOnlyKeys(primary);
        assertThat(found.get(primary).value("hs_merged_object_ids")).contains(merged);
    }

    @Test
    void emailsAreMatchedTrimmedAndCaseInsensitively() {
        String id = seed(3);

        Map<String, CrmRecord> found = lookups.byEmails(List.of("  P3@Example.com ", "nobody@example.com"), List.of("firstname"));

        assertThat(found).containsOnlyKeys("p3@example.com");
        assertThat(found.get("p3@example.com").ref().id()).isEqualTo(id);
        assertThat(found.get("p3@example.com").value("firstname")).contains("P3");
    }
}
