package io.baton.admin;

import io.baton.sync.Rebaseline;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/rebaseline}: re-read and reconcile every record under the current rules (see
 * {@link Rebaseline}); answers 202 at once, the sync does the work, {@code GET /api/status} shows
 * its progress. {@code POST /api/plan} with {@code "full": true} shows beforehand what it will write.
 */
@RestController
class RebaselineController {

    private final Rebaseline rebaseline;

    RebaselineController(Rebaseline rebaseline) {
        this.rebaseline = rebaseline;
    }

    @Operation(summary = "Re-read and reconcile every record under the current rules; progress in /api/status")
    @PostMapping("/api/rebaseline")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> start() {
        int reset = rebaseline.start();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("streamsReset", reset);
        body.put("startedAt", rebaseline.startedAt().map(Object::toString).orElse(null));
        body.put("progress", "/api/status");
        return body;
    }
}
