package io.baton.salesforce;

import io.baton.config.LifecycleProperties;
import io.baton.config.SalesforceProperties;
import io.baton.resilience.ApiGuards;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Salesforce gateway and the adapters on it (change reader, writer, lookups). The connection
 * itself is camel-salesforce's own ({@code camel.component.salesforce.*}); the gateway only needs
 * Camel's producer.
 */
@Configuration(proxyBeanMethods = false)
public class SalesforceConfiguration {

    @Bean
    SalesforceGateway salesforceGateway(ProducerTemplate producerTemplate, ApiGuards guards) {
        return new SalesforceGateway(producerTemplate, guards.salesforce());
    }

    /** Lead and Contact change pages of Salesforce's own batch size, 2,000 (B.2). */
    @Bean
    SalesforceChangeReader salesforceChangeReader(SalesforceGateway salesforceGateway, Clock clock,
                                                  SalesforceProperties salesforce) {
        return new SalesforceChangeReader(salesforceGateway, clock, salesforce.changeSettleTime(),
                SalesforceChangeReader.MAX_PAGE_SIZE);
    }

    /**
     * sObject Collections writes, 200 records per call (B.4). Lead assignment rules run on the Leads
     * Baton creates only when asked — {@code baton.salesforce.lead-assignment-rules}, or the handoff's
     * {@code assign: assignment-rules} in lifecycle.yml; otherwise Baton sets the owner (B.7).
     */
    @Bean
    SalesforceWriter salesforceWriter(SalesforceGateway salesforceGateway, SalesforceProperties salesforce,
                                      LifecycleProperties lifecycle) {
        return new SalesforceWriter(salesforceGateway, salesforce.leadAssignmentRules()
                || lifecycle.handoff().assign() == LifecycleProperties.Assignment.ASSIGNMENT_RULES);
    }

    /** Lookups by id, email, website domain and the active users, for identity matching and owner mapping. */
    @Bean
    SalesforceLookups salesforceLookups(SalesforceGateway salesforceGateway) {
        return new SalesforceLookups(salesforceGateway);
    }
}
