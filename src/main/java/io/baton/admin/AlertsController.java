package io.baton.admin;

import io.baton.store.Alert;
import io.baton.store.AlertRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/alerts?page=&size=} (DESIGN §3): the alert mail stored, newest first — when, what
 * kind, to whom, the subject, whether and how often it was sent, the flags it covered. Bodies are
 * left out: they are long, and the subject and flags say what a mail was about.
 */
@RestController
class AlertsController {

    static final int DEFAULT_SIZE = 50;
    /** One page never reads more than this many rows, however large a size is asked for. */
    static final int MAX_SIZE = 200;

    private final AlertRepository alerts;

    AlertsController(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/alerts")
    Map<String, Object> alerts(@RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
        if (page < 0 || size < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size 1 or more");
        }
        int limited = Math.min(size, MAX_SIZE);
        List<Map<String, Object>> items = alerts.page(page, limited).stream().map(AlertsController::item).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", limited);
        body.put("total", alerts.count());
        body.put("alerts", items);
        return body;
    }

    private static Map<String, Object> item(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("time", a.sentAt().orElse(a.createdAt()).toString());
        m.put("createdAt", a.createdAt().toString());
        m.put("sentAt", a.sentAt().map(Object::toString).orElse(null));
        m.put("kind", a.kind().name());
        m.put("digest", a.digest().orElse(null));
        m.put("recipients", a.recipients());
        m.put("subject", a.subject());
        m.put("status", a.status().name());
        m.put("attempts", a.attempts());
        m.put("nextAttemptAt", a.nextAttemptAt().map(Object::toString).orElse(null));
        m.put("error", a.error().orElse(null));
        m.put("flagIds", a.flagIds());
        m.put("flags", a.flags().stream().map(f -> Map.of("flagId", f.flagId(), "level", f.level())).toList());
        return m;
    }
}
