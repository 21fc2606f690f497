package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token} for the username-password and client-credentials flows, and
 * {@code /services/oauth2/revoke} (B.1, C.2). The identity URL must be
 * {@code <instance_url>/id/<org id>/<user id>}: camel-salesforce cuts the org id out of it (STACK.md).
 */
final class OAuthEndpoint {

    private final SalesforceSandboxSettings settings;
    private final SessionStore sessions;
    private final SalesforceOrg org;
    private final Supplier<String> baseUrl;

    OAuthEndpoint(SalesforceSandboxSettings settings, SessionStore sessions, SalesforceOrg org, Supplier<String> baseUrl) {
        this.settings = settings;
        this.sessions = sessions;
        this.org = org;
        this.baseUrl = baseUrl;
    }

    SandboxResponse token(SandboxRequest request) {
        Map<String, String> form = form(request);
        String grant = form.getOrDefault("grant_type", "");
        if (!grant.equals("password") && !grant.equals("client_credentials")) {
            return SalesforceErrorBodies.oauthError("unsupported_grant_type", "grant type not supported");
        }
        if (!settings.clientId().equals(form.get("client_id"))) {
            return SalesforceErrorBodies.oauthError("invalid_client_id", "client identifier invalid");
        }
        if (!settings.clientSecret().equals(form.get("client_secret"))) {
            return SalesforceErrorBodies.oauthError("invalid_client", "invalid client credentials");
        }
        if (grant.equals("password") && !(settings.username().equalsIgnoreCase(form.getOrDefault("username", ""))
                && settings.password().equals(form.get("password")))) {
            return SalesforceErrorBodies.oauthError("invalid_grant", "authentication failure");
        }
        SessionStore.Session session = sessions.issue(org.integrationUserId());
        String instanceUrl = baseUrl.get();
        String id = instanceUrl + "/id/" + org.orgId() + "/" + session.userId();
        String issuedAt = Long.toString(session.issuedAt().toEpochMilli());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", session.token());
        if (grant.equals("client_credentials")) {
            body.put("signature", signature(id + issuedAt));
            body.put("token_format", "opaque");
            body.put("instance_url", instanceUrl);
            body.put("id", id);
            body.put("token_type", "Bearer");
            body.put("issued_at", issuedAt);
            body.put("scope", "api");
        } else {
            body.put("instance_url", instanceUrl);
            body.put("id", id);
            body.put("token_type", "Bearer");
            body.put("issued_at", issuedAt);
            body.put("signature", signature(id + issuedAt));
        }
        return SandboxResponse.json(200, body);
    }

    /** Revoking an unknown token is not an error worth failing a client's shutdown over. */
    SandboxResponse revoke(SandboxRequest request) {
        sessions.revoke(form(request).get("token"));
        return SandboxResponse.empty(200);
    }

    /** Form fields from the body, falling back to the query string (revoke is often a GET). */
    private static Map<String, String> form(SandboxRequest request) {
        Map<String, String> out = new HashMap<>();
        request.query().forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        String body = request.bodyText();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Base64 HMAC-SHA256 of id + issued_at keyed by the client secret, as the real signature is. */
    private String signature(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
