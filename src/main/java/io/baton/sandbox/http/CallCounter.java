package io.baton.sandbox.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts calls per endpoint ("POST /crm/v3/objects/contacts/search"), so tests and the benchmark
 * can assert how many API calls a piece of work cost.
 */
public final class CallCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void record(String endpoint) {
        counts.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    }

    public long count(String endpoint) {
        LongAdder adder = counts.get(endpoint);
        return adder == null ? 0 : adder.sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A sorted copy of the counts. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public void reset() {
        counts.clear();
    }
}
