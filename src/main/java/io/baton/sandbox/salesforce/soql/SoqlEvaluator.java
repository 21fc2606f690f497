package io.baton.sandbox.salesforce.soql;

import io.baton.sandbox.salesforce.SObjectField;
import io.baton.sandbox.salesforce.SObjectSchema;
import io.baton.sandbox.salesforce.SObjectType;
import io.baton.sandbox.salesforce.SalesforceIds;
import io.baton.sandbox.salesforce.soql.SoqlQuery.Condition;
import io.baton.sandbox.salesforce.soql.SoqlQuery.FieldRef;
import io.baton.sandbox.salesforce.soql.SoqlQuery.Literal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks a parsed query against the schema (INVALID_TYPE / INVALID_FIELD with the org's messages,
 * B.2) and runs it over rows: filter, ORDER BY, OFFSET, LIMIT. Text comparisons are
 * case-insensitive as in SOQL; ids compare in their 18-char form.
 */
public final class SoqlEvaluator {

    /** A checked query, ready to run. {@code select} is in SELECT order with canonical names. */
    public record Plan(SoqlQuery query, SObjectType type, List<SoqlColumn> select, SoqlColumn countField,
                       Predicate<Map<String, Object>> filter, Comparator<Map<String, Object>> order) {

        public boolean isCountOnly() {
            return query.count() != null && countField == null;
        }

        public boolean isAggregate() {
            return query.count() != null;
        }
    }

    private final Clock clock;
    /** Finds a related row by id (for relationship columns); null when there is none. */
    private final Function<String, Map<String, Object>> lookup;

    public SoqlEvaluator(Clock clock) {
        this(clock, id -> null);
    }

    public SoqlEvaluator(Clock clock, Function<String, Map<String, Object>> lookup) {
        this.clock = clock;
        this.lookup = lookup;
    }

    public Function<String, Map<String, Object>> lookup() {
        return lookup;
    }

