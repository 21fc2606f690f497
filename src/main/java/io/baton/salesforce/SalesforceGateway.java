package io.baton.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.core.record.CrmException;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

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
