package io.baton.store;

import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit of every write sent. Field names are stored comma-separated (CRM field API names
 * contain no commas); error text is cut to the column's 2,000 characters.
 */
@Repository
public class WriteAuditRepository {

    private static final String COLUMNS = "id, side, record_type, record_id, link_id, operation, fields_changed, "
            + "outcome, error_message, written_at";
    private static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MultiRowInsert inserter;

    public WriteAuditRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.inserter = new MultiRowInsert(jdbc, "write_audit", Arrays.asList("side", "record_type", "record_id",
                "link_id", "operation", "fields_changed", "outcome", "error_message", "written_at"));
    }

    /** Records a page of writes (ids and times of the arguments are ignored; all stamped now). */
    public void addAll(List<WriteAudit> writes) {
        var now = SqlTime.bind(clock.instant());
        inserter.insert(writes.stream().map(w -> Arrays.<Object>asList(w.side().name(), w.recordType(),
                w.recordId().orElse(null), w.linkId().orElse(null), w.operation().name(),
                String.join(",", w.fieldsChanged()), w.outcome().name(),
                w.error().map(WriteAuditRepository::cut).orElse(null), now)).toList());
    }

    /** Every write sent for one record, oldest first. */
    public List<WriteAudit> listForRecord(Side side, String recordId) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM write_audit WHERE side = :side AND record_id = :id "
                        + "ORDER BY written_at, id")
                .param("side", side.name()).param("id", recordId).query(WriteAuditRepository::map).list());
    }

    /** The latest writes, newest first. */
    public List<WriteAudit> listRecent(int limit) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM write_audit ORDER BY written_at DESC, id DESC LIMIT :n")
                .param("n", limit).query(WriteAuditRepository::map).list());
    }

    /** How many writes to {@code side} with {@code outcome} were recorded at or after {@code since}. */
    public long countSince(Side side, WriteOutcome outcome, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM write_audit WHERE side = :side AND outcome = :o AND written_at >= :since")
                .param("side", side.name()).param("o", outcome.name()).param("since", SqlTime.bind(since))
                .query(Long.class).single();
    }

    private static String cut(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private static WriteAudit map(ResultSet rs, int row) throws SQLException {
        String fields = rs.getString("fields_changed");
        long linkId = rs.getLong("link_id");
        Optional<Long> link = rs.wasNull() ? Optional.empty() : Optional.of(linkId);
        return new WriteAudit(rs.getLong("id"), Side.valueOf(rs.getString("side")), rs.getString("record_type"),
                Optional.ofNullable(rs.getString("record_id")), link, WriteOperation.valueOf(rs.getString("operation")),
                fields == null || fields.isEmpty() ? List.of() : List.of(fields.split(",")),
                WriteOutcome.valueOf(rs.getString("outcome")), Optional.ofNullable(rs.getString("error_message")),
                SqlTime.read(rs, "written_at"));
    }
}
