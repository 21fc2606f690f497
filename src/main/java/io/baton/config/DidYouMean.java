package io.baton.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the closest known name for a misspelled one, by edit distance. */
final class DidYouMean {

    private DidYouMean() {
    }

    static Optional<String> closest(String wrong, Collection<String> known) {
        String w = normalize(wrong);
        int limit = Math.max(1, Math.min(3, w.length() / 3));
        return known.stream()
                .filter(k -> normalize(k).equals(w) || distance(normalize(k), w) <= limit || distance(k, wrong) <= limit)
                .min(Comparator.comparingInt((String k) -> distance(normalize(k), w)).thenComparing(k -> k));
    }

    /** {@code " (did you mean 'x'?)"} or nothing. */
    static String hint(String wrong, Collection<String> known) {
        return closest(wrong, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static String normalize(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
