package io.baton.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault knobs on the two simulated CRMs: each fault arrives in the shape that CRM's wire gives it. */
class SandboxFaultKnobsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String QUERY = "/services/data/v60.0/query/?q=SELECT+Id+FROM+Lead";
    private static final String LOGIN = "grant_type=password&client_id=demo&client_secret=demo"
            + "&username=demo%40baton.local&password=demo";

    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.forTests());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> hubspot(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.hubspotUrl() + path))
                .header("Authorization", "Bearer demo-token").header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> salesforceLogin() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.salesforceUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LOGIN)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> salesforceQuery(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.salesforceUrl() + QUERY))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String salesforceToken() throws Exception {
        String body = salesforceLogin().body();
        return body.replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @Test
    void aHubSpotStormMeetsSearchAtItsPerSecondLimitAndEverythingElseAtTheTenSecondlyOne() throws Exception {
        sandbox.hubspotServer().faults().rateLimitStorm(2);

        HttpResponse<String> search = hubspot("POST", "/crm/v3/objects/contacts/search", "{\"limit\":1}");
        HttpResponse<String> owners = hubspot("GET", "/crm/v3/owners", null);

        assertThat(search.statusCode()).isEqualTo(429);
        assertThat(search.body()).contains("\"policyName\":\"SECONDLY\"");
        assertThat(owners.statusCode()).isEqualTo(429);
        assertThat(owners.body()).contains("\"policyName\":\"TEN_SECONDLY_ROLLING\"");
        assertThat(hubspot("GET", "/crm/v3/owners", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedHubSpotTokenIsRefusedWithHubSpotsOwn401UntilRestored() throws Exception {
        sandbox.hubspotServer().faults().credentialsRevoked(true);

        HttpResponse<String> refused = hubspot("GET", "/crm/v3/owners", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"category\":\"INVALID_AUTHENTICATION\"");

        sandbox.hubspotServer().faults().credentialsRevoked(false);
        assertThat(hubspot("GET", "/crm/v3/owners", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anExhaustedHubSpotDayIsA429DailyUntilTheLimitsAreReset() throws Exception {
        sandbox.hubspot().exhaustDailyLimit();

        HttpResponse<String> refused = hubspot("GET", "/crm/v3/owners", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"policyName\":\"DAILY\"");

        sandbox.hubspot().resetLimits();
        assertThat(hubspot("GET", "/crm/v3/owners", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aHubSpotWriteAnsweredWithCutShortJsonHasStillHappened() throws Exception {
        sandbox.hubspotServer().faults().malformedJson(1.0);

        HttpResponse<String> answer = hubspot("POST", "/crm/v3/objects/contacts/batch/upsert",
                "{\"inputs\":[{\"idProperty\":\"email\",\"id\":\"cut@short.example\",\"properties\":{\"firstname\":\"Cut\"}}]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new ObjectMapper().readTree(answer.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(sandbox.hubspot().store().findBy("email", "cut@short.example")).isPresent();
    }

    @Test
    void revokedSalesforceCredentialsRefuseTheLoginAndEverySession() throws Exception {
        String token = salesforceToken();
        sandbox.salesforceServer().faults().credentialsRevoked(true);

        HttpResponse<String> login = salesforceLogin();
        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.body()).contains("invalid_grant");
        HttpResponse<String> query = salesforceQuery(token);
        assertThat(query.statusCode()).isEqualTo(401);
        assertThat(query.body()).contains("INVALID_SESSION_ID");

        sandbox.salesforceServer().faults().credentialsRevoked(false);
        assertThat(salesforceQuery(token).statusCode()).isEqualTo(200);
    }

    @Test
    void anExhaustedSalesforceBudgetIsRequestLimitExceededUntilANewDay() throws Exception {
        String token = salesforceToken();
        sandbox.salesforce().exhaustBudget();

        HttpResponse<String> refused = salesforceQuery(token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("REQUEST_LIMIT_EXCEEDED");

        sandbox.salesforce().resetBudget();
        assertThat(salesforceQuery(token).statusCode()).isEqualTo(200);
    }

    @Test
    void aSalesforceHtmlErrorPageIsTheGatewaysNotSalesforcesJson() throws Exception {
        String token = salesforceToken();
        sandbox.salesforceServer().faults().htmlErrorPages(1.0, 502);

        HttpResponse<String> page = salesforceQuery(token);

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(page.body()).contains("<title>502 Bad Gateway</title>");
    }
}
