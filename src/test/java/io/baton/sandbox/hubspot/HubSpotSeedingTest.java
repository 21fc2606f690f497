package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.seed.SeedPlan;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The seeder fills the store through its public API; what it writes must be valid HubSpot data. */
class HubSpotSeedingTest {

    @Test
    void seededPortalHoldsValidContactsWithRealOwners() {
        try (Sandbox sandbox = Sandbox.start(SandboxSettings.forTests().withSeed(new SeedPlan(300, 0, 0, 7)))) {
            HubSpotStore store = sandbox.hubspot().store();
            assertThat(store.count()).isEqualTo(300);
            PropertyValidator validator = new PropertyValidator(PropertyCatalog.standard(), id -> store.owner(id).isPresent());
            HubSpotStore.Page page = store.page(false, 0, 300);
            assertThat(page.results()).hasSize(300);
            for (ContactSnapshot c : page.results()) {
                Map<String, String> writable = new java.util.HashMap<>(c.properties());
                writable.keySet().removeIf(k -> PropertyCatalog.standard().find(k).map(PropertyDefinition::readOnly).orElse(true));
                assertThat(validator.issues(writable)).as(c.toString()).isEmpty();
            }
        }
    }

    @Test
    void concurrentCreatesGetDistinctIds() throws Exception {
        HubSpotStore store = new HubSpotStore(io.baton.sandbox.http.SandboxClock.system());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<String>>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Set<String> ids = new HashSet<>();
                    for (int i = 0; i < 50; i++) {
                        ids.add(store.create(Map.of("email", "t" + thread + "-" + i + "@x.com"), WriteSource.INTEGRATION).id());
                    }
                    return ids;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<Set<String>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(400);
            assertThat(store.count()).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
    }
}
