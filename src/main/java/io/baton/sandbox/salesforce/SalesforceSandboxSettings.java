package io.baton.sandbox.salesforce;

import java.time.Duration;

/** How the simulated Salesforce org behaves: session lifetime, daily API allowance, credentials. */
public record SalesforceSandboxSettings(Duration tokenLifetime, long dailyApiRequests, int queryBatchSize,
                                        String clientId, String clientSecret, String username, String password) {

    public static SalesforceSandboxSettings defaults() {
        return new SalesforceSandboxSettings(Duration.ofHours(2), 100_000, 2000, "demo", "demo", "demo@baton.local", "demo");
    }

    public SalesforceSandboxSettings withTokenLifetime(Duration value) {
        return new SalesforceSandboxSettings(value, dailyApiRequests, queryBatchSize, clientId, clientSecret, username, password);
    }

    public SalesforceSandboxSettings withDailyApiRequests(long value) {
        return new SalesforceSandboxSettings(tokenLifetime, value, queryBatchSize, clientId, clientSecret, username, password);
    }

    /** Records per query page (B.2: 2,000 by default; the Sforce-Query-Options hint overrides it per request). */
    public SalesforceSandboxSettings withQueryBatchSize(int value) {
        return new SalesforceSandboxSettings(tokenLifetime, dailyApiRequests, value, clientId, clientSecret, username, password);
    }

    public SalesforceSandboxSettings withCredentials(String newClientId, String newClientSecret, String newUsername,
                                                     String newPassword) {
        return new SalesforceSandboxSettings(tokenLifetime, dailyApiRequests, queryBatchSize, newClientId, newClientSecret,
                newUsername, newPassword);
    }
}
