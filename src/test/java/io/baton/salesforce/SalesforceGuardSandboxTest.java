package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.baton.core.record.CrmException;
import io.baton.core.record.Side;
import io.baton.resilience.ApiGuard;
import io.baton.resilience.DailyAllocation;
import io.baton.resilience.GuardMetrics;
import io.baton.resilience.GuardSettings;
import io.baton.resilience.Pause;
import io.baton.resilience.UsageLog;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway through its guard against the sandbox org: {@code Sforce-Limit-Info}, which
 * camel-salesforce copies onto the out message, keeps the allocation current, and the org's
 * {@code REQUEST_LIMIT_EXCEEDED} pauses Salesforce instead of being retried.
 */
class SalesforceGuardSandboxTest {

    private Sandbox sandbox;
    private CamelSalesforce camel;
    private ApiGuard guard;
    private SalesforceGateway gateway;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.forTests());
        camel = CamelSalesforce.at(sandbox.salesforceUrl());
        guard = new ApiGuard(Side.SALESFORCE, new GuardSettings(3, Duration.ofMillis(200), Duration.ofSeconds(10), 50f, 20,
                Duration.ofSeconds(30), Duration.ofMinutes(1)),
                new DailyAllocation("salesforce", 0.5, Clock.systemUTC(), UsageLog.NONE), Map.of(), GuardMetrics.NONE,
                waits::add, Clock.systemUTC());
        gateway = new SalesforceGateway(camel.context().createProducerTemplate(), guard);
    }

    @AfterEach
    void stop() {
        camel.close();
        sandbox.close();
    }

    @Test
    void everyAnswersLimitInfoIsTracked() {
        sandbox.salesforce().resetBudget(1000);

        gateway.query("SELECT Id FROM Lead");
        gateway.query("SELECT Id FROM Contact");

        assertThat(guard.allocation().allocated()).hasValue(500);
        assertThat(guard.allocation().orgRemaining()).hasValue(1000 - sandbox.salesforce().budget().used());
        assertThat(guard.allocation().used()).isEqualTo(2);
    }

    @Test
    void theOrgsRequestLimitExceededPausesAndTheFreeLimitsCallResumes() {
        gateway.dailyApiRequests();
        sandbox.salesforce().resetBudget(1);
        gateway.query("SELECT Id FROM Lead"); // the org's last call today: its answer says api-usage=1/1

        CrmException e = catchThrowableOfType(CrmException.class, () -> gateway.query("SELECT Id FROM Lead"));

        assertThat(e.code()).isEqualTo(ApiGuard.BUDGET_SPENT);
        assertThat(e.kind()).isEqualTo(CrmException.Kind.RETRIABLE);
        assertThat(waits).as("not retried in a loop").isEmpty();
        assertThat(guard.pause()).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(Pause.Reason.BUDGET));

        sandbox.salesforce().resetBudget(1000);
        gateway.dailyApiRequests();
        assertThat(guard.pause()).isEmpty();
        assertThat(gateway.query("SELECT Id FROM Lead").path("totalSize").asInt()).isZero();
    }

    @Test
    void aBadQueryIsFatalNotABadRecord() {
        CrmException e = catchThrowableOfType(CrmException.class, () -> gateway.query("SELECT Nope__c FROM Lead"));
        assertThat(e.kind()).isEqualTo(CrmException.Kind.FATAL);
    }
}
