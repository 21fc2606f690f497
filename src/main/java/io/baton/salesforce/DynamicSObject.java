package io.baton.salesforce;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;

/**
 * One record of any sObject type for the sObject Collections operations, which ignore
 * {@code rawPayload} and cast their body to {@code List<AbstractDescribedSObjectBase>}
 * (camel-salesforce {@code CompositeSObjectCollectionsProcessor.buildSObjectCollection}).
 *
 * <p>It is written by its own serializer, not as a bean: the base class's system fields
 * ({@code Id}, {@code OwnerId}, {@code CreatedDate}…) would otherwise go through the component's
 * {@code fieldsToNull} filter, which cannot see fields held in a map. What goes on the wire is
 * exactly {@code {"attributes":{"type":T}, <fields in order>}} (API-REFERENCE.md B.4), a
 * {@code null} value written as JSON null: the REST way to clear a field.
 */
@JsonSerialize(using = DynamicSObject.Writer.class)
final class DynamicSObject extends AbstractDescribedSObjectBase {

    private final String type;
    private final Map<String, String> fields;

    /** {@code fields} in wire order; a null value clears the field. */
    DynamicSObject(String type, Map<String, String> fields) {
        this.type = SoqlLiterals.name(Objects.requireNonNull(type, "type"));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        getAttributes().setType(type);
    }

    String type() {
        return type;
    }

    Map<String, String> fields() {
        return fields;
    }

    @Override
    public SObjectDescription description() {
        SObjectDescription d = new SObjectDescription();
        d.setName(type);
        return d;
    }

    @Override
    public String toString() {
        // Field names only: values are personal data and stay out of logs.
        return type + fields.keySet();
    }

    /** Writes the attributes and the fields, nothing else. */
    static final class Writer extends JsonSerializer<DynamicSObject> {
        @Override
        public void serialize(DynamicSObject record, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeObjectFieldStart("attributes");
            json.writeStringField("type", record.type);
            json.writeEndObject();
            for (Map.Entry<String, String> f : record.fields.entrySet()) {
                if (f.getValue() == null) {
                    json.writeNullField(f.getKey());
                } else {
                    json.writeStringField(f.getKey(), f.getValue());
                }
            }
            json.writeEndObject();
        }
    }
}
