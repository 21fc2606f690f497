package io.baton.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.core.record.CrmException;
import io.baton.core.record.Side;
import io.baton.resilience.ApiCall;
import io.baton.resilience.ApiGuard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;

/**
 * Every Salesforce call Baton makes, through the camel-salesforce component with raw JSON payloads
 * (no generated DTOs; STACK.md). Failures come out as {@link CrmException}. Every call goes
 * through the Salesforce {@link ApiGuard}; every answer's {@code Sforce-Limit-Info} (which
 * camel-salesforce copies onto the out message) tells it how much of the org's day is left.
 */
public class SalesforceGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** B: {@code Sforce-Limit-Info: api-usage=18/5000}, used/max over the rolling 24 hours. */
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final ProducerTemplate producer;
    private final ApiGuard guard;

    /** A gateway with no allocation (tests and tools); the service passes its guard. */
    public SalesforceGateway(ProducerTemplate producer) {
        this(producer, ApiGuard.unguarded(Side.SALESFORCE));
    }

    public SalesforceGateway(ProducerTemplate producer, ApiGuard guard) {
        this.producer = producer;
        this.guard = guard;
        guard.recheckWith(this::dailyApiRequests);
    }

    /** Runs a SOQL query and returns the first page as JSON ({@code totalSize}, {@code done}, {@code records}). */
    public JsonNode query(String soql) {
        return call("salesforce:query?rawPayload=true", soql);
    }

    /**
     * Runs SOQL over live <em>and</em> recycle-bin rows (B.2 queryAll: deleted rows carry
     * {@code IsDeleted = true}, merged-away ones also {@code MasterRecordId}); first page as JSON.
     */
    public JsonNode queryAll(String soql) {
        return call("salesforce:queryAll?rawPayload=true", soql);
    }

    /**
     * The next batch of a query or queryAll result: {@code nextRecordsUrl} as the last batch gave it
     * (B.2). camel-salesforce takes it in {@code sObjectQuery} (C.1, "reuse SOBJECT_QUERY parameter
     * name for nextRecordsUrl").
     */
    public JsonNode queryMore(String nextRecordsUrl) {
        return call("salesforce:queryMore?rawPayload=true", null, Map.of("sObjectQuery", nextRecordsUrl));
    }

    /** The describe of an sObject type (its fields with {@code createable}, {@code nillable}, {@code defaultedOnCreate}, …). */
    public JsonNode describe(String sObjectType) {
        return call("salesforce:getDescription?rawPayload=true", null, Map.of("sObjectName", sObjectType));
    }

    /** The number of live rows of an sObject type. */
    public long count(String sObjectType) {
        return query("SELECT COUNT() FROM " + sObjectType).path("totalSize").asLong();
    }

    /** The org's limits; a cheap call (not counted against the daily budget) that proves the login. */
    public DailyApiRequests dailyApiRequests() {
        JsonNode limits = json(send(ApiCall.free("limits", ApiCall.Lane.NONE), "salesforce:limits?rawPayload=true", null,
                Map.of()));
        JsonNode daily = limits.path("DailyApiRequests");
        DailyApiRequests requests = new DailyApiRequests(daily.path("Max").asLong(), daily.path("Remaining").asLong());
        if (requests.max() > 0) {
            guard.allocation().observed(requests.max(), requests.remaining());
        }
        return requests;
    }

    /**
     * sObject Collections update (B.4, {@code PATCH /composite/sobjects}): at most 200 records, each
     * with its {@code Id}; one result per record, in request order. {@code allOrNone=false}: one bad
     * record must not roll back the others.
     */
    List<SaveSObjectResult> updateCollection(List<DynamicSObject> records) {
        return collection("salesforce:compositeUpdateSObjectCollections", records, Map.of("allOrNone", "false"),
                SaveSObjectResult.class);
    }

    /**
     * sObject Collections upsert by external id (B.4, {@code PATCH /composite/sobjects/{type}/{field}}):
     * one type per call, the external id value inside each record, at most 200 records; results in
     * request order with {@code created}. Without {@code autoAssign}, {@code Sforce-Auto-Assign: FALSE}
     * keeps Lead assignment rules from overriding the owner sent (B.7); camel-salesforce forwards
     * message headers named {@code Sforce*} as HTTP headers.
     */
    List<UpsertSObjectResult> upsertCollection(String sObjectType, String externalIdField, List<DynamicSObject> records,
                                               boolean autoAssign) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("sObjectName", SoqlLiterals.name(sObjectType));
        headers.put("sObjectIdName", SoqlLiterals.name(externalIdField));
        headers.put("allOrNone", "false");
        if (!autoAssign) {
            headers.put("Sforce-Auto-Assign", "FALSE");
        }
        return collection("salesforce:compositeUpsertSObjectCollections", records, headers, UpsertSObjectResult.class);
    }

    /** The collections operations take DTOs and answer DTOs, whatever rawPayload says (see {@link DynamicSObject}). */
    private <T> List<T> collection(String endpoint, List<DynamicSObject> records, Map<String, Object> headers,
                                   Class<T> resultType) {
        Object answer = send(ApiCall.counted(operation(endpoint), ApiCall.Lane.NONE), endpoint, new ArrayList<>(records),
                headers);
        if (!(answer instanceof List<?> items)) {
            throw SalesforceErrors.malformed("a collections call answered " + (answer == null ? "nothing"
                    : answer.getClass().getSimpleName()) + " instead of a result list");
        }
        List<T> results = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!resultType.isInstance(item)) {
                throw SalesforceErrors.malformed("a collections result item is "
                        + (item == null ? "null" : item.getClass().getSimpleName()));
            }
            results.add(resultType.cast(item));
        }
        return results;
    }

    /**
     * Deletes one record (it goes to the recycle bin, B.4). Deletes are rare and follow a person
     * deleted in HubSpot, so one call each; a record already deleted counts as done.
     */
    public void delete(String sObjectType, String id) {
        try {
            call("salesforce:deleteSObject?rawPayload=true", null, Map.of("sObjectName", sObjectType, "sObjectId", id));
        } catch (io.baton.core.record.CrmException e) {
            if (!"ENTITY_IS_DELETED".equals(e.code()) && !"NOT_FOUND".equals(e.code())) {
                throw e;
            }
        }
    }

    private JsonNode call(String endpoint, Object body) {
        return call(endpoint, body, Map.of());
    }

    private JsonNode call(String endpoint, Object body, Map<String, Object> headers) {
        return json(send(ApiCall.counted(operation(endpoint), ApiCall.Lane.NONE), endpoint, body, headers));
    }

    private JsonNode json(Object answer) {
        try {
            String text = answer instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : producer.getCamelContext().getTypeConverter().convertTo(String.class, answer);
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SalesforceErrors.malformed("an answer is not valid JSON (" + e.getClass().getSimpleName() + ")");
        } catch (IOException | RuntimeException e) {
            throw SalesforceErrors.translate(e);
        }
    }

    /** One call through the guard, logging in again once if the session was refused anyway. */
    private Object send(ApiCall call, String endpoint, Object body, Map<String, Object> headers) {
        boolean recordCall = endpoint.contains("SObject");
        return guard.call(call, () -> reauthenticatingOnce(() -> exchange(endpoint, body, headers, recordCall)));
    }

    /**
     * camel-salesforce renews an expired session on 401 by itself; a refusal that still reaches
     * Baton gets one fresh login and one more try. Refused again, it is FATAL: the credentials
     * work for login but not for the API (a user or permission problem an admin must fix).
     */
    private Object reauthenticatingOnce(Supplier<Object> work) {
        try {
            return work.get();
        } catch (CrmException e) {
            if (e.kind() != CrmException.Kind.AUTH) {
                throw e;
            }
            logInAgain(e);
            try {
                return work.get();
            } catch (CrmException again) {
                if (again.kind() != CrmException.Kind.AUTH) {
                    throw again;
                }
                throw new CrmException(Side.SALESFORCE, CrmException.Kind.FATAL, again.code(),
                        "Salesforce refused the session again right after a new login (" + again.code()
                                + "): check the integration user and its API permissions", null, again);
            }
        }
    }

    private void logInAgain(CrmException refused) {
        var session = producer.getCamelContext().getComponent("salesforce", SalesforceComponent.class).getSession();
        try {
            session.login(session.getAccessToken());
        } catch (Exception e) {
            throw new CrmException(Side.SALESFORCE, CrmException.Kind.FATAL, refused.code(),
                    "Salesforce refused the session and a new login failed: " + e.getClass().getSimpleName(), null, e);
        }
    }

    /** Sends one exchange; its out message carries the body and camel-salesforce's copy of the response headers. */
    private Object exchange(String endpoint, Object body, Map<String, Object> headers, boolean recordCall) {
        Exchange done;
        try {
            done = producer.request(endpoint, exchange -> {
                exchange.getIn().setBody(body);
                exchange.getIn().getHeaders().putAll(headers);
            });
        } catch (RuntimeException e) {
            throw SalesforceErrors.translate(e, recordCall);
        }
        learnLimits(done.getMessage().getHeader("Sforce-Limit-Info", String.class));
        if (done.getException() != null) {
            throw SalesforceErrors.translate(done.getException(), recordCall);
        }
        return done.getMessage().getBody();
    }

    private void learnLimits(String limitInfo) {
        if (limitInfo == null) {
            return;
        }
        Matcher usage = API_USAGE.matcher(limitInfo);
        if (usage.find()) {
            long used = Long.parseLong(usage.group(1));
            long max = Long.parseLong(usage.group(2));
            guard.allocation().observed(max, Math.max(0, max - used));
        }
    }

    /** The endpoint's operation, for metrics: {@code query}, {@code compositeUpsertSObjectCollections}, … */
    private static String operation(String endpoint) {
        return endpoint.replaceFirst("^salesforce:", "").replaceFirst("\\?.*", "");
    }

    /** The rolling 24-hour API allowance and what is left of it. */
    public record DailyApiRequests(long max, long remaining) {
    }
}
