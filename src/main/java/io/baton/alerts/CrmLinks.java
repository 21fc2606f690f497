package io.baton.alerts;

import io.baton.config.LeakageProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A record's address in each CRM, from the {@code baton.leakage.links} patterns (mail and the dashboard's leak list). */
public final class CrmLinks {

    private final LeakageProperties.Links links;

    public CrmLinks(LeakageProperties.Links links) {
        this.links = links;
    }

    public String hubspot(String id) {
        String portal = links.hubspotPortal() == null ? "" : links.hubspotPortal();
        return links.hubspot().replace("{portal}", segment(portal)).replace("{id}", segment(id));
    }

    public String salesforce(String type, String id) {
        return links.salesforce().replace("{type}", segment(type)).replace("{id}", segment(id));
    }

    /** Ids go into a path: escaped, so an odd id cannot change the address. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
