package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.sandbox.http.SandboxClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotStoreTest {

    private final SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2024-06-01T08:00:00Z"), ZoneOffset.UTC));
    private final HubSpotStore store = new HubSpotStore(clock);

    @Test
    void seedingKeepsTimestampsExactlyAsGiven() {
        Instant created = Instant.parse("2024-04-01T10:00:00.123Z");
        Instant modified = Instant.parse("2024-05-02T11:30:00.456Z");

        String id = store.seedContact(Map.of("email", "A@x.com", "lifecyclestage", "customer"), created, modified);

        ContactSnapshot c = store.contact(id).orElseThrow();
        assertThat(c.createdAt()).isEqualTo(created);
        assertThat(c.updatedAt()).isEqualTo(modified);
        assertThat(c.property("lastmodifieddate")).isEqualTo("2024-05-02T11:30:00.456Z");
        assertThat(c.property("createdate")).isEqualTo("2024-04-01T10:00:00.123Z");
        assertThat(c.property("email")).isEqualTo("a@x.com");
        assertThat(c.historyOf("lifecyclestage").get(0).sourceType()).isEqualTo("IMPORT");
    }

    @Test
    void manyWritesCanShareOneMillisecond() {
        String a = store.create(Map.of("email", "a@x.com"), WriteSource.INTEGRATION).id();
        String b = store.create(Map.of("email", "b@x.com"), WriteSource.INTEGRATION).id();

        assertThat(store.contact(a).orElseThrow().updatedAt()).isEqualTo(store.contact(b).orElseThrow().updatedAt());
        assertThat(Long.parseLong(b)).isGreaterThan(Long.parseLong(a));
    }

    @Test
    void emailIsUniqueCaseInsensitivelyAndArchivingFreesIt() {
        String a = store.create(Map.of("email", "a@x.com"), WriteSource.INTEGRATION).id();

        assertThatThrownBy(() -> store.create(Map.of("email", "A@X.COM"), WriteSource.INTEGRATION))
                .isInstanceOf(DuplicateValueException.class)
                .satisfies(e -> assertThat(((DuplicateValueException) e).existingId()).isEqualTo(a));
        store.archive(a);
        assertThat(store.create(Map.of("email", "a@x.com"), WriteSource.INTEGRATION).id()).isNotEqualTo(a);
    }

    @Test
    void salesforceIdIsUnique() {
        store.create(Map.of("baton_salesforce_id", "00Q1"), WriteSource.INTEGRATION);

        assertThatThrownBy(() -> store.create(Map.of("baton_salesforce_id", "00Q1"), WriteSource.INTEGRATION))
                .isInstanceOf(DuplicateValueException.class);
    }

    @Test
    void uiEditBumpsLastModifiedAndCountsOnlyLiveRecords() {
        String id = store.create(Map.of("email", "a@x.com"), WriteSource.INTEGRATION).id();
        store.create(Map.of("email", "b@x.com"), WriteSource.INTEGRATION);
        clock.advance(Duration.ofMillis(5));

        ContactSnapshot edited = store.setFromUi(id, Map.of("company", "Acme"));

        assertThat(edited.property("lastmodifieddate")).isEqualTo("2024-06-01T08:00:00.005Z");
        assertThat(edited.historyOf("company").get(0).sourceType()).isEqualTo("CRM_UI");
        store.archive(id);
        assertThat(store.count()).isEqualTo(1);
    }
}
