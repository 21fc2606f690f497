package io.baton.admin;

import io.baton.config.InvalidConfigurationException;
import io.baton.core.record.CrmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API's errors as JSON (every controller of this package), {@code {"status":404,"error":"Not Found",
 * "message":"no dead letter with id 42"}}, so a script sees what was wrong without Boot's error page.
 */
@RestControllerAdvice(basePackageClasses = AdminApiErrors.class)
class AdminApiErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> refused(ResponseStatusException e) {
        return body(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "the body is not valid JSON: " + firstLine(e.getMostSpecificCause().getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, e.getName() + " must be a whole number (was '" + e.getValue() + "')");
    }

    /** A CRM that is down or rate limiting: nothing was committed, and the same call can be made again. */
    @ExceptionHandler(CrmException.class)
    ResponseEntity<Map<String, Object>> crmUnavailable(CrmException e) {
        HttpStatus status = e.isRetriable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        return body(status, e.side() + " answered " + e.code() + ": " + e.getMessage()
                + (e.isRetriable() ? " — nothing was committed; try again" : ""));
    }

    /** A candidate config for a dry run that is not valid: every problem, by file and key. */
    @ExceptionHandler(InvalidConfigurationException.class)
    ResponseEntity<Map<String, Object>> invalidConfig(InvalidConfigurationException e) {
        ResponseEntity<Map<String, Object>> answer = body(HttpStatus.BAD_REQUEST, "the candidate config is not valid");
        answer.getBody().put("problems", e.problems().stream().map(Object::toString).toList());
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message == null ? status.getReasonPhrase() : message);
        return ResponseEntity.status(status).body(body);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
