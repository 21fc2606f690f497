package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

interface RecordLinkContract extends StoreFixture {

    default RecordLinkRepository links() {
        return new RecordLinkRepository(jdbc(), clock());
    }

    @Test
    default void savedLinkIsFoundByHubSpotIdSalesforceIdAndEmail() {
        RecordLink saved = links().saveOrGet(NewRecordLink.of("101", RecordRef.salesforce("Lead", "00Q000000000001AAA"),
                "  Ada.Lovelace@Example.COM "));

        assertThat(saved.hubspotId()).contains("101");
        assertThat(saved.salesforce()).contains(RecordRef.salesforce("Lead", "00Q000000000001AAA"));
        assertThat(saved.email()).contains("ada.lovelace@example.com");
        assertThat(saved.status()).isEqualTo(LinkStatus.ACTIVE);
        assertThat(saved.createdAt()).isEqualTo(StoreContractTest.START);
        assertThat(links().findByHubSpotId("101")).contains(saved);
        assertThat(links().findBySalesforceId("00Q000000000001AAA")).contains(saved);
        assertThat(links().find(RecordRef.hubspotContact("101"))).contains(saved);
        assertThat(links().findByEmail("ADA.lovelace@example.com ")).containsExactly(saved);
        assertThat(links().findByHubSpotId("999")).isEmpty();
        assertThat(links().findByEmail(" ")).isEmpty();
    }

    @Test
    default void savingTheSamePairAgainReturnsTheSameLink() {
        NewRecordLink pair = NewRecordLink.of("101", RecordRef.salesforce("Lead", "00Q1"), "a@x.io");
        RecordLink first = links().saveOrGet(pair);
        clock().advance(Duration.ofMinutes(1));

        assertThat(links().saveOrGet(pair)).isEqualTo(first);
        assertThat(links().countByStatus(LinkStatus.ACTIVE)).isOne();
    }

    @Test
    default void oneSidedLinkGetsItsMissingSideFilledIn() {
        RecordLink hubspotOnly = links().saveOrGet(NewRecordLink.of("101", null, null));
        assertThat(hubspotOnly.salesforce()).isEmpty();

        RecordLink completed = links().saveOrGet(NewRecordLink.of("101", RecordRef.salesforce("Contact", "0031"),
                "b@x.io"));

        assertThat(completed.id()).isEqualTo(hubspotOnly.id());
        assertThat(completed.salesforce()).contains(RecordRef.salesforce("Contact", "0031"));
        assertThat(completed.email()).contains("b@x.io");
        assertThat(links().findBySalesforceId("0031").map(RecordLink::id)).contains(hubspotOnly.id());
    }

    @Test
    default void aSalesforceIdAlreadyLinkedIsNeverLinkedTwice() {
        RecordLink first = links().saveOrGet(NewRecordLink.of("101", RecordRef.salesforce("Lead", "00Q1"), null));
        RecordLink hubspotOnly = links().saveOrGet(NewRecordLink.of("202", null, null));

        RecordLink again = links().saveOrGet(NewRecordLink.of("303", RecordRef.salesforce("Lead", "00Q1"), null));
        RecordLink refused = links().saveOrGet(NewRecordLink.of("202", RecordRef.salesforce("Lead", "00Q1"), null));

        assertThat(again).isEqualTo(first);
        assertThat(refused.id()).isEqualTo(hubspotOnly.id());
        assertThat(refused.salesforce()).isEmpty();
        assertThat(links().findByHubSpotId("303")).isEmpty();
    }

    @RepeatedTest(5)
    default void concurrentSavesOfTheSamePairCreateExactlyOneRow() throws Exception {
        NewRecordLink pair = NewRecordLink.of("777", RecordRef.salesforce("Lead", "00Q777"), "race@x.io");
        List<RecordLink> results = Concurrently.run(6, i -> links().saveOrGet(pair));

        assertThat(results.stream().map(RecordLink::id).collect(Collectors.toSet())).hasSize(1);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM record_link").query(Long.class).single()).isOne();
        jdbc().sql("DELETE FROM record_link").update();
    }

    @RepeatedTest(3)
    default void concurrentSavesInsideTransactionsCreateOneRowAndCommit() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        List<Long> ids = Concurrently.run(4, i -> tx.execute(status -> {
            RecordLink link = links().saveOrGet(NewRecordLink.of("888", RecordRef.salesforce("Lead", "00Q888"), null));
            // The transaction must still be usable after a lost race (PostgreSQL aborts it otherwise).
            jdbc().sql("SELECT COUNT(*) FROM record_link").query(Long.class).single();
            return link.id();
        }));

