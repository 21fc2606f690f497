package io.baton.sandbox.hubspot;

import java.time.Instant;

/** One entry of a property's history ({@code ValueWithTimestamp}, A.1): who set which value when. */
public record PropertyVersion(String value, Instant timestamp, String sourceType, String sourceId) {
}
