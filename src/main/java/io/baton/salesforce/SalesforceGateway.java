package io.baton.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.core.record.CrmException;
import java.io.IOException;
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
        try {
            Object answer = producer.requestBody(endpoint, body);
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
