package io.baton.admin;

import io.baton.core.record.CrmException;
import io.baton.hubspot.HubSpotClient;
import io.baton.salesforce.SalesforceGateway;
import io.baton.store.StoreHealth;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Tries each of Baton's four connections with one cheap call. The health endpoint and the
 * {@code validate} command both ask this, so they can never disagree.
 */
@Component
public class ConnectionChecks {

    private final HubSpotClient hubspot;
    private final SalesforceGateway salesforce;
    private final StoreHealth store;
    private final ObjectProvider<JavaMailSenderImpl> mail;

    public ConnectionChecks(HubSpotClient hubspot, SalesforceGateway salesforce, StoreHealth store,
                            ObjectProvider<JavaMailSenderImpl> mail) {
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.store = store;
        this.mail = mail;
    }

    public List<ConnectionCheck> all() {
        return List.of(hubspot(), salesforce(), store(), mail());
    }

    public ConnectionCheck hubspot() {
        try {
            HubSpotClient.ApiUsage usage = hubspot.dailyUsage();
            return ConnectionCheck.up("hubspot", Map.of("dailyLimit", usage.limit(), "dailyUsed", usage.used()));
        } catch (CrmException e) {
            return ConnectionCheck.down("hubspot", e.kind() + ": " + e.getMessage());
        }
    }

    public ConnectionCheck salesforce() {
        try {
            SalesforceGateway.DailyApiRequests requests = salesforce.dailyApiRequests();
            return ConnectionCheck.up("salesforce", Map.of("dailyApiRequestsMax", requests.max(),
                    "dailyApiRequestsRemaining", requests.remaining()));
        } catch (CrmException e) {
            return ConnectionCheck.down("salesforce", e.kind() + ": " + e.getMessage());
        }
    }

    public ConnectionCheck store() {
        try {
            Optional<String> version = store.schemaVersion();
            return ConnectionCheck.up("store", Map.of("schemaVersion", version.orElse("not migrated yet")));
        } catch (RuntimeException e) {
            return ConnectionCheck.down("store", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public ConnectionCheck mail() {
        JavaMailSenderImpl sender = mail.getIfAvailable();
        if (sender == null) {
            return ConnectionCheck.down("mail", "no mail server configured (spring.mail.host)");
        }
        try {
            sender.testConnection();
            return ConnectionCheck.up("mail", Map.of("location", sender.getHost() + ":" + sender.getPort()));
        } catch (MessagingException e) {
            return ConnectionCheck.down("mail", "cannot reach " + sender.getHost() + ":" + sender.getPort()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
