package io.baton.core.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Cuts a list into API batches of at most {@code max} items in which no identity repeats: both
 * CRMs reject a batch that names one record twice, so a repeat goes to a later batch, where it is
 * applied after the first. Order is kept within and across batches as far as the rule allows.
 */
public final class Batches {

    private Batches() {
    }

    /** First fit: each item goes into the first batch with room that does not hold its identity yet. */
    public static <T> List<List<T>> distinct(List<T> items, int max, Function<T, String> identity) {
        if (max < 1) {
            throw new IllegalArgumentException("batch size must be positive, was " + max);
        }
        List<List<T>> batches = new ArrayList<>();
        List<Set<String>> identities = new ArrayList<>();
        for (T item : items) {
            String id = identity.apply(item);
            int i = 0;
            while (i < batches.size() && (batches.get(i).size() >= max || identities.get(i).contains(id))) {
                i++;
            }
            if (i == batches.size()) {
                batches.add(new ArrayList<>());
                identities.add(new HashSet<>());
            }
            batches.get(i).add(item);
            identities.get(i).add(id);
        }
        return batches;
    }
}
