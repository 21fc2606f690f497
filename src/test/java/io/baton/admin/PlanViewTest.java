package io.baton.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sync.PlanReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlanViewTest {

    private static PlanReport report(int writes, String incomplete) {
        return new PlanReport("/srv/candidate", true, Instant.parse("2026-03-03T12:00:00Z"), 42, 7,
                IntStream.range(0, writes).mapToObj(i -> new PlanReport.Write("hubspot", "contact", "update", "" + i,
                        i == 0 ? "leak-write-back" : "sync", Map.of("jobtitle", "CTO"))).toList(),
                List.of(new PlanReport.Delete("salesforce", "Lead", "00Q9")),
                List.of(new PlanReport.Move("1", null, null, "mql", null, "hubspot", "MOVED"),
                        new PlanReport.Move("2", "00Q2", "sql", "mql", "not allowed", "salesforce", "REFUSED")),
                List.of(), List.of(new PlanReport.Flag("stale", "stale-sal", "3", "00Q3", null, "sal", null)),
                List.of(new PlanReport.PlannedConflict("4", "00Q4", "phone", null, "+1 1", "+1 2", "two-way", "salesforce")),
                List.of(new PlanReport.Failure("hubspot", "contact", "5", "hubspot:contacts", "MAPPING_ERROR", "bad value")),
                incomplete);
    }

    @Test
    void textHasEverySectionWithCountsAndCutsLongListsPointingAtJson() {
        String text = PlanView.text(report(25, null));

        assertThat(text).startsWith("plan: a re-baseline (every record read again) with the candidate rules in "
                        + "/srv/candidate — nothing was written")
                .contains("writes: 25", "  hubspot: update 25", "    fields: jobtitle 25",
                        "  hubspot contact update 0 (leak-write-back): jobtitle='CTO'",
                        "  … and 5 more (--json lists them all)",
                        "deletes: 1", "  salesforce Lead 00Q9",
                        "lifecycle moves: 1 (refused: 1)", "hubspot 1 / salesforce -: (none) → mql",
                        "sql → mql (not allowed) REFUSED",
                        "leak flags: 0 to open, 1 to close", "  - stale (stale-sal) hubspot 3 / salesforce 00Q3",
                        "conflicts: 1", "phone: hubspot '+1 1', salesforce '+1 2' → salesforce wins (two-way)",
                        "failures: 1", "hubspot contact 5: bad value")
                .doesNotContain("INCOMPLETE");
    }

    @Test
    void anIncompletePlanSaysWhy() {
        assertThat(PlanView.text(report(1, "salesforce: daily allocation spent")))
                .contains("INCOMPLETE: the dry run stopped early: salesforce: daily allocation spent");
    }

    @Test
    void jsonCapsListsAndSaysHowManyWereLeftOut() {
        Map<String, Object> json = PlanView.json(report(25, null), 10);

        assertThat((List<?>) json.get("writes")).hasSize(10);
        assertThat(json.get("leftOut")).isEqualTo(Map.of("writes", 15));
        assertThat(((Map<?, ?>) json.get("totals")).get("writes")).isEqualTo(25);
        assertThat(((Map<?, ?>) json.get("totals")).get("lifecycleRefusals")).isEqualTo(1L);
    }
}
