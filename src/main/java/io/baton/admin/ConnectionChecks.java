package io.baton.admin;

import io.baton.core.record.CrmException;
import io.baton.hubspot.HubSpotClient;
import io.baton.salesforce.SalesforceGateway;
import io.baton.store.StoreHealth;
import jakarta.mail.MessagingException;
import io.baton.resilience.ApiGuard;
import io.baton.resilience.ApiGuards;
import io.baton.resilience.Pause;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
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
    private final ApiGuards guards;

    public ConnectionChecks(HubSpotClient hubspot, SalesforceGateway salesforce, StoreHealth store,
                            ObjectProvider<JavaMailSenderImpl> mail, ApiGuards guards) {
        this.guards = guards;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.store = store;
        this.mail = mail;
    }

    public List<ConnectionCheck> all() {
        return List.of(hubspot(), salesforce(), store(), mail());
    }

    public ConnectionCheck hubspot() {
        return guarded(guards.hubspot(), () -> {
            HubSpotClient.ApiUsage usage = hubspot.dailyUsage();
            return Map.of("dailyLimit", usage.limit(), "dailyUsed", usage.used());
        });
    }

    public ConnectionCheck salesforce() {
        return guarded(guards.salesforce(), () -> {
            SalesforceGateway.DailyApiRequests requests = salesforce.dailyApiRequests();
            return Map.of("dailyApiRequestsMax", requests.max(), "dailyApiRequestsRemaining", requests.remaining());
        });
    }

    /**
     * One CRM's check with what its guard knows: circuit state, Baton's use against its allocation,
     * and whether its sync is paused (why, until when). A spent allocation is UP with
     * {@code paused: true} (the service is fine, it waits); refused credentials are DOWN.
     */
    private static ConnectionCheck guarded(ApiGuard guard, Supplier<Map<String, Object>> probe) {
        Map<String, Object> details = new LinkedHashMap<>();
        String error = null;
        try {
            details.putAll(probe.get());
        } catch (CrmException e) {
            error = e.kind() + ": " + e.getMessage();
        }
        details.put("circuit", guard.circuitState().name());
        details.put("budgetUsed", guard.allocation().used());
        details.put("budgetAllocated", guard.allocation().allocated().isPresent()
                ? guard.allocation().allocated().getAsLong() : "unknown");
        Optional<Pause> pause = guard.pause();
        details.put("paused", pause.isPresent());
        pause.ifPresent(p -> {
            details.put("pausedWhy", p.why());
            details.put("pausedUntil", p.until().toString());
        });
        if (error == null && pause.filter(p -> p.reason() == Pause.Reason.AUTH).isPresent()) {
            error = "AUTH: " + pause.get().why();
        }
        return error == null ? ConnectionCheck.up(guard.system(), details)
                : new ConnectionCheck(guard.system(), false, Map.copyOf(details), error);
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
