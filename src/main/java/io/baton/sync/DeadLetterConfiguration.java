package io.baton.sync;

import io.baton.config.DeadLetterProperties;
import io.baton.core.record.CrmException;
import io.baton.core.record.RetryBackoff;
import io.baton.hubspot.HubSpotLookups;
import io.baton.salesforce.SalesforceLookups;
import io.baton.store.DeadLetterRepository;
import io.baton.store.RecordLinkRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dead letters' retry, replay and resync, wired once: {@code routes/dead-letter-retry.yaml} calls
 * {@code deadLetterRetry}; the admin API calls it and {@code recordResync}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
class DeadLetterConfiguration {

    /** The one filing policy, for the page commit and the retry worker alike. */
    static DeadLetterFiling filing(DeadLetterRepository deadLetters, DeadLetterProperties policy, Clock clock,
                                   SyncMetrics metrics) {
        return new DeadLetterFiling(deadLetters, new RetryBackoff(policy.firstDelay(), policy.multiplier(),
                policy.maxDelay(), policy.maxAttempts()), clock, metrics);
    }

    @Bean
    RecordResync recordResync(SyncLoop syncLoop, HubSpotLookups hubspot, SalesforceLookups salesforce,
                              RecordLinkRepository links) {
        return new RecordResync(syncLoop, hubspot, salesforce, links);
    }

    @Bean
    DeadLetterRetry deadLetterRetry(DeadLetterRepository deadLetters, DeadLetterProperties policy, Clock clock,
                                    RecordResync recordResync, SyncMetrics metrics) {
        return new DeadLetterRetry(deadLetters, filing(deadLetters, policy, clock, metrics), recordResync,
                policy.batchSize());
    }

    /**
     * {@code baton_dead_letters} (DESIGN §3): letters waiting for a retry, a fix or an operator
     * (OPEN and PARKED); {@code baton_dead_letters_open{class}}: OPEN letters per error class, every
     * class present (zero included) so a dashboard's series do not come and go. Read when scraped.
     */
    @Bean
    MeterBinder deadLetterGauges(DeadLetterRepository deadLetters) {
        return registry -> {
            Gauge.builder("baton.dead.letters", deadLetters, DeadLetterRepository::countUnresolved)
                    .description("Dead letters not yet resolved (OPEN and PARKED)").register(registry);
            for (CrmException.Kind kind : CrmException.Kind.values()) {
                String errorClass = kind.name();
                Gauge.builder("baton.dead.letters.open", deadLetters,
                                d -> d.countOpenByCategory().getOrDefault(errorClass, 0L))
                        .tag("class", errorClass).description("OPEN dead letters per error class").register(registry);
            }
        };
    }
}
