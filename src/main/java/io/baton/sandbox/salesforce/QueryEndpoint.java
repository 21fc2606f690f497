package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import io.baton.sandbox.salesforce.soql.SoqlEvaluator;
import io.baton.sandbox.salesforce.soql.SoqlException;
import io.baton.sandbox.salesforce.soql.SoqlParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /query?q=}, {@code /queryAll?q=} and queryMore ({@code /query/<locator>-<offset>}) (B.2).
 * {@code query} hides recycle-bin rows; {@code queryAll} shows them with IsDeleted = true and, for
 * merged-away rows, MasterRecordId. Pages hold the configured batch size (default 2,000), or the
 * {@code Sforce-Query-Options: batchSize=n} hint clamped to 200..2000.
 */
final class QueryEndpoint {

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
        for (SObjectRecord r : org.rows(plan.type().name())) {
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
