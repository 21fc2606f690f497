package io.baton.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The admin API's checks of a JSON request body, answered as 400s that name what is wrong. */
final class JsonBodies {

    private JsonBodies() {
    }

    /** {@code body} is a JSON object whose fields are all among {@code fields}. */
    static void requireObjectOf(JsonNode body, List<String> fields) {
        if (body == null || !body.isObject()) {
            throw badRequest("the body must be a JSON object with any of " + fields);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw badRequest(name + ": unknown field (expected any of " + fields + ")");
            }
        }
    }

    static ResponseStatusException badRequest(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
