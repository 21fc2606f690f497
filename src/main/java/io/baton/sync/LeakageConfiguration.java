package io.baton.sync;

import io.baton.alerts.OpenFlags;
import io.baton.hubspot.HubSpotWriter;
import io.baton.salesforce.SalesforceWriter;
import io.baton.config.LeakageAssembler;
import io.baton.config.LeakageProperties;
import io.baton.config.LifecycleProperties;
import io.baton.config.MappingsAssembler;
import io.baton.config.MappingsProperties;
import io.baton.core.leakage.LeakDetector;
import io.baton.core.leakage.LeakKind;
import io.baton.core.leakage.LeakRule;
import io.baton.hubspot.HubSpotClient;
import io.baton.hubspot.HubSpotLookups;
import io.baton.salesforce.SalesforceLookups;
import io.baton.store.DeadLetterRepository;
import io.baton.store.LeakFlagRepository;
import io.baton.store.LifecycleRepository;
import io.baton.store.RecordLinkRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The leak scan's parts, wired once; {@code routes/leakage-scan.yaml} calls {@code leakScan}. */
@Configuration(proxyBeanMethods = false)
class LeakageConfiguration {

    @Bean
    LeakScan leakScan(LeakageProperties leakage, MappingsProperties mappings, LifecycleProperties lifecycle, Clock clock,
                      HubSpotClient hubspotClient, HubSpotLookups hubspotLookups, SalesforceLookups salesforceLookups,
                      LifecycleRepository states, LeakFlagRepository flags, RecordLinkRepository links,
                      DeadLetterRepository deadLetters, SyncLoop syncLoop, HubSpotWriter hubspotWriter,
                      SalesforceWriter salesforceWriter, SyncMetrics metrics) {
        List<LeakRule> rules = LeakageAssembler.rules(leakage);
        boolean unowned = rules.stream().anyMatch(r -> r.kind() == LeakKind.UNOWNED);
        boolean stale = rules.stream().anyMatch(r -> r.kind() == LeakKind.STALE);
        List<String> conditions = rules.stream().flatMap(r -> r.nurture().stream()).map(c -> c.property()).distinct()
                .toList();
        CrmReadings readings = new CrmReadings(hubspotLookups, salesforceLookups, leakage.calendar().timeZone(),
                unowned || stale, stale, conditions);
        HubSpotMqlSearch search = new HubSpotMqlSearch(hubspotClient, links, deadLetters,
                MappingsAssembler.assemble(mappings, lifecycle).inclusion(), lifecycle.hubspotProperty(),
                leakage.scanPageSize());
        return new LeakScan(new LeakDetector(rules), states, flags, readings, search,
                stage -> lifecycle.stage(stage).map(LifecycleProperties.Stage::hubspot).filter(v -> v != null && !v.isBlank()),
                salesforceLookups, clock, leakage.scanPageSize(), syncLoop::caughtUpOnce,
                new LeakWriteBack(leakage.writeBack(), flags, hubspotLookups, salesforceLookups, hubspotWriter::write,
                        salesforceWriter::write), metrics);
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
