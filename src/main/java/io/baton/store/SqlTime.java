package io.baton.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How instants cross the JDBC boundary. Columns are {@code TIMESTAMP(3) WITH TIME ZONE}; values are
 * truncated to the millisecond here (PostgreSQL would round, not truncate) so what is read back is
 * exactly what was meant, and bound as {@link OffsetDateTime} because pgjdbc cannot bind an Instant.
 */
final class SqlTime {

    private SqlTime() {
    }

    /** The instant as stored: truncated to the millisecond. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static OffsetDateTime bind(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new SQLException("column " + column + " is unexpectedly NULL");
        }
        return value.toInstant();
    }

    static Optional<Instant> readOptional(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
