package io.baton.admin;

import io.baton.config.LifecycleProperties;
import io.baton.core.lifecycle.LifecycleFunnel;
import io.baton.store.LifecycleRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/funnel}: the shared lifecycle as a funnel, counted from the audit of stage moves
 * of the active links (see {@link LifecycleFunnel} for what each figure means): per stage of
 * {@code lifecycle.yml}, in order and then the exits, how many people are in it now, how many
 * reached it, the share of those that reached the next stage, and the median time a stay in it
 * lasted. {@code since} (an ISO-8601 instant) counts only the moves made from then on.
 */
@RestController
class FunnelController {

    /** Links read from the store at a time. */
    static final int LINKS_PER_PAGE = 1000;

    private final LifecycleRepository lifecycle;
    private final LifecycleProperties stages;

    FunnelController(LifecycleRepository lifecycle, LifecycleProperties stages) {
        this.lifecycle = lifecycle;
        this.stages = stages;
    }

    @Operation(summary = "The lifecycle funnel: people per stage now and ever, conversion to the next stage, median time in stage")
    @GetMapping("/api/funnel")
    Map<String, Object> funnel(@RequestParam Optional<String> since) {
        Optional<Instant> from = since.map(String::trim).filter(s -> !s.isEmpty()).map(FunnelController::instant);
        LifecycleFunnel funnel = new LifecycleFunnel(stages.stages().stream().map(LifecycleProperties.Stage::name).toList(),
                stages.exits().stream().map(LifecycleProperties.Stage::name).toList());
        lifecycle.forEachStageEntry(from, LINKS_PER_PAGE, e -> funnel.add(e.linkId(), e.stage(), e.at()));
        LifecycleFunnel.Figures figures = funnel.figures();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("since", from.map(Instant::toString).orElse(null));
        body.put("people", figures.people());
        body.put("stages", figures.stages().stream().map(FunnelController::stage).toList());
        return body;
    }

    private static Map<String, Object> stage(LifecycleFunnel.StageFigures s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", s.stage());
        m.put("exit", s.exit());
        m.put("current", s.current());
        m.put("reached", s.reached());
        m.put("conversionToNext", s.conversionToNext().isPresent()
                ? Math.round(s.conversionToNext().getAsDouble() * 10_000) / 10_000.0 : null);
        m.put("medianSecondsInStage", s.medianTimeInStage().map(d -> d.toSeconds()).orElse(null));
        m.put("completedStays", s.completedStays());
        return m;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "since: must be an ISO-8601 instant such as 2026-03-01T00:00:00Z (was '" + text + "')");
        }
    }
}