    public Plan plan(SoqlQuery q) {
        SObjectType type = SObjectSchema.type(q.from()).orElseThrow(() -> SoqlException.at("INVALID_TYPE", q.text(),
                q.fromColumn(), "sObject type '" + q.from() + "' is not supported. If you are attempting to use a custom"
                        + " object, be sure to append the '__c' after the entity name. Please reference your WSDL or the"
                        + " describe call for the appropriate names."));
        List<SoqlColumn> select = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FieldRef f : q.fields()) {
            SoqlColumn field = resolve(q, type, f);
            if (!seen.add((field.isRelated() ? field.relationship() + "." : "") + field.field().name())) {
                throw SoqlException.at("MALFORMED_QUERY", q.text(), f.column(), "duplicate field selected: " + f.name());
            }
            select.add(field);
        }
        SoqlColumn countField = q.count() != null && q.count().field() != null ? resolve(q, type, q.count().field()) : null;
        Predicate<Map<String, Object>> filter = q.where() == null ? r -> true : predicate(q, type, q.where());
        Comparator<Map<String, Object>> order = null;
        for (SoqlQuery.Order o : q.orderBy()) {
            SoqlColumn f = resolve(q, type, o.field());
            Comparator<Map<String, Object>> c = (a, b) -> compareForSort(f.value(a, lookup), f.value(b, lookup), o);
            order = order == null ? c : order.thenComparing(c);
        }
        return new Plan(q, type, select, countField, filter, order);
    }

    /** Filters, sorts and slices rows (the caller has already hidden deleted ones for {@code query}). */
    public List<Map<String, Object>> run(Plan plan, List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.stream().filter(plan.filter()).toList());
        if (plan.order() != null) {
            out.sort(plan.order());
        }
        int from = plan.query().offset() == null ? 0 : Math.min(plan.query().offset(), out.size());
        int to = plan.query().limit() == null ? out.size() : Math.min(out.size(), from + plan.query().limit());
        return out.subList(from, to);
    }

    private SoqlColumn resolve(SoqlQuery q, SObjectType type, FieldRef ref) {
        return SoqlColumn.resolve(q, type, ref);
    }

    private Predicate<Map<String, Object>> predicate(SoqlQuery q, SObjectType type, Condition c) {
        if (c instanceof SoqlQuery.And and) {
            List<Predicate<Map<String, Object>>> parts = and.parts().stream().map(p -> predicate(q, type, p)).toList();
            return r -> parts.stream().allMatch(p -> p.test(r));
        }
        if (c instanceof SoqlQuery.Or or) {
            List<Predicate<Map<String, Object>>> parts = or.parts().stream().map(p -> predicate(q, type, p)).toList();
            return r -> parts.stream().anyMatch(p -> p.test(r));
        }
        if (c instanceof SoqlQuery.Not not) {
            return predicate(q, type, not.inner()).negate();
        }
        if (c instanceof SoqlQuery.Like like) {
            SoqlColumn c0 = resolve(q, type, like.field());
            SObjectField f = c0.field();
            if (!f.type().isText()) {
                throw SoqlException.at("INVALID_FIELD", q.text(), like.field().column(), "invalid operator on " + f.type()
                        .wireName() + " field: LIKE");
            }
            java.util.regex.Pattern p = likePattern((String) like.pattern().value());
            return r -> c0.value(r, lookup) != null && p.matcher(c0.value(r, lookup).toString()).matches();
        }
        if (c instanceof SoqlQuery.In in) {
            SoqlColumn col = resolve(q, type, in.field());
            List<Object> values = in.values().stream().map(v -> operand(q, in.field(), col.field(), v)).toList();
            Predicate<Map<String, Object>> member = r -> values.stream().anyMatch(v -> equal(col.value(r, lookup), v));
            return in.negated() ? member.negate() : member;
        }
        SoqlQuery.Compare cmp = (SoqlQuery.Compare) c;
        SoqlColumn col = resolve(q, type, cmp.field());
        Object operand = operand(q, cmp.field(), col.field(), cmp.value());
        if (operand == null && !cmp.op().equals("=") && !cmp.op().equals("!=")) {
            throw SoqlException.at("MALFORMED_QUERY", q.text(), cmp.field().column(), "invalid operator on null: " + cmp.op());
        }
        return r -> test(col.value(r, lookup), cmp.op(), operand);
    }

    /** The comparable form of a literal for this field, or the org's type error. */
    private Object operand(SoqlQuery q, FieldRef ref, SObjectField f, Literal lit) {
        SObjectField.Type t = f.type();
        boolean ok = switch (lit.kind()) {
            case NULL -> true;
            case STRING -> t.isText();
            case NUMBER -> t.isNumber();
            case BOOLEAN -> t == SObjectField.Type.BOOLEAN;
            case DATE -> t == SObjectField.Type.DATE;
            case DATETIME -> t == SObjectField.Type.DATETIME;
            case DATE_RANGE -> t == SObjectField.Type.DATE || t == SObjectField.Type.DATETIME;
        };
        if (!ok) {
            String wanted = t == SObjectField.Type.DATETIME ? "dateTime" : t.wireName();
            throw SoqlException.at("INVALID_FIELD", q.text(), ref.column(), "value of filter criterion for field '"
                    + f.name() + "' must be of type " + wanted + " and should not be enclosed in quotes");
        }
        return switch (lit.kind()) {
            case STRING -> (t == SObjectField.Type.ID || t == SObjectField.Type.REFERENCE)
                    ? SalesforceIds.normalize((String) lit.value()).orElse((String) lit.value()) : lit.value();
            case NUMBER -> ((BigDecimal) lit.value()).doubleValue();
            case DATE_RANGE -> range((String) lit.value(), t == SObjectField.Type.DATETIME);
            default -> lit.value();
        };
    }

    /** TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n in UTC (the sandbox org's time zone). */
    private Object range(String spec, boolean dateTime) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String[] parts = spec.split(":");
        int n = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        LocalDate from = switch (parts[0]) {
            case "YESTERDAY" -> today.minusDays(1);
            case "TOMORROW" -> today.plusDays(1);
            case "LAST_N_DAYS" -> today.minusDays(n);
            default -> today;
        };
        LocalDate to = switch (parts[0]) {
            case "YESTERDAY" -> today.minusDays(1);
            case "TOMORROW" -> today.plusDays(1);
            case "NEXT_N_DAYS" -> today.plusDays(n);
            default -> today;
        };
        return dateTime ? new Instant[] {from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()} : new SoqlQuery.DateRange(from, to);
    }

    private static boolean test(Object value, String op, Object operand) {
        if (operand instanceof Instant[] span) {
            boolean inside = value instanceof Instant i && !i.isBefore(span[0]) && i.isBefore(span[1]);
            return rangeTest(value, op, inside, value instanceof Instant i && i.isBefore(span[0]),
                    value instanceof Instant i && !i.isBefore(span[1]));
        }
        if (operand instanceof SoqlQuery.DateRange span) {
            boolean inside = value instanceof LocalDate d && !d.isBefore(span.from()) && !d.isAfter(span.to());
            return rangeTest(value, op, inside, value instanceof LocalDate d && d.isBefore(span.from()),
                    value instanceof LocalDate d && d.isAfter(span.to()));
        }
        if (op.equals("=")) {
            return equal(value, operand);
        }
        if (op.equals("!=")) {
            return !equal(value, operand);
        }
        if (value == null) {
            return false;
        }
        int c = compare(value, operand);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static boolean rangeTest(Object value, String op, boolean inside, boolean before, boolean after) {
        return switch (op) {
            case "=" -> inside;
            case "!=" -> !inside;
            case "<" -> before;
            case "<=" -> before || inside;
            case ">" -> after;
            default -> after || inside;
        };
    }

    private static boolean equal(Object value, Object operand) {
        if (value == null || operand == null) {
            return value == operand;
        }
        if (value instanceof String s && operand instanceof String o) {
            return s.equalsIgnoreCase(o);
        }
        return compare(value, operand) == 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof String s && b instanceof String o) {
            // Ids compare by their exact characters, as they sort: keyset paging by Id relies on
            // the filter and the ORDER BY agreeing. Other text compares case-insensitively.
            var ids = exactIds(s, o);
            return ids != null ? ids[0].compareTo(ids[1]) : s.toLowerCase(Locale.ROOT).compareTo(o.toLowerCase(Locale.ROOT));
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int compareForSort(Object a, Object b, SoqlQuery.Order o) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == o.nullsFirst() ? -1 : 1;
        }
        int c = compare(a, b);
        return o.descending() ? -c : c;
    }

    /** Both values as 18-character ids of known objects, or null when either is not one. */
    private static String[] exactIds(String a, String b) {
        var x = SalesforceIds.normalize(a).filter(id -> SObjectSchema.typeOfId(id).isPresent());
        var y = x.isPresent() ? SalesforceIds.normalize(b).filter(id -> SObjectSchema.typeOfId(id).isPresent())
                : java.util.Optional.<String>empty();
        return y.isPresent() ? new String[] {x.get(), y.get()} : null;
    }

    /** SOQL LIKE: % any run, _ one char, backslash escapes, case-insensitive. */
    static java.util.regex.Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                re.append(java.util.regex.Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return java.util.regex.Pattern.compile(re.toString(),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE | java.util.regex.Pattern.DOTALL);
    }
}
