package io.baton.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** The simulators' one JSON mapper: plain Jackson, no Spring customisation, so wire shapes stay exact. */
public final class SandboxJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private SandboxJson() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise sandbox response", e);
        }
    }

    /** Parses a request body; a malformed body is the caller's 400, reported as {@link MalformedJsonException}. */
    public static JsonNode read(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("empty request body");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    /** Thrown when a request body is not valid JSON. */
    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
