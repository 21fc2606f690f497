package io.baton.store;

import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Identity links. Each HubSpot id and each Salesforce id belongs to at most one link (unique
 * constraints), so saving the same pair twice, even from two threads at once, yields one row.
 */
@Repository
public class RecordLinkRepository {

    private static final String COLUMNS = "id, hubspot_id, salesforce_id, salesforce_type, email, status, "
            + "merged_into_id, created_at, updated_at, converted_lead_id";
    /** Keeps IN lists well under any driver's bind-parameter limit. */
    private static final int IN_CHUNK = 500;
    private static final int RACE_RETRIES = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UniqueInsert unique;

    public RecordLinkRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unique = new UniqueInsert(jdbc);
    }

    public Optional<RecordLink> findById(long id) {
        return findOne("id = :v", id);
    }

    public Optional<RecordLink> findByHubSpotId(String hubspotId) {
        return findOne("hubspot_id = :v", hubspotId);
    }

    public Optional<RecordLink> findBySalesforceId(String salesforceId) {
        return findOne("salesforce_id = :v", salesforceId);
    }

    /** The link holding this record, whichever side it is on. */
    public Optional<RecordLink> find(RecordRef ref) {
        return ref.side() == Side.HUBSPOT ? findByHubSpotId(ref.id()) : findBySalesforceId(ref.id());
    }

    /** Links whose normalised email matches (case-insensitive, trimmed), oldest first. */
    public List<RecordLink> findByEmail(String email) {
        Optional<String> normalised = NewRecordLink.normaliseEmail(email);
        if (normalised.isEmpty()) {
            return List.of();
        }
        return List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM record_link WHERE email = :v ORDER BY id")
                .param("v", normalised.get()).query(RecordLinkRepository::map).list());
    }

    /** Links by their ids, keyed by id; ids no link has are absent. */
    public Map<Long, RecordLink> findByIds(Collection<Long> ids) {
        return findMany("id", ids, RecordLink::id);
    }

    /** Links for a page of HubSpot ids, keyed by HubSpot id; ids without a link are absent. */
    public Map<String, RecordLink> findByHubSpotIds(Collection<String> hubspotIds) {
        return findMany("hubspot_id", hubspotIds, link -> link.hubspotId().orElseThrow());
    }

    /** Links for a page of Salesforce ids, keyed by Salesforce id; ids without a link are absent. */
    public Map<String, RecordLink> findBySalesforceIds(Collection<String> salesforceIds) {
        return findMany("salesforce_id", salesforceIds, link -> link.salesforceId().orElseThrow());
    }

    /**
     * Returns the link for this pair, creating it when neither id is linked yet. When a link
     * already holds the HubSpot id (looked up first) or the Salesforce id, that link is returned;
     * a side it lacks is filled in from {@code request} unless another link already holds that id.
     * So the result can differ from the request: callers compare when it matters. The status is
     * returned as stored: a DELETED or MERGED link is not revived by saving it again.
     */
    public RecordLink saveOrGet(NewRecordLink request) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Optional<RecordLink> existing = findExisting(request);
            if (existing.isPresent()) {
                return completeMissingSides(existing.get(), request);
            }
            Long id = unique.tryGet(() -> insert(request));
            if (id != null) {
                return findById(id).orElseThrow();
            }
            // Lost a race with another writer of the same ids: loop and read what it wrote.
        }
        throw new IllegalStateException("could not save or read the link for " + describe(request));
    }

    /**
     * A HubSpot merge folded contact {@code fromId} into {@code toId}. When {@code toId} has no link
     * yet, the link of {@code fromId} now points at it; when it has one, the link of {@code fromId}
     * is marked {@link LinkStatus#MERGED} into it. Returns the link that now holds {@code toId}.
     */
    public Optional<RecordLink> repointHubSpot(String fromId, String toId) {
        return repoint(findByHubSpotId(fromId), () -> findByHubSpotId(toId),
                loser -> jdbc.sql("UPDATE record_link SET hubspot_id = :to, updated_at = :now WHERE id = :id")
                        .param("to", toId).param("now", SqlTime.bind(clock.instant())).param("id", loser.id())
                        .update());
    }

    /**
     * A Salesforce merge (or a Lead converted to a Contact) replaced {@code fromId} by
     * {@code to}; same rules as {@link #repointHubSpot}. Returns the link that now holds {@code to}.
     */
    public Optional<RecordLink> repointSalesforce(String fromId, RecordRef to) {
        return repoint(findBySalesforceId(fromId), () -> findBySalesforceId(to.id()),
                loser -> jdbc.sql("UPDATE record_link SET salesforce_id = :to, salesforce_type = :type, "
                                + "updated_at = :now WHERE id = :id")
                        .param("to", to.id()).param("type", to.type())
                        .param("now", SqlTime.bind(clock.instant())).param("id", loser.id())
                        .update());
    }

    /**
     * A converted Lead hands its link to the Contact conversion made (a re-point that remembers the
     * Lead, so the lifecycle knows the Contact was converted). Replaying it changes nothing.
     */
    public Optional<RecordLink> handOverToConvertedContact(String leadId, RecordRef contact) {
        Optional<RecordLink> link = repointSalesforce(leadId, contact);
        link.filter(l -> l.convertedLeadId().isEmpty()).ifPresent(l -> jdbc.sql(
                        "UPDATE record_link SET converted_lead_id = :lead WHERE id = :id")
                .param("lead", leadId).param("id", l.id()).update());
        return link.map(l -> findById(l.id()).orElse(l));
    }

    /**
     * Records the person's current email (normalised) on the link, so later matching by email
     * finds it; a blank email clears it. False when there is no such link.
     */
    public boolean updateEmail(long linkId, String email) {
        return jdbc.sql("UPDATE record_link SET email = :e, updated_at = :now WHERE id = :id")
                .param("e", NewRecordLink.normaliseEmail(email).orElse(null))
                .param("now", SqlTime.bind(clock.instant())).param("id", linkId)
                .update() == 1;
    }

    /** Marks the link deleted (a record on one side was deleted); false when there is no such link. */
    public boolean markDeleted(long linkId) {
        return setStatus(linkId, LinkStatus.DELETED, Optional.empty());
    }

    public long countByStatus(LinkStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM record_link WHERE status = :s").param("s", status.name())
                .query(Long.class).single();
    }

    private Optional<RecordLink> repoint(Optional<RecordLink> loser, Supplier<Optional<RecordLink>> survivor,
            ToIntFunction<RecordLink> moveLoserOntoSurvivorId) {
        if (loser.isEmpty()) {
            return survivor.get();
        }
        Optional<RecordLink> current = survivor.get();
        if (current.isPresent() && current.get().id() == loser.get().id()) {
            return current;
        }
        if (current.isEmpty()) {
            Integer moved = unique.tryGet(() -> moveLoserOntoSurvivorId.applyAsInt(loser.get()));
            if (moved != null && moved > 0) {
                return findById(loser.get().id());
            }
            current = survivor.get();
            if (current.isEmpty()) {
                throw new IllegalStateException("link " + loser.get().id() + " could not be re-pointed");
            }
        }
        setStatus(loser.get().id(), LinkStatus.MERGED, Optional.of(current.get().id()));
        return current;
    }

    private boolean setStatus(long linkId, LinkStatus status, Optional<Long> mergedInto) {
        return jdbc.sql("UPDATE record_link SET status = :s, merged_into_id = :m, updated_at = :now WHERE id = :id")
                .param("s", status.name()).param("m", mergedInto.orElse(null))
                .param("now", SqlTime.bind(clock.instant())).param("id", linkId)
                .update() > 0;
    }

    private Optional<RecordLink> findExisting(NewRecordLink request) {
        Optional<RecordLink> byHubSpot = request.hubspotId().flatMap(this::findByHubSpotId);
        if (byHubSpot.isPresent()) {
            return byHubSpot;
        }
        return request.salesforce().flatMap(ref -> findBySalesforceId(ref.id()));
    }

    private RecordLink completeMissingSides(RecordLink link, NewRecordLink request) {
        boolean fillHubSpot = link.hubspotId().isEmpty() && request.hubspotId().isPresent();
        boolean fillSalesforce = link.salesforce().isEmpty() && request.salesforce().isPresent();
        boolean fillEmail = link.email().isEmpty() && request.email().isPresent();
        if (!fillHubSpot && !fillSalesforce && !fillEmail) {
            return link;
        }
        if (fillHubSpot || fillSalesforce) {
            // If the other id is linked elsewhere meanwhile, the unique constraint refuses and the
            // link stays one-sided: never two links for one id.
            unique.tryRun(() -> jdbc.sql("UPDATE record_link SET "
                            + "hubspot_id = COALESCE(hubspot_id, :hs), "
                            + "salesforce_id = COALESCE(salesforce_id, :sf), "
                            + "salesforce_type = COALESCE(salesforce_type, :sft), updated_at = :now "
                            + "WHERE id = :id AND (hubspot_id IS NULL OR salesforce_id IS NULL)")
                    .param("hs", fillHubSpot ? request.hubspotId().get() : null)
                    .param("sf", fillSalesforce ? request.salesforce().get().id() : null)
                    .param("sft", fillSalesforce ? request.salesforce().get().type() : null)
                    .param("now", SqlTime.bind(clock.instant())).param("id", link.id())
                    .update());
        }
        if (fillEmail) {
            jdbc.sql("UPDATE record_link SET email = :e WHERE id = :id AND email IS NULL")
                    .param("e", request.email().get()).param("id", link.id()).update();
        }
        return findById(link.id()).orElseThrow();
    }

    private Long insert(NewRecordLink request) {
        var now = SqlTime.bind(clock.instant());
        jdbc.sql("INSERT INTO record_link (hubspot_id, salesforce_id, salesforce_type, email, status, "
                        + "created_at, updated_at) VALUES (:hs, :sf, :sft, :e, 'ACTIVE', :now, :now)")
                .param("hs", request.hubspotId().orElse(null))
                .param("sf", request.salesforce().map(RecordRef::id).orElse(null))
                .param("sft", request.salesforce().map(RecordRef::type).orElse(null))
                .param("e", request.email().orElse(null))
                .param("now", now)
                .update();
        // Read the id back by the unique key rather than relying on generated-key support,
        // which differs between the two drivers.
        return findExisting(request).map(RecordLink::id).orElseThrow();
    }

    private Optional<RecordLink> findOne(String where, Object value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM record_link WHERE " + where)
                .param("v", value).query(RecordLinkRepository::map).optional();
    }

    private <K> Map<K, RecordLink> findMany(String column, Collection<K> ids, Function<RecordLink, K> key) {
        List<K> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        Map<K, RecordLink> found = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<K> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            jdbc.sql("SELECT " + COLUMNS + " FROM record_link WHERE " + column + " IN (:ids)")
                    .param("ids", chunk).query(RecordLinkRepository::map).list()
                    .forEach(link -> found.put(key.apply(link), link));
        }
        return Collections.unmodifiableMap(found);
    }

    private static String describe(NewRecordLink request) {
        return "hubspot " + request.hubspotId().orElse("-") + " / salesforce "
                + request.salesforce().map(RecordRef::id).orElse("-");
    }

    static RecordLink map(ResultSet rs, int row) throws SQLException {
        String sfId = rs.getString("salesforce_id");
        long mergedInto = rs.getLong("merged_into_id");
        boolean merged = !rs.wasNull();
        return new RecordLink(
                rs.getLong("id"),
                Optional.ofNullable(rs.getString("hubspot_id")),
                sfId == null ? Optional.empty() : Optional.of(RecordRef.salesforce(rs.getString("salesforce_type"), sfId)),
                Optional.ofNullable(rs.getString("email")),
                LinkStatus.valueOf(rs.getString("status")),
                merged ? Optional.of(mergedInto) : Optional.empty(),
                SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "updated_at"),
                Optional.ofNullable(rs.getString("converted_lead_id")));
    }
}
