package io.baton.hubspot;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Where HubSpot is and how to authenticate; {@link #toString()} never shows the token. */
public record HubSpotConnection(URI baseUrl, String accessToken, Duration timeout) {

    public HubSpotConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "HubSpotConnection[baseUrl=" + baseUrl + ", accessToken=***, timeout=" + timeout + "]";
    }
}
