package io.baton.sandbox.hubspot;

/**
 * Who made a write, recorded in property history as {@code sourceType}/{@code sourceId} (A.1) so a
 * sync can tell its own echoes (INTEGRATION, A.8 "changeSource") from a marketer's edits (CRM_UI).
 */
public record WriteSource(String sourceType, String sourceId) {

    /** The private app that owns the sandbox's access token. */
    public static final String PRIVATE_APP_ID = "1160452";

    public static final WriteSource INTEGRATION = new WriteSource("INTEGRATION", PRIVATE_APP_ID);
    public static final WriteSource IMPORT = new WriteSource("IMPORT", "sandbox-seed");
    public static final WriteSource MERGE = new WriteSource("MERGE", "merge");

    public static WriteSource crmUi(String userId) {
        return new WriteSource("CRM_UI", "userId:" + userId);
    }

    /** HubSpot's UI and API writes obey the forward-only lifecycle rule (A.5); UI users may move back. */
    boolean forwardOnlyLifecycle() {
        return !"CRM_UI".equals(sourceType) && !"IMPORT".equals(sourceType);
    }
}
