package io.baton.admin;

import io.baton.store.Conflict;
import io.baton.store.ConflictRepository;
import io.baton.store.RecordLink;
import io.baton.store.RecordLinkRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/conflicts} (DESIGN §3): fields both CRMs changed since the last sync, newest
 * first, a page at a time ({@code page} from 0, {@code size} up to {@value #MAX_SIZE}), optionally
 * of one {@code link}. Each shows the three values, the rule that decided and the winner, with the
 * two records' ids so an admin can open both.
 */
@RestController
class ConflictsController {

    static final int MAX_SIZE = 200;

    private final ConflictRepository conflicts;
    private final RecordLinkRepository links;

    ConflictsController(ConflictRepository conflicts, RecordLinkRepository links) {
        this.conflicts = conflicts;
        this.links = links;
    }

    @Operation(summary = "Fields both CRMs changed, newest first (paged; one link with ?link=)")
    @GetMapping("/api/conflicts")
    Map<String, Object> conflicts(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                  @RequestParam Optional<Long> link) {
        AdminPaging.require(page, size, MAX_SIZE);
        List<Conflict> found = conflicts.page(link, page, size);
        Map<Long, RecordLink> linked = links.findByIds(found.stream().map(Conflict::linkId).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
        body.put("total", conflicts.count(link));
        body.put("conflicts", found.stream().map(c -> conflict(c, Optional.ofNullable(linked.get(c.linkId())))).toList());
        return body;
    }

    private static Map<String, Object> conflict(Conflict c, Optional<RecordLink> link) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("detectedAt", c.detectedAt().toString());
        m.put("linkId", c.linkId());
        m.put("hubspotId", link.flatMap(RecordLink::hubspotId).orElse(null));
        m.put("salesforceId", link.flatMap(RecordLink::salesforce).map(r -> r.id()).orElse(null));
        m.put("salesforceType", link.flatMap(RecordLink::salesforce).map(r -> r.type()).orElse(null));
        m.put("field", c.field());
        m.put("base", c.baseValue().orElse(null));
        m.put("hubspot", c.hubspotValue().orElse(null));
        m.put("salesforce", c.salesforceValue().orElse(null));
        m.put("rule", c.rule());
        m.put("winner", c.winner().map(Enum::name).orElse(null));
        return m;
    }
}