        assertThat(Set.copyOf(ids)).hasSize(1);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM record_link").query(Long.class).single()).isOne();
        jdbc().sql("DELETE FROM record_link").update();
    }

    @Test
    default void lostUniqueRaceInsideTransactionLeavesTransactionUsable() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        UniqueInsert unique = new UniqueInsert(jdbc());
        String insert = "INSERT INTO sync_cursor (stream, position_ts, position_id, updated_at) "
                + "VALUES (:s, CURRENT_TIMESTAMP, '', CURRENT_TIMESTAMP)";

        Boolean secondRan = tx.execute(status -> {
            assertThat(unique.tryRun(() -> jdbc().sql(insert).param("s", "a").update())).isTrue();
            boolean ran = unique.tryRun(() -> jdbc().sql(insert).param("s", "a").update());
            jdbc().sql(insert).param("s", "b").update();
            return ran;
        });

        assertThat(secondRan).isFalse();
        assertThat(jdbc().sql("SELECT stream FROM sync_cursor ORDER BY stream").query(String.class).list())
                .containsExactly("a", "b");
    }

    @Test
    default void hubSpotMergeIntoUnlinkedContactRepointsTheLink() {
        RecordLink link = links().saveOrGet(NewRecordLink.of("101", RecordRef.salesforce("Lead", "00Q1"), null));

        RecordLink repointed = links().repointHubSpot("101", "202").orElseThrow();

        assertThat(repointed.id()).isEqualTo(link.id());
        assertThat(repointed.hubspotId()).contains("202");
        assertThat(repointed.isActive()).isTrue();
        assertThat(links().findByHubSpotId("101")).isEmpty();
    }

    @Test
    default void hubSpotMergeIntoLinkedContactMarksTheLoserMerged() {
        RecordLink loser = links().saveOrGet(NewRecordLink.of("101", RecordRef.salesforce("Lead", "00Q1"), null));
        RecordLink survivor = links().saveOrGet(NewRecordLink.of("202", RecordRef.salesforce("Lead", "00Q2"), null));

        assertThat(links().repointHubSpot("101", "202")).contains(survivor);
        assertThat(links().repointHubSpot("101", "202")).contains(survivor);

        RecordLink merged = links().findById(loser.id()).orElseThrow();
        assertThat(merged.status()).isEqualTo(LinkStatus.MERGED);
        assertThat(merged.mergedInto()).contains(survivor.id());
    }

    @Test
    default void leadConvertedToContactRepointsTheSalesforceSide() {
        RecordLink link = links().saveOrGet(NewRecordLink.of("101", RecordRef.salesforce("Lead", "00Q1"), null));

        RecordLink repointed = links().handOverToConvertedContact("00Q1", RecordRef.salesforce("Contact", "0031"))
                .orElseThrow();

        assertThat(repointed.id()).isEqualTo(link.id());
        assertThat(repointed.salesforce()).contains(RecordRef.salesforce("Contact", "0031"));
        assertThat(repointed.convertedLeadId()).contains("00Q1");
        assertThat(links().findBySalesforceId("00Q1")).isEmpty();
        assertThat(links().handOverToConvertedContact("00Q1", RecordRef.salesforce("Contact", "0031")))
                .as("a replayed hand-over").hasValueSatisfying(l -> assertThat(l.convertedLeadId()).contains("00Q1"));
        assertThat(links().handOverToConvertedContact("00Q9", RecordRef.salesforce("Contact", "0039"))).isEmpty();
        assertThat(links().repointSalesforce("0031", RecordRef.salesforce("Contact", "0032")).orElseThrow()
                .convertedLeadId()).as("a merge keeps it").contains("00Q1");
    }

    @Test
    default void markDeletedKeepsTheLinkButChangesItsStatus() {
        RecordLink link = links().saveOrGet(NewRecordLink.of("101", RecordRef.salesforce("Lead", "00Q1"), null));
        clock().advance(Duration.ofSeconds(5));

        assertThat(links().markDeleted(link.id())).isTrue();
        assertThat(links().markDeleted(-1)).isFalse();

        RecordLink deleted = links().findByHubSpotId("101").orElseThrow();
        assertThat(deleted.status()).isEqualTo(LinkStatus.DELETED);
        assertThat(deleted.updatedAt()).isEqualTo(StoreContractTest.START.plusSeconds(5));
        assertThat(links().countByStatus(LinkStatus.DELETED)).isOne();
    }

    @Test
    default void changedEmailIsStoredNormalisedAndMatchedFromThenOn() {
        RecordLink link = links().saveOrGet(NewRecordLink.of("101", null, "old@x.io"));

        assertThat(links().updateEmail(link.id(), " New@X.io")).isTrue();
        assertThat(links().updateEmail(-1, "a@x.io")).isFalse();

        assertThat(links().findByEmail("new@x.io")).extracting(RecordLink::id).containsExactly(link.id());
        assertThat(links().findByEmail("old@x.io")).isEmpty();
        links().updateEmail(link.id(), " ");
        assertThat(links().findById(link.id()).orElseThrow().email()).isEmpty();
    }

    @Test
    default void aPageOfIdsIsLookedUpAtOnce() {
        for (int i = 0; i < 1200; i += 100) {
            links().saveOrGet(NewRecordLink.of("hs" + i, RecordRef.salesforce("Lead", "sf" + i), null));
        }
        List<String> page = java.util.stream.IntStream.range(0, 1200).mapToObj(i -> "hs" + i).toList();

        assertThat(links().findByHubSpotIds(page)).hasSize(12).containsKeys("hs0", "hs1100");
        assertThat(links().findBySalesforceIds(List.of("sf100", "nope")).keySet()).containsExactly("sf100");
        assertThat(links().findByHubSpotIds(List.of())).isEmpty();
        RecordLink first = links().findByHubSpotId("hs0").orElseThrow();
        RecordLink last = links().findByHubSpotId("hs1100").orElseThrow();
        List<Long> ids = new java.util.ArrayList<>(java.util.Collections.nCopies(600, first.id()));
        ids.add(last.id());
        ids.add(-1L);
        assertThat(links().findByIds(ids)).containsOnlyKeys(first.id(), last.id()).containsEntry(last.id(), last);
        assertThat(links().findByIds(List.of())).isEmpty();
    }
}
