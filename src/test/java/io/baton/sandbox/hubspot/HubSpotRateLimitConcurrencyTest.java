package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.http.Faults;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.http.SandboxJson;
import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A.7 under contention: every limit admits exactly its allowance when many threads hit it at once.
 * Served in-process (no sockets) with a clock that never moves, so no window rolls; each reading
 * takes a little while, which widens any check-then-act gap (the limiters read it) until races show.
 */
class HubSpotRateLimitConcurrencyTest {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 25;

    @Test
    void theDailyLimitAdmitsExactlyItsAllowance() throws Exception {
        HubSpotSandbox sandbox = sandbox(HubSpotSandboxSettings.defaults().withDailyLimit(50).withBurstLimit(10_000));

        Map<String, AtomicInteger> outcomes = hammer(sandbox, false);

        assertThat(outcomes.get("200").get()).isEqualTo(50);
        assertThat(outcomes.get("429:DAILY").get()).isEqualTo(THREADS * PER_THREAD - 50);
        assertThat(outcomes).containsOnlyKeys("200", "429:DAILY");
        assertThat(sandbox.dailyUsage()).isEqualTo(50);
    }

    @Test
    void theTenSecondWindowAdmitsExactlyItsBurst() throws Exception {
        HubSpotSandbox sandbox = sandbox(HubSpotSandboxSettings.defaults().withBurstLimit(50));

        Map<String, AtomicInteger> outcomes = hammer(sandbox, false);

        assertThat(outcomes.get("200").get()).isEqualTo(50);
        assertThat(outcomes.get("429:TEN_SECONDLY_ROLLING").get()).isEqualTo(THREADS * PER_THREAD - 50);
        assertThat(outcomes).containsOnlyKeys("200", "429:TEN_SECONDLY_ROLLING");
        assertThat(sandbox.dailyUsage()).isEqualTo(50);  // a window-refused request does not spend the day
    }

    @Test
    void searchAdmitsExactlyItsPerSecondLimit() throws Exception {
        HubSpotSandbox sandbox = sandbox(HubSpotSandboxSettings.defaults().withSearchPerSecond(5));

        Map<String, AtomicInteger> outcomes = hammer(sandbox, true);

        assertThat(outcomes.get("200").get()).isEqualTo(5);
        assertThat(outcomes.get("429:SECONDLY").get()).isEqualTo(THREADS * PER_THREAD - 5);
        assertThat(outcomes).containsOnlyKeys("200", "429:SECONDLY");
    }

    @Test
    void searchAndNormalCallsShareTheDailyAllowanceExactly() throws Exception {
        HubSpotSandbox sandbox = sandbox(HubSpotSandboxSettings.defaults().withDailyLimit(50).withBurstLimit(0)
                .withSearchPerSecond(0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, AtomicInteger>> searches = pool.submit(() -> hammer(sandbox, true));
            Map<String, AtomicInteger> lists = hammer(sandbox, false);
            int admitted = lists.getOrDefault("200", new AtomicInteger()).get()
                    + searches.get(30, TimeUnit.SECONDS).getOrDefault("200", new AtomicInteger()).get();
            assertThat(admitted).isEqualTo(50);
            assertThat(sandbox.dailyUsage()).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    private static HubSpotSandbox sandbox(HubSpotSandboxSettings settings) {
        return new HubSpotSandbox(settings, new SandboxClock(new SlowFixedClock()), new Faults(1));
    }

    /** Always {@link HubSpotFixture#START}, but each reading parks the caller for 0.2 ms. */
    private static final class SlowFixedClock extends Clock {
        @Override
        public Instant instant() {
            LockSupport.parkNanos(200_000);
            return HubSpotFixture.START;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** THREADS × PER_THREAD requests released together; counts "200" or "429:&lt;policyName&gt;". */
    private static Map<String, AtomicInteger> hammer(HubSpotSandbox sandbox, boolean search) throws Exception {
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        SandboxResponse r = sandbox.serve(search ? searchRequest() : listRequest());
                        String key = r.status() == 429
                                ? "429:" + SandboxJson.read(r.body()).path("policyName").asText()
                                : Integer.toString(r.status());
                        outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private static SandboxRequest listRequest() {
        return new SandboxRequest("GET", HubSpotFixture.CONTACTS, "", Map.of(), auth(), new byte[0], Map.of());
    }

    private static SandboxRequest searchRequest() {
        return new SandboxRequest("POST", HubSpotFixture.CONTACTS + "/search", "", Map.of(), auth(),
                "{}".getBytes(), Map.of());
    }

    private static Map<String, List<String>> auth() {
        return Map.of("Authorization", List.of("Bearer " + HubSpotFixture.TOKEN),
                "Content-Type", List.of("application/json"));
    }
}
