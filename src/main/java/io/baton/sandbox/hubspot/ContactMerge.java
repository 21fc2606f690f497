package io.baton.sandbox.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a merge combines two contacts' values (A.4): the primary's value wins where it has one
 * ("the record that the merge will generally set as the current value"), the later lifecycle stage
 * wins, the merged email becomes an additional email, and {@code hs_merged_object_ids} collects ids.
 */
final class ContactMerge {

    private ContactMerge() {
    }

    static void mergeValues(StoredContact primary, StoredContact merged, Instant now) {
        merged.history.forEach((name, versions) -> {
            String mine = primary.value(name);
            String theirs = merged.value(name);
            if (theirs == null || PropertyCatalog.MERGED_IDS.equals(name) || PropertyCatalog.EMAIL.equals(name) && mine != null) {
                return;
            }
            boolean laterStage = PropertyCatalog.LIFECYCLE_STAGE.equals(name) && mine != null
                    && PropertyCatalog.stageOrder(theirs) > PropertyCatalog.stageOrder(mine);
            if (mine == null || laterStage) {
                primary.set(name, theirs, now, WriteSource.MERGE);
            }
        });
        String mergedEmail = merged.value(PropertyCatalog.EMAIL);
        if (mergedEmail != null && !mergedEmail.equals(primary.value(PropertyCatalog.EMAIL))) {
            primary.set(PropertyCatalog.ADDITIONAL_EMAILS, join(primary.value(PropertyCatalog.ADDITIONAL_EMAILS),
                    List.of(mergedEmail)), now, WriteSource.MERGE);
        }
        List<String> ids = new ArrayList<>();
        ids.add(Long.toString(merged.id));
        if (merged.value(PropertyCatalog.MERGED_IDS) != null) {
            ids.addAll(List.of(merged.value(PropertyCatalog.MERGED_IDS).split(";")));
        }
        primary.set(PropertyCatalog.MERGED_IDS, join(primary.value(PropertyCatalog.MERGED_IDS), ids), now, WriteSource.MERGE);
        if (merged.createdAt.isBefore(primary.createdAt)) {
            primary.createdAt = merged.createdAt;
        }
    }

    private static String join(String existing, List<String> more) {
        Set<String> all = new LinkedHashSet<>();
        if (existing != null) {
            all.addAll(List.of(existing.split(";")));
        }
        all.addAll(more);
        return String.join(";", all);
    }
}
