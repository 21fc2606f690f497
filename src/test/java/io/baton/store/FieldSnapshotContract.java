package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.Side;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

interface FieldSnapshotContract extends StoreFixture {

    default FieldSnapshotRepository snapshots() {
        return new FieldSnapshotRepository(jdbc(), clock());
    }

    @Test
    default void neverSyncedLinkHasNoValues() {
        assertThat(snapshots().read(newLink("1"), Side.HUBSPOT)).isEmpty();
    }

    @Test
    default void replacedValuesAreReadBackPerSide() {
        long link = newLink("1");
        snapshots().replace(link, Side.HUBSPOT, Map.of("email", "a@x.io", "firstname", "Ada"));
        snapshots().replace(link, Side.SALESFORCE, Map.of("Email", "a@x.io"));

        assertThat(snapshots().read(link, Side.HUBSPOT)).isEqualTo(Map.of("email", "a@x.io", "firstname", "Ada"));
        assertThat(snapshots().read(link, Side.SALESFORCE)).isEqualTo(Map.of("Email", "a@x.io"));
    }

    @Test
    default void replaceDropsFieldsNoLongerPresentAndKeepsLongAndBlankValues() {
        long link = newLink("1");
        snapshots().replace(link, Side.HUBSPOT, Map.of("email", "a@x.io", "phone", "123"));
        Map<String, String> next = new HashMap<>();
        String longText = "x".repeat(40_000) + "é";
        next.put("notes", longText);
        next.put("company", null);
        next.put("city", "");
        snapshots().replace(link, Side.HUBSPOT, next);

        assertThat(snapshots().read(link, Side.HUBSPOT))
                .isEqualTo(Map.of("notes", longText, "company", "", "city", ""));
    }

    @Test
    default void aPageOfLinksIsWrittenAndReadAtOnce() {
        Map<Long, Map<String, String>> page = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            page.put(newLink("p" + i), Map.of("email", "p" + i + "@x.io", "lastname", "L" + i));
        }
        snapshots().replaceMany(Side.SALESFORCE, page);

        Map<Long, Map<String, String>> read = snapshots().readMany(page.keySet(), Side.SALESFORCE);
        assertThat(read).isEqualTo(page);
        assertThat(snapshots().readMany(page.keySet(), Side.HUBSPOT)).isEmpty();
        assertThat(snapshots().readMany(List.of(), Side.HUBSPOT)).isEmpty();
    }

    @RepeatedTest(3)
    default void concurrentReplacesOfOneLinkLeaveOneWritersValues() throws Exception {
        long link = newLink("race");
        List<Map<String, String>> versions = List.of(
                Map.of("a", "1", "b", "1"), Map.of("a", "2", "b", "2"), Map.of("a", "3", "c", "3"),
                Map.of("a", "4"));

        Concurrently.run(versions.size(), i -> {
            for (int round = 0; round < 5; round++) {
                snapshots().replace(link, Side.HUBSPOT, versions.get(i));
            }
            return null;
        });

        assertThat(versions).contains(snapshots().read(link, Side.HUBSPOT));
    }
}
