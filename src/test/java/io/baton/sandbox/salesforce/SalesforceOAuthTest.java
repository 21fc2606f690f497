package io.baton.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** B.1: token endpoint, identity URL, error bodies, expiry and revoke. */
class SalesforceOAuthTest {

    private final SalesforceTestServer sf = new SalesforceTestServer(
            SalesforceSandboxSettings.defaults().withTokenLifetime(Duration.ofMinutes(30)));

    @AfterEach
    void stop() {
        sf.close();
    }

    @Test
    void passwordGrantReturnsTheDocumentedTokenShape() {
        var r = sf.tokenRequest("grant_type=password&client_id=demo&client_secret=demo&username=demo%40baton.local"
                + "&password=demo&format=json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("access_token", "instance_url", "id", "token_type", "issued_at", "signature");
        assertThat(r.json().path("instance_url").asText()).isEqualTo(sf.baseUrl());
        assertThat(r.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(r.json().path("access_token").asText()).startsWith(sf.org().orgId().substring(0, 15) + "!");
        assertThat(r.json().path("id").asText())
                .isEqualTo(sf.baseUrl() + "/id/" + sf.org().orgId() + "/" + sf.org().integrationUserId());
        assertThat(sf.org().orgId()).hasSize(18).startsWith("00D");
        assertThat(sf.org().integrationUserId()).hasSize(18).startsWith("005");
        assertThat(r.json().path("issued_at").asText()).matches("\\d{13}");
        assertThat(r.json().has("refresh_token")).isFalse();
    }

    @Test
    void clientCredentialsGrantAddsScopeAndTokenFormat() {
        var r = sf.tokenRequest("grant_type=client_credentials&client_id=demo&client_secret=demo");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("token_format").asText()).isEqualTo("opaque");
        assertThat(r.json().path("scope").asText()).isEqualTo("api");
        String token = r.json().path("access_token").asText();
        var limits = sf.send("GET", SalesforceTestServer.API + "/limits", null, "application/json", token);
        assertThat(limits.status()).isEqualTo(200);
    }

    @Test
    void badCredentialsGetTheDocumentedErrors() {
        var badPassword = sf.tokenRequest("grant_type=password&client_id=demo&client_secret=demo"
                + "&username=demo%40baton.local&password=wrong");
        assertThat(badPassword.status()).isEqualTo(400);
        assertThat(badPassword.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(badPassword.json().path("error_description").asText()).isEqualTo("authentication failure");

        var badClient = sf.tokenRequest("grant_type=password&client_id=nope&client_secret=demo&username=x&password=y");
        assertThat(badClient.json().path("error").asText()).isEqualTo("invalid_client_id");
        var badSecret = sf.tokenRequest("grant_type=client_credentials&client_id=demo&client_secret=nope");
        assertThat(badSecret.json().path("error").asText()).isEqualTo("invalid_client");
        var badGrant = sf.tokenRequest("grant_type=magic&client_id=demo&client_secret=demo");
        assertThat(badGrant.json().path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void missingOrUnknownTokenIs401InvalidSessionId() {
        var none = sf.send("GET", SalesforceTestServer.API + "/query/?q=SELECT%20Id%20FROM%20Lead", null,
                "application/json", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.raw().body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Token");
        var bogus = sf.send("GET", SalesforceTestServer.API + "/limits", null, "application/json", "00Dxx!bogus");
        assertThat(bogus.status()).isEqualTo(401);
    }

    @Test
    void tokensExpireAfterTheirLifetimeOnTheSandboxClock() {
        sf.login();
        assertThat(sf.get(SalesforceTestServer.API + "/limits").status()).isEqualTo(200);
        sf.clock.advance(Duration.ofMinutes(29));
        assertThat(sf.get(SalesforceTestServer.API + "/limits").status()).isEqualTo(200);
        sf.clock.advance(Duration.ofMinutes(1));
        var expired = sf.get(SalesforceTestServer.API + "/limits");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        sf.login();
        assertThat(sf.get(SalesforceTestServer.API + "/limits").status()).isEqualTo(200);
    }

    @Test
    void expireSessionsInvalidatesEveryTokenAtOnce() {
        sf.login();
        sf.sandbox.expireSessions();
        assertThat(sf.get(SalesforceTestServer.API + "/limits").status()).isEqualTo(401);
    }

    @Test
    void revokeByGetOrPostAnswers200AndKillsTheToken() {
        String token = sf.login();
        var revoke = sf.send("GET", "/services/oauth2/revoke?token=" + SalesforceTestServer.enc(token), null,
                "application/json", null);
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(sf.get(SalesforceTestServer.API + "/limits").status()).isEqualTo(401);
        var post = sf.send("POST", "/services/oauth2/revoke", "token=unknown", "application/x-www-form-urlencoded", null);
        assertThat(post.status()).isEqualTo(200);
    }

    @Test
    void versionsNeedNoToken() {
        var r = sf.send("GET", "/services/data/", null, "application/json", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get(0).path("version").asText()).isEqualTo("60.0");
        assertThat(r.json().get(0).path("url").asText()).isEqualTo("/services/data/v60.0");
    }
}
