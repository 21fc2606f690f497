package io.baton.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One {@code INSERT … VALUES (…), (…)} per chunk of rows: a page of snapshots or audit rows costs a
 * handful of round trips instead of one per row. JdbcClient has no batch API, and multi-row VALUES
 * is plain SQL both engines accept.
 */
final class MultiRowInsert {

    /** Rows per statement, keeping bind parameters far below PostgreSQL's 65,535 limit. */
    private static final int ROWS_PER_STATEMENT = 200;

    private final JdbcClient jdbc;
    private final String prefix;
    private final String rowPlaceholders;

    MultiRowInsert(JdbcClient jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.prefix = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.rowPlaceholders = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** Inserts every row (each a list of values in column order). */
    void insert(List<List<Object>> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<List<Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> params = new ArrayList<>();
            chunk.forEach(params::addAll);
            String sql = prefix + String.join(", ", Collections.nCopies(chunk.size(), rowPlaceholders));
            jdbc.sql(sql).params(params).update();
        }
    }
}
