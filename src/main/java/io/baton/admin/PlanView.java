package io.baton.admin;

import io.baton.sync.PlanReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link PlanReport} for people and for scripts: the JSON shape {@code POST /api/plan} and
 * {@code baton plan --json} share (totals first, then each list, at most {@code limit} items of
 * each with the number left out), and the text {@code baton plan} prints.
 */
final class PlanView {

    static final int TEXT_ITEMS = 20;

    private PlanView() {
    }

    static Map<String, Object> json(PlanReport report, int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rules", report.rules());
        out.put("full", report.full());
        out.put("plannedAt", report.plannedAt().toString());
        out.put("tookMillis", report.tookMillis());
        out.put("changesRead", report.changesRead());
        out.put("incomplete", report.incomplete());
        out.put("totals", report.totals());
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        out.put("writes", capped("writes", report.writes(), limit, leftOut));
        out.put("deletes", capped("deletes", report.deletes(), limit, leftOut));
        out.put("lifecycleMoves", capped("lifecycleMoves", report.lifecycleMoves(), limit, leftOut));
        out.put("flagsOpened", capped("flagsOpened", report.flagsOpened(), limit, leftOut));
        out.put("flagsClosed", capped("flagsClosed", report.flagsClosed(), limit, leftOut));
        out.put("conflicts", capped("conflicts", report.conflicts(), limit, leftOut));
        out.put("failures", capped("failures", report.failures(), limit, leftOut));
        out.put("leftOut", leftOut);
        return out;
    }

    private static <T> List<T> capped(String name, List<T> items, int limit, Map<String, Integer> leftOut) {
        if (items.size() <= limit) {
            return items;
        }
        leftOut.put(name, items.size() - limit);
        return items.subList(0, limit);
    }

    static String text(PlanReport r) {
        List<String> lines = new ArrayList<>();
        lines.add("plan: " + (r.full() ? "a re-baseline (every record read again)" : "the next sync run") + " with the "
                + ("current".equals(r.rules()) ? "current rules" : "candidate rules in " + r.rules())
                + " — nothing was written");
        lines.add("read: " + r.changesRead() + " changes in " + r.tookMillis() + " ms");
        if (r.incomplete() != null) {
            lines.add("INCOMPLETE: the dry run stopped early: " + r.incomplete());
        }
        lines.add("");
        lines.add("writes: " + r.writes().size());
        Map<String, Map<String, Integer>> fields = r.fieldsBySystem();
        r.writesBySystem().forEach((system, ops) -> {
            lines.add("  " + system + ": " + counts(ops));
            lines.add("    fields: " + counts(fields.getOrDefault(system, Map.of())));
        });
        section(lines, r.writes(), w -> w.system() + " " + w.type() + " " + w.operation()
                + (w.recordId() == null ? "" : " " + w.recordId()) + ("sync".equals(w.origin()) ? "" : " (" + w.origin() + ")")
                + ": " + w.fields().entrySet().stream().map(e -> e.getKey() + "=" + quoted(e.getValue()))
                .collect(Collectors.joining(", ")));
        lines.add("");
        lines.add("deletes: " + r.deletes().size());
        section(lines, r.deletes(), d -> d.system() + " " + d.type() + " " + d.recordId());
        lines.add("");
        lines.add("lifecycle moves: " + r.movesMade() + " (refused: " + (r.lifecycleMoves().size() - r.movesMade()) + ")");
        section(lines, r.lifecycleMoves(), m -> person(m.hubspotId(), m.salesforceId()) + ": "
                + (m.from() == null ? "(none)" : m.from()) + " → " + m.to()
                + (m.reason() == null ? "" : " (" + m.reason() + ")") + ("MOVED".equals(m.outcome()) ? "" : " REFUSED"));
        lines.add("");
        lines.add("leak flags: " + r.flagsOpened().size() + " to open, " + r.flagsClosed().size() + " to close");
        section(lines, r.flagsOpened(), f -> "+ " + flag(f));
        section(lines, r.flagsClosed(), f -> "- " + flag(f));
        lines.add("");
        lines.add("conflicts: " + r.conflicts().size());
        section(lines, r.conflicts(), c -> person(c.hubspotId(), c.salesforceId()) + " " + c.field() + ": hubspot "
                + quoted(c.hubspotValue()) + ", salesforce " + quoted(c.salesforceValue()) + " → "
                + (c.winner() == null ? "no winner" : c.winner() + " wins") + " (" + c.rule() + ")");
        lines.add("");
        lines.add("failures: " + r.failures().size());
        section(lines, r.failures(), f -> f.system() + " " + f.recordType() + " " + f.recordId() + ": " + f.reason());
        return String.join("\n", lines);
    }

    private static <T> void section(List<String> lines, List<T> items, Function<T, String> line) {
        items.stream().limit(TEXT_ITEMS).forEach(item -> lines.add("  " + line.apply(item)));
        if (items.size() > TEXT_ITEMS) {
            lines.add("  … and " + (items.size() - TEXT_ITEMS) + " more (--json lists them all)");
        }
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String flag(PlanReport.Flag f) {
        return f.kind() + " (" + f.rule() + ") " + person(f.hubspotId(), f.salesforceId())
                + (f.ownerEmail() == null ? "" : " owner " + f.ownerEmail());
    }

    private static String person(String hubspotId, String salesforceId) {
        return "hubspot " + (hubspotId == null ? "-" : hubspotId) + " / salesforce " + (salesforceId == null ? "-" : salesforceId);
    }

    private static String quoted(String value) {
        return value == null ? "(blank)" : "'" + value + "'";
    }
}
