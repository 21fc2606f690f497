package io.baton.sandbox.salesforce.soql;

import io.baton.sandbox.salesforce.FieldValues;
import io.baton.sandbox.salesforce.soql.SoqlQuery.Condition;
import io.baton.sandbox.salesforce.soql.SoqlQuery.FieldRef;
import io.baton.sandbox.salesforce.soql.SoqlQuery.Literal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for the SOQL subset Baton uses:
 * {@code SELECT f, … | COUNT() FROM T [WHERE …] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], …] [LIMIT n] [OFFSET n]}.
 * Syntax errors are MALFORMED_QUERY; names are checked later by the evaluator (INVALID_FIELD/INVALID_TYPE).
 */
public final class SoqlParser {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> RELATIVE = Set.of("TODAY", "YESTERDAY", "TOMORROW", "LAST_N_DAYS", "NEXT_N_DAYS");
    private static final Set<String> OPERATORS = Set.of("=", "!=", "<>", "<", "<=", ">", ">=");

    private final String soql;
    private final List<SoqlLexer.Token> tokens;
    private int pos;

    private SoqlParser(String soql) {
        this.soql = soql.strip();
        this.tokens = SoqlLexer.tokenize(this.soql);
    }

    public static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            throw new SoqlException("MALFORMED_QUERY", "A query string has to be specified");
        }
        return new SoqlParser(soql).query();
    }

    private SoqlQuery query() {
        expectKeyword("SELECT");
        List<FieldRef> fields = new ArrayList<>();
        SoqlQuery.Count count = null;
        if (peek().is("COUNT") && peek(1).text().equals("(")) {
            next();
            next();
            FieldRef counted = peek().kind() == 'w' ? field() : null;
            expect(")");
            count = new SoqlQuery.Count(counted);
        } else {
            do {
                fields.add(field());
            } while (accept(","));
        }
        expectKeyword("FROM");
        SoqlLexer.Token from = next();
        if (from.kind() != 'w') {
            throw error(from, "unexpected token: '" + from.text() + "'");
        }
        Condition where = null;
        if (acceptKeyword("WHERE")) {
            where = or();
        }
        List<SoqlQuery.Order> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                FieldRef f = field();
                boolean desc = acceptKeyword("DESC");
                if (!desc) {
                    acceptKeyword("ASC");
                }
                boolean nullsFirst = !desc;
                if (acceptKeyword("NULLS")) {
                    nullsFirst = acceptKeyword("FIRST");
                    if (!nullsFirst) {
                        expectKeyword("LAST");
                    }
                }
                orderBy.add(new SoqlQuery.Order(f, desc, nullsFirst));
            } while (accept(","));
        }
        Integer limit = acceptKeyword("LIMIT") ? integer() : null;
        Integer offset = acceptKeyword("OFFSET") ? integer() : null;
        if (peek().kind() != 'e') {
            throw error(peek(), "unexpected token: '" + peek().text() + "'");
        }
        return new SoqlQuery(soql, fields, count, from.text(), from.column(), where, orderBy, limit, offset);
    }

    private Condition or() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (acceptKeyword("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new SoqlQuery.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(not()));
        while (acceptKeyword("AND")) {
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new SoqlQuery.And(parts);
    }

    private Condition not() {
        if (acceptKeyword("NOT")) {
            return new SoqlQuery.Not(not());
        }
        if (accept("(")) {
            Condition inner = or();
            expect(")");
            return inner;
        }
        FieldRef f = field();
        if (acceptKeyword("LIKE")) {
            Literal pattern = literal();
            if (pattern.kind() != Literal.Kind.STRING) {
                throw error(peek(-1), "unexpected token: '" + pattern.text() + "'");
            }
            return new SoqlQuery.Like(f, pattern);
        }
        boolean negated = peek().is("NOT") && peek(1).is("IN");
        if (negated) {
            next();
        }
        if (acceptKeyword("IN")) {
            expect("(");
            List<Literal> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (accept(","));
            expect(")");
            return new SoqlQuery.In(f, negated, values);
        }
        SoqlLexer.Token op = next();
        if (op.kind() != 'o' || !OPERATORS.contains(op.text())) {
            throw error(op, "unexpected token: '" + op.text() + "'");
        }
        return new SoqlQuery.Compare(f, op.text().equals("<>") ? "!=" : op.text(), literal());
    }

    private Literal literal() {
        SoqlLexer.Token t = next();
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (t.kind() == 's') {
            return new Literal(Literal.Kind.STRING, t.text(), t.text());
        }
        if (t.kind() == 'w' && (upper.equals("TRUE") || upper.equals("FALSE"))) {
            return new Literal(Literal.Kind.BOOLEAN, Boolean.parseBoolean(upper.toLowerCase(Locale.ROOT)), t.text());
        }
        if (t.kind() == 'w' && upper.equals("NULL")) {
            return new Literal(Literal.Kind.NULL, null, t.text());
        }
        if (t.kind() == 'w' && RELATIVE.contains(upper.split(":")[0])) {
            return new Literal(Literal.Kind.DATE_RANGE, upper, t.text());
        }
        if (t.kind() == 'v') {
            if (DATE.matcher(t.text()).matches()) {
                return new Literal(Literal.Kind.DATE, FieldValues.parseDate(t.text()).orElseThrow(
                        () -> error(t, "line 1:" + t.column() + " no viable alternative at character ' '")), t.text());
            }
            if (NUMBER.matcher(t.text()).matches()) {
                return new Literal(Literal.Kind.NUMBER, new BigDecimal(t.text()), t.text());
            }
            var dateTime = FieldValues.parseDateTime(t.text());
            if (dateTime.isPresent()) {
                return new Literal(Literal.Kind.DATETIME, dateTime.get(), t.text());
            }
        }
        throw error(t, "unexpected token: '" + t.text() + "'");
    }

    private FieldRef field() {
        SoqlLexer.Token t = next();
        if (t.kind() != 'w') {
            throw error(t, "unexpected token: '" + t.text() + "'");
        }
        return new FieldRef(t.text(), t.column());
    }

    private int integer() {
        SoqlLexer.Token t = next();
        if (t.kind() != 'v' || !t.text().matches("\\d+")) {
            throw error(t, "unexpected token: '" + t.text() + "'");
        }
        return Integer.parseInt(t.text());
    }

    private SoqlLexer.Token peek() {
        return peek(0);
    }

    private SoqlLexer.Token peek(int ahead) {
        return tokens.get(Math.max(0, Math.min(pos + ahead, tokens.size() - 1)));
    }

    private SoqlLexer.Token next() {
        SoqlLexer.Token t = peek();
        if (t.kind() == 'e') {
            throw error(t, "unexpected token: <EOF>");
        }
        pos++;
        return t;
    }

    private boolean accept(String symbol) {
        if (peek().kind() != 'e' && peek().kind() != 's' && peek().text().equals(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().is(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            throw error(peek(), "unexpected token: '" + peek().text() + "'");
        }
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw error(peek(), "unexpected token: '" + peek().text() + "'");
        }
    }

    private SoqlException error(SoqlLexer.Token t, String reason) {
        return SoqlException.at("MALFORMED_QUERY", soql, t.column(), reason);
    }
}
