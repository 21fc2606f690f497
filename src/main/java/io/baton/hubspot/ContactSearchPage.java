package io.baton.hubspot;

import java.util.List;

/** One page of search results: HubSpot's {@code total} (may exceed 10,000) and the contacts in its order. */
public record ContactSearchPage(long total, List<HubSpotContact> results) {

    public ContactSearchPage {
        results = List.copyOf(results);
    }
}
