package io.baton.sync;

import io.baton.alerts.OpenFlags;
import io.baton.config.LeakageProperties;
import io.baton.config.LifecycleProperties;
import io.baton.config.MappingsProperties;
import io.baton.core.leakage.LeakKind;
import io.baton.store.LeakFlagRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The leak scan's parts, wired once; {@code routes/leakage-scan.yaml} calls {@code leakScan}. */
@Configuration(proxyBeanMethods = false)
class LeakageConfiguration {

    @Bean
    LeakScan leakScan(SyncParts parts, LeakageProperties leakage, MappingsProperties mappings,
                      LifecycleProperties lifecycle, SyncLoop syncLoop) {
        return parts.leakScan(leakage, mappings, lifecycle, syncLoop::caughtUpOnce, CrmEffects.real(parts), parts.metrics());
    }

    /** What alert mail reads: the open flags in the store. */
    @Bean
    OpenFlags openFlags(LeakFlagRepository flags) {
        return new StoredOpenFlags(flags);
    }

    /**
     * {@code baton_leaks_open{kind}} (DESIGN §3): open flags per kind, every kind present (zero
     * included) so a dashboard's series do not appear and vanish. Read from the store when scraped.
     */
    @Bean
    MeterBinder leaksOpenGauge(LeakFlagRepository flags) {
        return registry -> {
            for (LeakKind kind : LeakKind.values()) {
                Gauge.builder("baton.leaks.open", flags, f -> f.countOpenByKind().getOrDefault(kind.id(), 0L))
                        .tag("kind", kind.id()).description("Open leak and stale flags").register(registry);
            }
        };
    }
}
