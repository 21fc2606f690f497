package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.Faults;
import io.baton.sandbox.http.SandboxClock;
import java.util.Optional;
import java.util.Random;

/**
 * What every HubSpot API handler shares: the portal's data, catalog, renderer, validator, fault knobs,
 * and the seeded generator that shuffles batch results.
 */
record ApiContext(HubSpotStore store, PropertyCatalog catalog, ContactJson json, PropertyValidator validator,
                  Faults faults, SandboxClock clock, HubSpotSandboxSettings settings, Random batchOrder) {

    static final String CONTACTS = "/crm/v3/objects/contacts";

    /** A batch call's collector, started now; A.3: results not in input order unless the settings say so. */
    BatchResult newBatch() {
        return new BatchResult(clock.instant(), settings.batchOrderShuffled() ? batchOrder : null);
    }

    /** The error code injected for the first of these record keys (email or id) that has one. */
    Optional<String> injectedFailure(String... keys) {
        for (String key : keys) {
            Optional<String> code = faults.recordFailure(key);
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    /** A.3: the whole-call 409 for a unique value held by another record. */
    static HubSpotApiException duplicate(DuplicateValueException e) {
        return HubSpotErrorBodies.conflict(e.existingId());
    }

    /** An injected per-record failure used as a whole-call error (single-record writes). */
    static HubSpotApiException injected(String code, String key) {
        return new HubSpotApiException(HubSpotErrorBodies.error(HubSpotErrorBodies.statusOf(code), code,
                injectedMessage(code, key)));
    }

    static String injectedMessage(String code, String key) {
        return "Record " + key + " could not be written: " + code + " (sandbox fault)";
    }
}
