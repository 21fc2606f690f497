package io.baton.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.core.record.CrmException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;

/**
 * Every Salesforce call Baton makes, through the camel-salesforce component with raw JSON payloads
 * (no generated DTOs; STACK.md). Failures come out as {@link CrmException}.
 */
public class SalesforceGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate producer;

    public SalesforceGateway(ProducerTemplate producer) {
        this.producer = producer;
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

    /** The number of live rows of an sObject type. */
    public long count(String sObjectType) {
        return query("SELECT COUNT() FROM " + sObjectType).path("totalSize").asLong();
    }

    /** The org's limits; a cheap call (not counted against the daily budget) that proves the login. */
    public DailyApiRequests dailyApiRequests() {
        JsonNode limits = call("salesforce:limits?rawPayload=true", null);
        JsonNode daily = limits.path("DailyApiRequests");
        return new DailyApiRequests(daily.path("Max").asLong(), daily.path("Remaining").asLong());
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
        Object answer;
        try {
            answer = producer.requestBodyAndHeaders(endpoint, new ArrayList<>(records), headers);
        } catch (RuntimeException e) {
            throw SalesforceErrors.translate(e);
        }
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
        try {
            Object answer = headers.isEmpty() ? producer.requestBody(endpoint, body)
                    : producer.requestBodyAndHeaders(endpoint, body, headers);
            String text = answer instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : producer.getCamelContext().getTypeConverter().convertTo(String.class, answer);
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw SalesforceErrors.translate(e);
        } catch (RuntimeException e) {
            throw SalesforceErrors.translate(e);
        }
    }

    /** The rolling 24-hour API allowance and what is left of it. */
    public record DailyApiRequests(long max, long remaining) {
    }
}
