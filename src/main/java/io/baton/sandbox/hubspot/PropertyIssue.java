package io.baton.sandbox.hubspot;

/** One invalid property value: {@code error} is HubSpot's code, e.g. {@code INVALID_OPTION} (A.5, A.6). */
record PropertyIssue(String name, String error, String message) {
}
