package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

interface ApiUsageContract extends StoreFixture {

    Instant HOUR = Instant.parse("2026-03-02T09:00:00Z");

    default ApiUsageRepository usage() {
        return new ApiUsageRepository(jdbc());
    }

    @Test
    default void countsAddUpPerSystemAndHourAndSurviveANewRepository() {
        usage().add("salesforce", HOUR, 3);
        usage().add("salesforce", HOUR, 4);
        usage().add("salesforce", HOUR.plus(Duration.ofHours(1)), 5);
        usage().add("hubspot", HOUR, 100);

        assertThat(new ApiUsageRepository(jdbc()).since("salesforce", HOUR))
                .isEqualTo(Map.of(HOUR, 7L, HOUR.plus(Duration.ofHours(1)), 5L));
        assertThat(usage().since("salesforce", HOUR.plus(Duration.ofMinutes(30))))
                .as("buckets before 'since' are left out").containsOnlyKeys(HOUR.plus(Duration.ofHours(1)));
        assertThat(usage().since("hubspot", HOUR)).isEqualTo(Map.of(HOUR, 100L));
    }

    @Test
    default void oldBucketsArePrunedAndNegativeCountsRefused() {
        usage().add("salesforce", HOUR, 1);
        usage().add("salesforce", HOUR.plus(Duration.ofDays(3)), 2);
        assertThat(usage().since("salesforce", Instant.EPOCH)).containsOnlyKeys(HOUR.plus(Duration.ofDays(3)));
        assertThatThrownBy(() -> usage().add("salesforce", HOUR, -1)).hasMessageContaining("salesforce");
    }

    @Test
    default void concurrentAddsToOneBucketLoseNothing() throws Exception {
        List<Integer> done = Concurrently.run(8, i -> {
            for (int n = 0; n < 5; n++) {
                usage().add("hubspot", HOUR, 1);
            }
            return i;
        });
        assertThat(done).hasSize(8);
        assertThat(usage().since("hubspot", HOUR)).isEqualTo(Map.of(HOUR, 40L));
    }
}
