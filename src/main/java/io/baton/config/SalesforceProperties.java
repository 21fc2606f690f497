package io.baton.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.salesforce.*}: how Baton reads Salesforce, beside the connection itself, which is
 * camel-salesforce's ({@code camel.component.salesforce.*}). {@code change-settle-time}: rows are
 * read once their SystemModstamp is this old, because a transaction stamps rows before it commits.
 * {@code lead-assignment-rules}: whether Leads Baton creates run the org's assignment rules
 * ({@code Sforce-Auto-Assign}, API-REFERENCE B.7); off by default, since Baton maps owners itself.
 * {@code api-allocation}: the share of the org's {@code DailyApiRequests} Baton may use, so the
 * org's other integrations are never starved; when it is spent the sync waits.
 */
@Validated
@ConfigurationProperties("baton.salesforce")
public record SalesforceProperties(
        @DefaultValue("10s") @PositiveDuration(allowZero = true) Duration changeSettleTime,
        @DefaultValue("false") boolean leadAssignmentRules,
        @DefaultValue("0.5") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double apiAllocation) {
}
