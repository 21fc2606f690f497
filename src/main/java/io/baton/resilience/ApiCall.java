package io.baton.resilience;

/**
 * One kind of API call, as the guard sees it: its name in metrics, the rate-limit lane it draws
 * from (none, HubSpot's burst window, or HubSpot's search limit) and whether it counts against the
 * daily allowance (Salesforce's {@code /limits} does not, B.x).
 */
public record ApiCall(String operation, Lane lane, boolean counted) {

    public enum Lane { NONE, BURST, SEARCH }

    public static ApiCall counted(String operation, Lane lane) {
        return new ApiCall(operation, lane, true);
    }

    public static ApiCall free(String operation, Lane lane) {
        return new ApiCall(operation, lane, false);
    }
}
