package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.salesforce.soql.SoqlEvaluator;
import io.baton.sandbox.salesforce.soql.SoqlException;
import io.baton.sandbox.salesforce.soql.SoqlParser;
import io.baton.sandbox.salesforce.soql.SoqlQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /query?q=}, {@code /queryAll?q=} and queryMore ({@code /query/<locator>-<offset>}) (B.2).
 * {@code query} hides recycle-bin rows; {@code queryAll} shows them with IsDeleted = true and, for
 * merged-away rows, MasterRecordId. Pages hold the configured batch size (default 2,000), or the
 * {@code Sforce-Query-Options: batchSize=n} hint clamped to 200..2000.
 */
final class QueryEndpoint {

    /**
     * For {@code WHERE Id IN (...)}, or {@code Email IN (...)} / {@code = '...'} on a text field (alone
     * or in an AND): the only rows that can match, by id or from the org's case-insensitive value
     * index, instead of every row.
     * The full WHERE still runs on them, so the answer is the scan's; only a 150,000-row table is
     * not copied for each look-up (a benchmark measures Baton, not the simulator).
     */
    private Optional<List<SObjectRecord>> lookedUp(SoqlEvaluator.Plan plan) {
        SoqlQuery.Condition where = plan.query().where();
        List<SoqlQuery.Condition> conjuncts = where instanceof SoqlQuery.And and ? and.parts() : where == null ? List.of() : List.of(where);
        for (SoqlQuery.Condition c : conjuncts) {
            Optional<Set<String>> values = textEquality(plan, c);
            if (values.isPresent()) {
                Set<String> ids = new LinkedHashSet<>();
                String field = c instanceof SoqlQuery.In in ? in.field().name() : ((SoqlQuery.Compare) c).field().name();
                if (field.equalsIgnoreCase("Id")) {
                    ids.addAll(values.get());
                } else {
                    values.get().forEach(v -> ids.addAll(org.idsByExternalId(plan.type().name(), field, v)));
                }
                return Optional.of(ids.stream().map(org::find).flatMap(Optional::stream)
                        .filter(r -> r.type().equals(plan.type().name())).toList());
            }
        }
        return Optional.empty();
    }

    /** The string values of an {@code IN} or {@code =} on Id or one of the type's own text fields, if that is what it is. */
    private static Optional<Set<String>> textEquality(SoqlEvaluator.Plan plan, SoqlQuery.Condition c) {
        SoqlQuery.FieldRef field;
        List<SoqlQuery.Literal> literals;
        if (c instanceof SoqlQuery.In in && !in.negated()) {
            field = in.field();
            literals = in.values();
        } else if (c instanceof SoqlQuery.Compare cmp && cmp.op().equals("=")) {
            field = cmp.field();
            literals = List.of(cmp.value());
        } else {
            return Optional.empty();
        }
        boolean indexed = !field.name().contains(".") && (field.name().equalsIgnoreCase("Id")
                || plan.type().field(field.name()).map(f -> f.type().isText()).orElse(false));
        if (!indexed || literals.stream().anyMatch(l -> !(l.value() instanceof String))) {
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        literals.forEach(l -> values.add((String) l.value()));
        return Optional.of(values);
    }

    private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCATOR = Pattern.compile("(.+)-(\\d+)");

    private final SalesforceOrg org;
    private final SoqlEvaluator evaluator;
    private final QueryLocators locators;
    private final int defaultBatchSize;

    QueryEndpoint(SalesforceOrg org, SoqlEvaluator evaluator, QueryLocators locators, int defaultBatchSize) {
        this.org = org;
        this.evaluator = evaluator;
        this.locators = locators;
        this.defaultBatchSize = defaultBatchSize;
    }

    SandboxResponse query(SandboxRequest request, boolean all) {
        String soql = request.queryParam("q").orElse("");
        SoqlEvaluator.Plan plan;
        try {
            plan = evaluator.plan(SoqlParser.parse(soql));
        } catch (SoqlException e) {
            return SalesforceErrorBodies.error(400, e.errorCode(), e.getMessage());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Optional<List<SObjectRecord>> narrowed = all ? Optional.empty() : lookedUp(plan);
        for (SObjectRecord r : narrowed.orElseGet(() -> org.rows(plan.type().name()))) {
            if (all || !r.isDeleted()) {
                rows.add(r.fields());
            }
        }
        List<Map<String, Object>> matched = evaluator.run(plan, rows);
        if (plan.isCountOnly()) {
            return page(matched.size(), true, null, List.of());
        }
        if (plan.isAggregate()) {
            Map<String, Object> agg = new LinkedHashMap<>();
            agg.put("attributes", Map.of("type", "AggregateResult"));
            agg.put("expr0", matched.stream().filter(r -> plan.countField().value(r, evaluator.lookup()) != null).count());
            return page(1, true, null, List.of(agg));
        }
        List<Map<String, Object>> rendered = matched.stream()
                .map(r -> WireRecords.renderColumns(plan.type(), r, plan.select(), evaluator.lookup())).toList();
        int batch = batchSize(request);
        if (rendered.size() <= batch) {
            return page(rendered.size(), true, null, rendered);
        }
        String locator = locators.open(rendered, batch);
        return page(rendered.size(), false, nextUrl(locator, batch), rendered.subList(0, batch));
    }

    SandboxResponse more(SandboxRequest request, String locatorAndOffset) {
        Matcher m = LOCATOR.matcher(locatorAndOffset);
        var page = m.matches() ? locators.page(m.group(1), Integer.parseInt(m.group(2))) : java.util.Optional.<QueryLocators.Page>empty();
        if (page.isEmpty()) {
            return SalesforceErrorBodies.error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        QueryLocators.Page p = page.get();
        return page(p.totalSize(), p.nextOffset() == null, p.nextOffset() == null ? null : nextUrl(m.group(1),
                p.nextOffset()), p.records());
    }

    private int batchSize(SandboxRequest request) {
        return request.header("Sforce-Query-Options").map(BATCH_SIZE::matcher).filter(Matcher::find)
                .map(m -> Math.max(200, Math.min(2000, Integer.parseInt(m.group(1))))).orElse(defaultBatchSize);
    }

    private static String nextUrl(String locator, int offset) {
        return WireRecords.API + "/query/" + locator + "-" + offset;
    }

    /** Key order as the org sends it: totalSize, done, nextRecordsUrl (only while not done), records. */
    private static SandboxResponse page(int totalSize, boolean done, String next, List<Map<String, Object>> records) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", totalSize);
        body.put("done", done);
        if (next != null) {
            body.put("nextRecordsUrl", next);
        }
        body.put("records", records);
        return SandboxResponse.json(200, body);
    }
}
