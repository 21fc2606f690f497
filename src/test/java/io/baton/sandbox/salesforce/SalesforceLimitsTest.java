package io.baton.sandbox.salesforce;

import static io.baton.sandbox.salesforce.SalesforceTestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** B.6: /limits, Sforce-Limit-Info, the daily budget's 403, and the Salesforce-shaped fault bodies. */
class SalesforceLimitsTest {

    private final SalesforceTestServer sf = new SalesforceTestServer(
            SalesforceSandboxSettings.defaults().withDailyApiRequests(3));

    @AfterEach
    void stop() {
        sf.close();
    }

    @Test
    void everyCountedCallSpendsOneRequestAndReportsItInSforceLimitInfo() {
        var q = sf.query("SELECT Id FROM Lead");
        assertThat(q.header("Sforce-Limit-Info")).isEqualTo("api-usage=1/3");
        var limits = sf.get(API + "/limits");
        assertThat(limits.header("Sforce-Limit-Info")).isEqualTo("api-usage=1/3");
        assertThat(limits.json().path("DailyApiRequests").path("Max").asLong()).isEqualTo(3);
        assertThat(limits.json().path("DailyApiRequests").path("Remaining").asLong()).isEqualTo(2);
        assertThat(limits.json().path("DailyBulkApiRequests").has("Max")).isTrue();
        // The token endpoint and the versions list are not REST API calls.
        assertThat(sf.send("GET", "/services/data/", null, "application/json", null).header("Sforce-Limit-Info")).isNull();
        assertThat(sf.sandbox.budget().used()).isEqualTo(1);
    }

    @Test
    void anExhaustedBudgetAnswers403RequestLimitExceededUntilReset() {
        for (int i = 0; i < 3; i++) {
            assertThat(sf.query("SELECT Id FROM Lead").status()).isEqualTo(200);
        }
        var refused = sf.query("SELECT Id FROM Lead");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Sforce-Limit-Info")).isEqualTo("api-usage=3/3");  // B intro: errors carry it too
        assertThat(refused.raw().body()).isEqualTo(
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        var limits = sf.get(API + "/limits");
        assertThat(limits.status()).isEqualTo(200);
        assertThat(limits.json().path("DailyApiRequests").path("Remaining").asLong()).isZero();
        sf.sandbox.resetBudget();
        assertThat(sf.query("SELECT Id FROM Lead").status()).isEqualTo(200);
    }

    @Test
    void unauthorizedCallsDoNotSpendTheBudgetAndStillReportIt() {
        var r = sf.send("GET", API + "/query/?q=SELECT%20Id%20FROM%20Lead", null, "application/json", "nope");
        assertThat(r.status()).isEqualTo(401);
        // B intro: "every REST response (except /services/data/)"; B.5 lists no exception for the 401.
        assertThat(r.header("Sforce-Limit-Info")).isEqualTo("api-usage=0/3");
        assertThat(sf.sandbox.budget().used()).isZero();
    }

    @Test
    void callsAreCountedPerEndpointTemplate() {
        sf.query("SELECT Id FROM Lead");
        sf.get(API + "/query?q=SELECT+Id+FROM+Contact");
        sf.get(API + "/limits/");
        assertThat(sf.counter.count("GET /services/data/v60.0/query")).isEqualTo(2);
        assertThat(sf.counter.count("GET /services/data/v60.0/limits")).isEqualTo(1);
        assertThat(sf.counter.count("POST /services/oauth2/token")).isEqualTo(1);
    }

    @Test
    void injectedFaultsUseSalesforceBodies() {
        sf.login();
        sf.faults.serverErrors(1.0, 503);
        var unavailable = sf.get(API + "/limits");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().get(0).path("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
        sf.faults.serverErrors(1.0, 500);
        assertThat(sf.get(API + "/limits").json().get(0).path("errorCode").asText()).isEqualTo("UNKNOWN_EXCEPTION");
        sf.faults.reset().rateLimitStorm(1);
        var storm = sf.get(API + "/limits");
        assertThat(storm.status()).isEqualTo(403);
        assertThat(storm.json().get(0).path("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(storm.header("Sforce-Limit-Info")).isEqualTo("api-usage=0/3");
        assertThat(sf.get(API + "/limits").status()).isEqualTo(200);
    }

    @Test
    void unknownResourcesAre404AndWrongMethods405() {
        var missing = sf.get(API + "/nothing/here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get(0).path("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(missing.header("Sforce-Limit-Info")).matches("api-usage=\\d+/3");
        assertThat(sf.call("PUT", API + "/limits", "{}").status()).isEqualTo(405);
    }
}
