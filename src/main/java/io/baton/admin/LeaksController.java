package io.baton.admin;

import io.baton.alerts.CrmLinks;
import io.baton.config.LeakageProperties;
import io.baton.core.leakage.LeakKind;
import io.baton.store.LeakFlag;
import io.baton.store.LeakFlagRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/leaks} (DESIGN §3): the open leak and stale flags, oldest first, a page at a time
 * ({@code page} from 0, {@code size} up to {@value #MAX_SIZE}), optionally of one {@code kind}; each
 * with its record's address in both CRMs ({@code baton.leakage.links}).
 */
@RestController
class LeaksController {

    static final int MAX_SIZE = 200;

    private final LeakFlagRepository flags;
    private final CrmLinks crmLinks;

    LeaksController(LeakFlagRepository flags, LeakageProperties leakage) {
        this.flags = flags;
        this.crmLinks = new CrmLinks(leakage.links());
    }

    @Operation(summary = "Open leak and stale flags (paged; one kind with ?kind=)")
    @GetMapping("/api/leaks")
    Map<String, Object> leaks(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                              @RequestParam Optional<String> kind) {
        AdminPaging.require(page, size, MAX_SIZE);
        Optional<String> wanted = kind.filter(k -> !k.isBlank()).map(String::trim);
        if (wanted.isPresent() && Arrays.stream(LeakKind.values()).noneMatch(k -> k.id().equals(wanted.get()))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown kind '" + wanted.get() + "' (one of "
                    + String.join(", ", Arrays.stream(LeakKind.values()).map(LeakKind::id).toList()) + ")");
        }
        LeakFlag.Page found = flags.listOpen(wanted, page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
        body.put("total", found.total());
        body.put("leaks", found.flags().stream().map(this::flag).toList());
        return body;
    }

    private Map<String, Object> flag(LeakFlag f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("kind", f.kind());
        m.put("rule", f.rule());
        m.put("hubspotId", f.hubspotId().orElse(null));
        m.put("salesforceId", f.salesforce().map(r -> r.id()).orElse(null));
        m.put("salesforceType", f.salesforce().map(r -> r.type()).orElse(null));
        m.put("owner", Map.of("id", f.ownerId().orElse(""), "email", f.ownerEmail().orElse("")));
        m.put("stage", f.stage().orElse(null));
        m.put("opened", f.openedAt().toString());
        m.put("due", f.dueAt().map(Object::toString).orElse(null));
        m.put("level", f.level());
        m.put("cause", f.cause().or(f::detail).orElse(null));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("hubspot", f.hubspotId().map(crmLinks::hubspot).orElse(null));
        links.put("salesforce", f.salesforce().map(r -> crmLinks.salesforce(r.type(), r.id())).orElse(null));
        m.put("links", links);
        return m;
    }
}
