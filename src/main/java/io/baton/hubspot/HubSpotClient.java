package io.baton.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.core.record.CrmException;
import io.baton.core.record.Side;
import io.baton.resilience.ApiCall;
import io.baton.resilience.ApiGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Baton's own typed HubSpot CRM v3 client (HubSpot ships no Java SDK). Only the endpoints Baton
 * uses, with every failure translated into a {@link CrmException} by {@link HubSpotErrors}. Every
 * call goes through the HubSpot {@link ApiGuard} (daily allocation, burst and search limiters,
 * circuit breaker, retry), and every answer's rate-limit headers teach it how busy the portal is.
 */
public class HubSpotClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubSpotConnection connection;
    private final HttpClient http;
    private final ApiGuard guard;

    /** A client with no client-side limits (tests and tools); the service passes its guard. */
    public HubSpotClient(HubSpotConnection connection) {
        this(connection, ApiGuard.unguarded(Side.HUBSPOT));
    }

    public HubSpotClient(HubSpotConnection connection, ApiGuard guard) {
        this.connection = connection;
        this.http = HttpClient.newBuilder().connectTimeout(connection.timeout()).build();
        this.guard = guard;
        guard.recheckWith(this::dailyUsage);
    }

    /**
     * Today's API usage of the private app: a cheap call that proves the URL and the token. Not
     * refused when the allocation is spent, since health and the pause's recheck need it.
     */
    public ApiUsage dailyUsage() {
        JsonNode body = send(ApiCall.free("api-usage", ApiCall.Lane.BURST), "GET",
                "/account-info/v3/api-usage/daily/private-apps", null);
        JsonNode first = body.path("results").path(0);
        ApiUsage usage = new ApiUsage(first.path("usageLimit").asLong(), first.path("currentUsage").asLong());
        if (usage.limit() > 0) {
            guard.allocation().observed(usage.limit(), Math.max(0, usage.limit() - usage.used()));
        }
        return usage;
    }

    /** The number of live contacts, from the search endpoint's {@code total} (not capped at 10,000). */
    public long countContacts() {
        JsonNode body = send("POST", "/crm/v3/objects/contacts/search", Map.of("limit", 1));
        return body.path("total").asLong();
    }

    /** One search request, first page only: Baton narrows the filter instead of paging (A.2's 10,000 cap). */
    public ContactSearchPage searchContacts(ContactSearch search) {
        JsonNode body = send("POST", "/crm/v3/objects/contacts/search", search.body());
        List<HubSpotContact> contacts = new ArrayList<>();
        for (JsonNode c : body.path("results")) {
            contacts.add(contact(c));
        }
        return new ContactSearchPage(body.path("total").asLong(), contacts);
    }

    /**
     * Batch read, at most 100 ids (by contact id, or by {@code idProperty} such as email), with each
     * property's history so per-field change times are known (A.1, A.3). Ids not found are left out.
     */
    List<JsonNode> batchRead(String idProperty, Collection<String> ids, List<String> properties) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (idProperty != null) {
            body.put("idProperty", idProperty);
        }
        body.put("properties", properties);
        body.put("propertiesWithHistory", properties);
        body.put("inputs", ids.stream().map(id -> Map.of("id", id)).toList());
        List<JsonNode> results = new ArrayList<>();
        send("POST", "/crm/v3/objects/contacts/batch/read", body).path("results").forEach(results::add);
        return results;
    }

    /** Archives these contacts, at most 100 (A.3: 204 even for ids that no longer exist). */
    void batchArchive(Collection<String> ids) {
        send("POST", "/crm/v3/objects/contacts/batch/archive",
                Map.of("inputs", ids.stream().map(id -> Map.of("id", id)).toList()));
    }

    /** The ids of every archived contact, following {@code after} paging of the list endpoint (A.2, A.4). */
    List<String> archivedContactIds() {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = send("GET", "/crm/v3/objects/contacts?archived=true&limit=100&properties=email"
                    + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8)), null);
            page.path("results").forEach(c -> ids.add(c.path("id").asText()));
            JsonNode next = page.path("paging").path("next").path("after");
            after = next.isMissingNode() || next.isNull() ? null : next.asText();
        } while (after != null);
        return ids;
    }

    /** Batch update by contact id, at most 100 inputs {@code {id, properties}} (A.3). */
    BatchAnswer batchUpdate(List<Map<String, Object>> inputs) {
        return BatchAnswer.parse(send("POST", "/crm/v3/objects/contacts/batch/update", Map.of("inputs", inputs)));
    }

    /** Batch upsert, at most 100 inputs {@code {idProperty, id, properties}} (A.3): creates nothing twice. */
    BatchAnswer batchUpsert(List<Map<String, Object>> inputs) {
        return BatchAnswer.parse(send("POST", "/crm/v3/objects/contacts/batch/upsert", Map.of("inputs", inputs)));
    }

    private static HubSpotContact contact(JsonNode c) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        c.path("properties").fields().forEachRemaining(p -> {
            if (!p.getValue().isNull()) {
                properties.put(p.getKey(), p.getValue().asText());
            }
        });
        String updated = c.path("updatedAt").asText("");
        return new HubSpotContact(c.path("id").asText(), properties,
                updated.isEmpty() ? java.time.Instant.EPOCH : java.time.Instant.parse(updated), c.path("archived").asBoolean(false));
    }

    /** Every owner of the portal, following {@code after} paging. */
    public List<HubSpotOwner> owners() {
        List<HubSpotOwner> owners = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = send("GET", "/crm/v3/owners?limit=100" + (after == null ? "" : "&after=" + after), null);
            for (JsonNode o : page.path("results")) {
                owners.add(new HubSpotOwner(o.path("id").asText(), o.path("email").asText(),
                        o.path("firstName").asText(), o.path("lastName").asText()));
            }
            JsonNode next = page.path("paging").path("next").path("after");
            after = next.isMissingNode() || next.isNull() ? null : next.asText();
        } while (after != null);
        return owners;
    }

    /** Sends one request through the guard: searches draw on the search limiter, all else on the burst window. */
    private JsonNode send(String method, String pathAndQuery, Object body) {
        boolean search = pathAndQuery.endsWith("/search");
        String operation = method + " " + pathAndQuery.replaceFirst("\\?.*", "").replaceFirst("^/crm/v3/objects/contacts", "contacts");
        return send(ApiCall.counted(operation, search ? ApiCall.Lane.SEARCH : ApiCall.Lane.BURST), method, pathAndQuery, body);
    }

    private JsonNode send(ApiCall call, String method, String pathAndQuery, Object body) {
        return guard.call(call, () -> sendOnce(method, pathAndQuery, body));
    }

    /** Sends one request and returns the parsed JSON body, or throws the translated failure. */
    private JsonNode sendOnce(String method, String pathAndQuery, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + pathAndQuery))
                    .timeout(connection.timeout())
                    .header("Authorization", "Bearer " + connection.accessToken())
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            learnLimits(response.headers());
            if (response.statusCode() >= 300) {
                throw HubSpotErrors.fromResponse(response.statusCode(), response.body(),
                        response.headers().firstValue("Retry-After"), HubSpotErrors.isRecordCall(method, pathAndQuery));
            }
            return parse(response);
        } catch (IOException e) {
            throw HubSpotErrors.fromIo(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HubSpotErrors.fromIo(new IOException("interrupted"));
        }
    }

    /** A.7: the burst window's and the day's Max and Remaining, when HubSpot sent them (never on search). */
    private void learnLimits(java.net.http.HttpHeaders headers) {
        long windowMax = number(headers, "X-HubSpot-RateLimit-Max");
        long windowLeft = number(headers, "X-HubSpot-RateLimit-Remaining");
        long interval = number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        if (windowMax > 0 && windowLeft >= 0 && interval > 0) {
            guard.pressure().observed(windowMax, windowLeft, java.time.Duration.ofMillis(interval));
        }
        long daily = number(headers, "X-HubSpot-RateLimit-Daily");
        long dailyLeft = number(headers, "X-HubSpot-RateLimit-Daily-Remaining");
        if (daily > 0 && dailyLeft >= 0) {
            guard.allocation().observed(daily, dailyLeft);
        }
    }

    private static long number(java.net.http.HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::trim).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A 2xx body as JSON; one that is not JSON (cut short, or a proxy's page) is a malformed answer, not an outage. */
    private static JsonNode parse(HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw HubSpotErrors.malformed(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("no Content-Type"), text.length());
        }
    }

    /** The daily allowance and what has been used of it. */
    public record ApiUsage(long limit, long used) {
    }
}
