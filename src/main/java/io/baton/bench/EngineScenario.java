package io.baton.bench;

import io.baton.config.LifecycleProperties;
import io.baton.config.MappingsAssembler;
import io.baton.config.MappingsProperties;
import io.baton.core.mapping.SalesforceType;
import io.baton.core.reconcile.Reconciler;
import io.baton.core.reconcile.RecordPlan;
import io.baton.core.reconcile.Write;
import io.baton.hubspot.HubSpotWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Engine only: no CRM, no network, no rate limit. Generated pages ({@link EnginePages}) go through
 * the reconciler built from the real config/mappings.yml and lifecycle.yml (field mapping, value
 * maps, transforms, the 3-way merge, echo suppression, compare-before-write), and the writes are
 * cut into the API's batches (100 HubSpot, 200 Salesforce) that an in-memory CRM acknowledges.
 * Not covered: the store's page commit and lifecycle decisions, which live in package-private
 * sync classes (see the bench notes). One page is in memory at a time, so it runs in -Xmx256m.
 */
final class EngineScenario {

    static final int DEFAULT_RECORDS = 1_000_000;
    /** Pairs per page, as many as a HubSpot search page holds. */
    private static final int PAIRS_PER_PAGE = 200;

    private EngineScenario() {
    }

    /** The batches an in-memory CRM acknowledged, and the records in them. */
    private static final class AcknowledgingCrm {
        private final int batchSize;
        private final List<Write> batch = new ArrayList<>();
        long calls;
        long creates;
        long updates;

        AcknowledgingCrm(int batchSize) {
            this.batchSize = batchSize;
        }

        void add(Write write) {
            batch.add(write);
            if (batch.size() == batchSize) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            calls++;
            for (Write w : batch) {
                if (w.isCreate()) {
                    creates++;
                } else {
                    updates++;
                }
            }
            batch.clear();
        }
    }

    static BenchResult run(int records) {
        Reconciler reconciler = reconciler();
        AcknowledgingCrm hubspot = new AcknowledgingCrm(HubSpotWriter.MAX_BATCH);
        AcknowledgingCrm salesforce = new AcknowledgingCrm(BackfillMinimum.SALESFORCE_COLLECTION);
        long done = 0;
        long linked = 0;
        long problems = 0;
        PeakHeap.reset();
        long started = System.nanoTime();
        for (long page = 0; done < records; page++) {
            for (EnginePages.Pair pair : EnginePages.page(page, PAIRS_PER_PAGE)) {
                RecordPlan plan = reconciler.reconcile(pair.base(), pair.hubspot(), pair.salesforce(), SalesforceType.LEAD);
                problems += plan.hasErrors() || !plan.conflicts().isEmpty() ? 1 : 0;
                plan.toHubspot().ifPresent(hubspot::add);
                plan.toSalesforce().ifPresent(salesforce::add);
                linked += pair.records() == 2 ? 1 : 0;
                done += pair.records();
            }
            // a page's writes go out before the next page is read (DESIGN §1)
            hubspot.flush();
            salesforce.flush();
            if (page % 500 == 0 && page > 0) {
                Progress.say("engine: %,d records", done);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double heap = PeakHeap.megabytes();
        long unlinkedEach = (done - 2 * linked) / 2;
        boolean right = problems == 0 && salesforce.updates == linked && hubspot.updates == 0
                && Math.abs(salesforce.creates - unlinkedEach) <= 1 && Math.abs(hubspot.creates - unlinkedEach) <= 1;
        String check = String.format(java.util.Locale.ROOT,
                "%,d Salesforce updates, %,d + %,d creates, %,d + %,d batches acknowledged, %d problems",
                salesforce.updates, salesforce.creates, hubspot.creates, salesforce.calls, hubspot.calls, problems);
        return new BenchResult("engine", done, seconds, OptionalDouble.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), heap, right, check);
    }

    /**
     * The reconciler of the shipped configuration, read and validated the way the service reads it
     * (the demo profile supplies the sandbox credentials validation asks for; nothing connects).
     */
    private static Reconciler reconciler() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConfigOnly.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.profiles.active=demo", "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            return new Reconciler(MappingsAssembler.assemble(context.getBean(MappingsProperties.class),
                    context.getBean(LifecycleProperties.class)));
        }
    }

    /** Only the two config files' binding: no store, no routes, no CRM client. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MappingsProperties.class, LifecycleProperties.class})
    static class ConfigOnly {
    }
}
