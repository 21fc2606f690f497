package io.baton.sandbox.hubspot;

import io.baton.sandbox.http.SandboxResponse;

/** A client mistake found deep in a handler, carrying HubSpot's finished error answer. */
final class HubSpotApiException extends RuntimeException {

    private final transient SandboxResponse response;

    HubSpotApiException(SandboxResponse response) {
        super("HubSpot error " + response.status(), null, false, false);
        this.response = response;
    }

    SandboxResponse response() {
        return response;
    }
}
