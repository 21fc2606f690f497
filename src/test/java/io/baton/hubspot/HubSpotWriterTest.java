package io.baton.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.baton.core.record.CrmException;
import io.baton.core.record.RecordRef;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.core.record.WriteResult;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.http.CallCounter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batched HubSpot writes against the sandbox: batching, idempotent creates, per-record failures. */
class HubSpotWriterTest {

    private static final String UPSERT = "POST /crm/v3/objects/contacts/batch/upsert";
    private static final String UPDATE = "POST /crm/v3/objects/contacts/batch/update";

    private Sandbox sandbox;
    private HubSpotWriter writer;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.forTests());
        writer = new HubSpotWriter(new HubSpotClient(new HubSpotConnection(URI.create(sandbox.hubspotUrl()), "demo-token",
                Duration.ofSeconds(10))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CallCounter calls() {
        return sandbox.hubspotServer().counter();
    }

    private static RecordWrite create(int i) {
        return create("k" + i, "person" + i + "@example.com");
    }

    private static RecordWrite create(String key, String email) {
        return RecordWrite.create(key, Side.HUBSPOT, "contact", Map.of("email", email, "lastname", "Person " + key));
    }

    private static List<RecordWrite> creates(int n) {
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            writes.add(create(i));
        }
        return writes;
    }

    @Test
    void createsGoInBatchesOfOneHundredAndEachResultFindsItsRecordWhateverTheOrder() {
        List<WriteResult> results = writer.write(creates(250));

        assertThat(calls().count(UPSERT)).isEqualTo(3);
        assertThat(results).hasSize(250).allMatch(WriteResult::succeeded).allMatch(WriteResult::created);
        for (int i = 0; i < 250; i++) {
            String id = results.get(i).id().orElseThrow();
            assertThat(results.get(i).key()).isEqualTo("k" + i);
            assertThat(sandbox.hubspot().store().contact(id).orElseThrow().property("email"))
                    .isEqualTo("person" + i + "@example.com");
        }
    }

    @Test
    void replayingTheSameCreatesWritesNoSecondContact() {
        List<WriteResult> first = writer.write(creates(120));
        List<WriteResult> replay = writer.write(creates(120));

        assertThat(sandbox.hubspot().store().count()).isEqualTo(120);
        assertThat(replay).noneMatch(WriteResult::created);
        assertThat(replay).extracting(r -> r.id().orElseThrow())
                .containsExactlyElementsOf(first.stream().map(r -> r.id().orElseThrow()).toList());
    }

    @Test
    void oneInvalidEmailFailsAloneAndTheRestOfItsBatchIsWritten() {
        List<RecordWrite> writes = creates(100);
        writes.set(37, create("bad", "not-an-email"));

        List<WriteResult> results = writer.write(writes);

        assertThat(results.get(37).succeeded()).isFalse();
        assertThat(results.get(37).failure().orElseThrow().kind()).isEqualTo(CrmException.Kind.RECORD);
        assertThat(results.get(37).failure().orElseThrow().message()).containsIgnoringCase("email");
        assertThat(results).filteredOn(WriteResult::succeeded).hasSize(99);
        assertThat(sandbox.hubspot().store().count()).isEqualTo(99);
        // Halving isolates one bad record in about 2·log2(100) further calls.
        assertThat(calls().count(UPSERT)).isLessThanOrEqualTo(1 + 2 * 7);
    }

    @Test
    void updatesAnswerPerRecordForUnknownAndMergedAwayIds() {
        List<WriteResult> created = writer.write(creates(3));
        String a = created.get(0).id().orElseThrow();
        String b = created.get(1).id().orElseThrow();
        String c = created.get(2).id().orElseThrow();
        sandbox.hubspot().store().merge(a, c);

        List<WriteResult> results = writer.write(List.of(
                RecordWrite.update("a", RecordRef.hubspotContact(a), Map.of("firstname", "Ann")),
                RecordWrite.update("b", RecordRef.hubspotContact(b), Map.of("firstname", "Bob")),
                RecordWrite.update("gone", RecordRef.hubspotContact("999999"), Map.of("firstname", "X")),
                RecordWrite.update("merged", RecordRef.hubspotContact(c), Map.of("firstname", "Cat"))));

        assertThat(calls().count(UPDATE)).isEqualTo(1);
        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(results.get(1).id()).contains(b);
        assertThat(results.get(2).failure().orElseThrow().code()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(results.get(3).failure().orElseThrow().code()).isEqualTo("NO_RESULT");
        assertThat(sandbox.hubspot().store().contact(b).orElseThrow().property("firstname")).isEqualTo("Bob");
    }

    @Test
    void anInjectedRecordFailureIsThatRecordsAlone() {
        sandbox.hubspotServer().faults().failRecord("person4@example.com", "VALIDATION_ERROR");

        List<WriteResult> results = writer.write(creates(10));

        assertThat(results.get(4).failure().orElseThrow().code()).isEqualTo("VALIDATION_ERROR");
        assertThat(results).filteredOn(WriteResult::succeeded).hasSize(9);
        assertThat(calls().count(UPSERT)).isEqualTo(1);
    }

    @Test
    void theSamePersonTwiceInOneCallGoesInTwoBatchesAndEndsAsOneContact() {
        List<WriteResult> results = writer.write(List.of(create("first", "twin@example.com"),
                create("second", "TWIN@example.com")));

        assertThat(results).allMatch(WriteResult::succeeded);
        assertThat(results.get(0).id()).isEqualTo(results.get(1).id());
        assertThat(sandbox.hubspot().store().count()).isEqualTo(1);
        assertThat(calls().count(UPSERT)).isEqualTo(2);
    }

    @Test
    void aCreateWithoutAnEmailFailsWithoutACall() {
        List<WriteResult> results = writer.write(List.of(
                RecordWrite.create("nomail", Side.HUBSPOT, "contact", Map.of("lastname", "Nobody"))));

        assertThat(results.get(0).failure().orElseThrow().code()).isEqualTo("MISSING_EMAIL");
        assertThat(calls().total()).isZero();
    }

    @Test
    void aRateLimitIsThrownForTheWholePageToBeRetried() {
        sandbox.hubspotServer().faults().rateLimitStorm(1);

        CrmException e = catchThrowableOfType(CrmException.class, () -> writer.write(creates(5)));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.RETRIABLE);
        assertThat(sandbox.hubspot().store().count()).isZero();
        assertThat(writer.write(creates(5))).allMatch(WriteResult::succeeded);
    }
}
