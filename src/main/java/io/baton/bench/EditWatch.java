package io.baton.bench;

import io.baton.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Edits made straight in a sandbox store (as a marketer or rep would, not through the API, so the
 * sandbox's counters hold only Baton's calls), and how long each took to show on the other side,
 * found by polling the other store in-process every {@link #CHECK_EVERY_MS} ms.
 */
final class EditWatch {

    static final String HUBSPOT_FIELD = "phone";
    static final String SALESFORCE_FIELD = "Phone";
    private static final long CHECK_EVERY_MS = 50;

    /** One edit: made on one side at {@code madeAtNanos}, expected on the other. */
    private record Edit(boolean inHubSpot, String hubspotId, String salesforceId, String value, long madeAtNanos) {
    }

    private final Sandbox sandbox;
    private final ConcurrentLinkedQueue<Edit> pending = new ConcurrentLinkedQueue<>();
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());

    EditWatch(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void editInHubSpot(String hubspotId, String salesforceId, String value) {
        long now = System.nanoTime();
        sandbox.hubspot().store().setFromUi(hubspotId, Map.of(HUBSPOT_FIELD, value));
        pending.add(new Edit(true, hubspotId, salesforceId, value, now));
    }

    void editInSalesforce(String hubspotId, String salesforceId, String value) {
        long now = System.nanoTime();
        sandbox.salesforce().org().updateAsRep(salesforceId, Map.of(SALESFORCE_FIELD, value));
        pending.add(new Edit(false, hubspotId, salesforceId, value, now));
    }

    /** Checks every pending edit once; those that arrived leave the queue with their latency. */
    void checkArrivals() {
        long now = System.nanoTime();
        pending.removeIf(edit -> {
            if (!arrived(edit)) {
                return false;
            }
            latencies.add((now - edit.madeAtNanos()) / 1e9);
            return true;
        });
    }

    /** Checks until nothing is pending or {@code deadlineNanos} passes; true when all arrived. */
    boolean awaitAll(long deadlineNanos) {
        while (!pending.isEmpty() && System.nanoTime() < deadlineNanos) {
            checkArrivals();
            pause(CHECK_EVERY_MS);
        }
        return pending.isEmpty();
    }

    int pendingCount() {
        return pending.size();
    }

    int arrivedCount() {
        return latencies.size();
    }

    /** The latency below which {@code fraction} of the arrived edits fall (nearest rank). */
    double percentile(double fraction) {
        List<Double> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private boolean arrived(Edit edit) {
        if (edit.inHubSpot()) {
            return sandbox.salesforce().org().find(edit.salesforceId())
                    .map(r -> Objects.equals(r.string(SALESFORCE_FIELD), edit.value())).orElse(false);
        }
        return sandbox.hubspot().store().contact(edit.hubspotId())
                .map(c -> Objects.equals(c.property(HUBSPOT_FIELD), edit.value())).orElse(false);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench: interrupted", e);
        }
    }
}
