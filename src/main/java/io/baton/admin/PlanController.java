package io.baton.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.baton.config.CandidateRules;
import io.baton.sync.PlanReport;
import io.baton.sync.SyncPlanner;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/plan}: the dry run ({@link SyncPlanner}) — what the next sync would write, move,
 * flag and fail, with nothing written. Body (all optional): {@code {"config": "/path/to/folder",
 * "full": true, "limit": 100}}: candidate rule files (mappings.yml, lifecycle.yml, leakage.yml) to
 * plan with instead of the running ones, a re-baseline instead of the next run, and at most
 * {@code limit} items per list (default {@value #DEFAULT_LIMIT}, up to {@value #MAX_LIMIT}; the
 * totals always count everything).
 */
@RestController
class PlanController {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 100_000;
    private static final List<String> FIELDS = List.of("config", "full", "limit");

    private final SyncPlanner planner;
    private final ConfigurableEnvironment environment;

    PlanController(SyncPlanner planner, ConfigurableEnvironment environment) {
        this.planner = planner;
        this.environment = environment;
    }

    @Operation(summary = "Dry run: what the next sync (or a re-baseline) would write, move, flag and fail; writes nothing")
    @PostMapping("/api/plan")
    Map<String, Object> plan(@RequestBody(required = false) JsonNode body) {
        // No body at all plans the next run with the current rules.
        JsonNode options = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        JsonBodies.requireObjectOf(options, FIELDS);
        JsonNode config = options.path("config");
        if (!config.isMissingNode() && !config.isNull() && !(config.isTextual() && !config.textValue().isBlank())) {
            throw JsonBodies.badRequest("config: must be the path of a folder holding candidate rule files " + CandidateRules.FILES);
        }
        JsonNode full = options.path("full");
        if (!full.isMissingNode() && !full.isBoolean()) {
            throw JsonBodies.badRequest("full: must be true or false (was " + full + ")");
        }
        JsonNode limit = options.path("limit");
        if (!limit.isMissingNode() && !(limit.canConvertToInt() && limit.isIntegralNumber()
                && limit.intValue() >= 0 && limit.intValue() <= MAX_LIMIT)) {
            throw JsonBodies.badRequest("limit: must be a whole number from 0 to " + MAX_LIMIT + " (was " + limit + ")");
        }
        boolean rebaseline = full.asBoolean(false);
        PlanReport report = config.isTextual()
                ? planner.plan(CandidateRules.load(Path.of(config.textValue().trim()), environment), rebaseline)
                : planner.plan(rebaseline);
        return PlanView.json(report, limit.isMissingNode() ? DEFAULT_LIMIT : limit.intValue());
    }
}
