package io.baton.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The benchmark's output: one text table for people, or one JSON object per row for scripts. */
final class BenchTable {

    private static final String[] HEADER = {"scenario", "records", "wall s", "records/s", "ceiling rec/s", "ratio",
        "API calls", "min API calls", "ratio", "p50 s", "p95 s", "peak heap MB", "check"};

    private BenchTable() {
    }

    static String text(List<BenchResult> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (BenchResult r : rows) {
            cells.add(new String[] {r.scenario(), String.format(Locale.ROOT, "%,d", r.records()),
                fixed(r.wallSeconds(), 1), fixed(r.recordsPerSecond(), 0), fixed(r.ceilingRecordsPerSecond(), 0),
                fixed(r.ceilingRatio(), 2), count(r.apiCalls()), count(r.minApiCalls()), fixed(r.callRatio(), 2),
                fixed(r.latencyP50Seconds(), 1), fixed(r.latencyP95Seconds(), 1), fixed(r.peakHeapMb(), 0),
                (r.passed() ? "ok: " : "FAILED: ") + r.check()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                boolean leftAligned = i == 0 || i == row.length - 1;
                String format = "%" + (leftAligned ? "-" : "") + widths[i] + "s";
                out.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, row[i]));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** One object per row with the DESIGN §3 keys; a figure not measured is null. */
    static String json(List<BenchResult> rows) {
        StringBuilder out = new StringBuilder();
        for (BenchResult r : rows) {
            out.append('{')
                    .append("\"scenario\":\"").append(r.scenario()).append("\",")
                    .append("\"records\":").append(r.records()).append(',')
                    .append("\"wall_s\":").append(number(r.wallSeconds())).append(',')
                    .append("\"records_per_s\":").append(number(r.recordsPerSecond())).append(',')
                    .append("\"ceiling_records_per_s\":").append(number(r.ceilingRecordsPerSecond())).append(',')
                    .append("\"api_calls\":").append(number(r.apiCalls())).append(',')
                    .append("\"min_api_calls\":").append(number(r.minApiCalls())).append(',')
                    .append("\"latency_p50_s\":").append(number(r.latencyP50Seconds())).append(',')
                    .append("\"latency_p95_s\":").append(number(r.latencyP95Seconds())).append(',')
                    .append("\"peak_heap_mb\":").append(number(r.peakHeapMb())).append(',')
                    .append("\"passed\":").append(r.passed()).append(',')
                    .append("\"check\":\"").append(escaped(r.check())).append("\"}")
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String fixed(OptionalDouble value, int decimals) {
        return value.isPresent() ? fixed(value.getAsDouble(), decimals) : "-";
    }

    private static String count(OptionalLong value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%,d", value.getAsLong()) : "-";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "null";
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "null";
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
