package io.baton.config;

import io.baton.hubspot.HubSpotClient;
import io.baton.salesforce.SalesforceGateway;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The typed configuration records and the two CRM connections built from them. Salesforce is
 * configured by camel-salesforce itself ({@code camel.component.salesforce.*}); the gateway only
 * needs Camel's producer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HubSpotProperties.class, SyncProperties.class, AdminProperties.class,
        BatonMailProperties.class, MappingsProperties.class, LifecycleProperties.class, LeakageProperties.class})
public class ConnectionsConfiguration {

    @Bean
    HubSpotClient hubSpotClient(HubSpotProperties hubspot) {
        return new HubSpotClient(hubspot.toConnection());
    }

    @Bean
    SalesforceGateway salesforceGateway(ProducerTemplate producerTemplate) {
        return new SalesforceGateway(producerTemplate);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
