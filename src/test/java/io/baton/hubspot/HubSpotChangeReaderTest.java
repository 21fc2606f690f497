package io.baton.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.Change;
import io.baton.core.record.ChangePage;
import io.baton.core.record.RecordRef;
import io.baton.core.record.SyncCursor;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.hubspot.HubSpotSandboxSettings;
import io.baton.sandbox.http.SandboxClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HubSpot change stream against the sandbox: ties, the 10,000 cap, settling, restarts, merges. */
class HubSpotChangeReaderTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final List<String> PROPERTIES = List.of("email", "firstname");
    private static final String SEARCH = "POST /crm/v3/objects/contacts/search";

    private final SandboxClock clock = new SandboxClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private Sandbox sandbox;
    private HubSpotClient client;

    @BeforeEach
    void start() {
        // Search's 5 requests/s is HubSpot's, but waiting for it is not what these tests are about.
        sandbox = Sandbox.start(SandboxSettings.forTests()
                .withHubSpot(HubSpotSandboxSettings.defaults().withSearchPerSecond(0)), clock);
        client = new HubSpotClient(new HubSpotConnection(URI.create(sandbox.hubspotUrl()), "demo-token", Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HubSpotChangeReader reader() {
        return new HubSpotChangeReader(client, clock, SETTLE, 200);
    }

    private String seed(int n, Instant modified) {
        return sandbox.hubspot().store().seedContact(Map.of("email", "p" + n + "@example.com", "firstname", "P" + n),
                modified.minusSeconds(3600), modified);
    }

    /** Reads until caught up with one reader, as the running service does. */
    private List<String> drain(SyncCursor from) {
        HubSpotChangeReader reader = reader();
        return drain(from, () -> reader);
    }

    /** Reads until caught up, asking {@code readers} for the reader of each page. */
    private List<String> drain(SyncCursor from, java.util.function.Supplier<HubSpotChangeReader> readers) {
        List<String> ids = new ArrayList<>();
        SyncCursor cursor = from;
        for (int pages = 0; pages < 1_000; pages++) {
            ChangePage page = readers.get().readPage(cursor, PROPERTIES);
            page.changes().stream().filter(c -> c.kind() == Change.Kind.UPSERT).forEach(c -> ids.add(c.ref().id()));
            assertThat(page.cursor()).as("the cursor never moves back").isGreaterThanOrEqualTo(cursor);
            cursor = page.cursor();
            if (!page.hasMore()) {
                return ids;
            }
        }
        throw new AssertionError("the reader did not catch up in 1,000 pages");
    }

    @Test
    void fiveThousandContactsSharingOneMillisecondAreEachReadExactlyOnce() {
        Instant shared = NOW.minusSeconds(120);
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            seeded.add(seed(i, shared));
        }

        List<String> read = drain(SyncCursor.BEGINNING);

        assertThat(read).hasSize(5_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(read)).isEqualTo(seeded);
        // 25 pages of the tied millisecond by id, plus the one that found it tied and the last, empty one.
        assertThat(sandbox.hubspotServer().counter().count(SEARCH)).isLessThanOrEqualTo(5_000 / 200 + 3);
    }

    @Test
    void aReaderRestartedAfterEveryPageStillReadsATiedMillisecondExactlyOnce() {
        Instant shared = NOW.minusSeconds(120);
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            seeded.add(seed(i, shared));
        }

        List<String> read = drain(SyncCursor.BEGINNING, this::reader);

        assertThat(read).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(read)).isEqualTo(seeded);
        // Each fresh reader spends one search to find it is inside the tied millisecond again.
        assertThat(sandbox.hubspotServer().counter().count(SEARCH)).isLessThanOrEqualTo(2 * (1_000 / 200) + 3);
    }

    @Test
    void twelveThousandChangesInOneMinutePastTheSearchCapAreEachReadExactlyOnce() {
        Random random = new Random(3);
        Instant minute = NOW.minusSeconds(300);
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 12_000; i++) {
            seeded.add(seed(i, minute.plusMillis(random.nextInt(60_000))));
        }

        List<String> read = drain(SyncCursor.BEGINNING);

        assertThat(read).hasSize(12_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(read)).isEqualTo(seeded);
        // A page is kept up to its last complete millisecond: about one search per 200 minus a few.
        assertThat(sandbox.hubspotServer().counter().count(SEARCH)).isLessThanOrEqualTo(12_000 / 190 + 2);
    }

    @Test
    void aPageSaysHowManyChangesStillWaitAfterIt() {
        for (int i = 0; i < 450; i++) {
            seed(i, NOW.minusSeconds(600).plusMillis(i));
        }

        ChangePage first = reader().readPage(SyncCursor.BEGINNING, PROPERTIES);
        ChangePage last = reader().readPage(reader().readPage(first.cursor(), PROPERTIES).cursor(), PROPERTIES);

        assertThat(first.remaining()).hasValue(450 - first.changes().size());
        assertThat(last.hasMore()).isFalse();
        assertThat(last.remaining()).hasValue(0);
    }

    @Test
    void changesYoungerThanTheSettleTimeWaitForTheNextRead() {
        String old = seed(1, NOW.minusSeconds(60));
        String fresh = seed(2, NOW.minusSeconds(2));

        ChangePage first = reader().readPage(SyncCursor.BEGINNING, PROPERTIES);
        assertThat(first.changes()).extracting(c -> c.ref().id()).containsExactly(old);

        clock.advance(SETTLE);
        ChangePage second = reader().readPage(first.cursor(), PROPERTIES);
        assertThat(second.changes()).extracting(c -> c.ref().id()).containsExactly(fresh);
    }

    @Test
    void aRecordEditedAgainAfterItWasReadComesBackAndNothingElseDoes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(seed(i, NOW.minusSeconds(100 - i)));
        }
        SyncCursor caughtUp = reader().readPage(SyncCursor.BEGINNING, PROPERTIES).cursor();

        sandbox.hubspot().store().setFromUi(ids.get(3), Map.of("firstname", "Edited"));
        clock.advance(SETTLE.plusSeconds(1));
        ChangePage page = reader().readPage(caughtUp, PROPERTIES);

        assertThat(page.changes()).hasSize(1);
        assertThat(page.changes().get(0).ref().id()).isEqualTo(ids.get(3));
        assertThat(page.changes().get(0).record().orElseThrow().value("firstname")).contains("Edited");
    }

    @Test
    void aMergeIsReadAsTheMergedAwayIdFoldedIntoTheSurvivor() {
        String primary = seed(1, NOW.minusSeconds(100));
        String merged = seed(2, NOW.minusSeconds(90));
        SyncCursor caughtUp = reader().readPage(SyncCursor.BEGINNING, PROPERTIES).cursor();

        sandbox.hubspot().store().merge(primary, merged);
        clock.advance(SETTLE.plusSeconds(1));
        ChangePage page = reader().readPage(caughtUp, PROPERTIES);

        assertThat(page.changes()).containsSubsequence(
                Change.merge(RecordRef.hubspotContact(merged), RecordRef.hubspotContact(primary)));
        assertThat(page.changes()).filteredOn(c -> c.kind() == Change.Kind.UPSERT)
                .extracting(c -> c.ref().id()).containsExactly(primary);
    }

    @Test
    void aCaughtUpStreamCostsOneSearchAndMovesNothing() {
        seed(1, NOW.minusSeconds(100));
        SyncCursor caughtUp = reader().readPage(SyncCursor.BEGINNING, PROPERTIES).cursor();
        long before = sandbox.hubspotServer().counter().count(SEARCH);

        ChangePage page = reader().readPage(caughtUp, PROPERTIES);

        assertThat(page.isEmpty()).isTrue();
        assertThat(page.cursor()).isEqualTo(caughtUp);
        assertThat(page.hasMore()).isFalse();
        assertThat(sandbox.hubspotServer().counter().count(SEARCH) - before).isEqualTo(1);
    }
}
