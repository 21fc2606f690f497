package io.baton.admin;

import io.baton.store.Alert;
import io.baton.store.AlertRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/alerts?page=&size=} (DESIGN §3): the alert mail stored, newest first — when, what
 * kind, to whom, the subject, whether and how often it was sent, the flags it covered. Bodies are
 * left out: they are long, and the subject and flags say what a mail was about. {@code size} is 1 to
 * {@value #MAX_SIZE}, like the other lists.
 */
@RestController
class AlertsController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    private final AlertRepository alerts;

    AlertsController(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "Alert mail stored, newest first (paged)")
    @GetMapping("/api/alerts")
    Map<String, Object> alerts(@RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
        AdminPaging.require(page, size, MAX_SIZE);
        List<Map<String, Object>> items = alerts.page(page, size).stream().map(AlertsController::item).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
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
