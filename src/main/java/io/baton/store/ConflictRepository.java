package io.baton.store;

import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The conflict log behind {@code GET /api/conflicts}. */
@Repository
public class ConflictRepository {

    private static final String COLUMNS = "id, link_id, field_name, base_value, hubspot_value, salesforce_value, "
            + "rule, winner, detected_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ConflictRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records {@code conflict} (its id and time are ignored) and returns it as stored. */
    public Conflict add(Conflict conflict) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO conflict (link_id, field_name, base_value, hubspot_value, salesforce_value, rule, winner, "
                        + "detected_at) VALUES (:link, :field, :base, :hs, :sf, :rule, :winner, :now)")
                .param("link", conflict.linkId()).param("field", conflict.field())
                .param("base", conflict.baseValue().orElse(null))
                .param("hs", conflict.hubspotValue().orElse(null))
                .param("sf", conflict.salesforceValue().orElse(null))
                .param("rule", conflict.rule()).param("winner", conflict.winner().map(Side::name).orElse(null))
                .param("now", SqlTime.bind(clock.instant()))
                .update(key, "id");
        return find(StoreKeys.id(key)).orElseThrow();
    }

    public Optional<Conflict> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conflict WHERE id = :id").param("id", id)
                .query(ConflictRepository::map).optional();
    }

    /** The latest conflicts, newest first. */
    public List<Conflict> listRecent(int limit) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM conflict ORDER BY detected_at DESC, id DESC LIMIT :n")
                .param("n", limit).query(ConflictRepository::map).list());
    }

    /** Every conflict of one link, oldest first. */
    public List<Conflict> listForLink(long linkId) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM conflict WHERE link_id = :id ORDER BY detected_at, id")
                .param("id", linkId).query(ConflictRepository::map).list());
    }

    /** One page of the log, newest first, of every link or only {@code linkId}'s. */
    public List<Conflict> page(Optional<Long> linkId, int page, int size) {
        String where = linkId.isPresent() ? " WHERE link_id = :link" : "";
        var sql = jdbc.sql("SELECT " + COLUMNS + " FROM conflict" + where
                        + " ORDER BY detected_at DESC, id DESC LIMIT :n OFFSET :skip")
                .param("n", size).param("skip", (long) page * size);
        if (linkId.isPresent()) {
            sql = sql.param("link", linkId.get());
        }
        return List.copyOf(sql.query(ConflictRepository::map).list());
    }

    /** How many conflicts the log holds, of every link or only {@code linkId}'s. */
    public long count(Optional<Long> linkId) {
        return linkId.isEmpty() ? count()
                : jdbc.sql("SELECT COUNT(*) FROM conflict WHERE link_id = :link").param("link", linkId.get())
                        .query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM conflict").query(Long.class).single();
    }

    private static Conflict map(ResultSet rs, int row) throws SQLException {
        return new Conflict(rs.getLong("id"), rs.getLong("link_id"), rs.getString("field_name"),
                Optional.ofNullable(rs.getString("base_value")), Optional.ofNullable(rs.getString("hubspot_value")),
                Optional.ofNullable(rs.getString("salesforce_value")), rs.getString("rule"),
                Optional.ofNullable(rs.getString("winner")).map(Side::valueOf), SqlTime.read(rs, "detected_at"));
    }

    /** The id of the newest conflict, 0 when there is none: a mark to list later ones from. */
    public long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM conflict").query(Long.class).single();
    }

    /** Conflicts logged after the one with {@code afterId}, in the order they were logged. */
    public List<Conflict> after(long afterId) {
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM conflict WHERE id > :id ORDER BY id")
                .param("id", afterId).query(ConflictRepository::map).list());
    }
}
