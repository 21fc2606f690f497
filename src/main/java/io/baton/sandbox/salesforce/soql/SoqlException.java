package io.baton.sandbox.salesforce.soql;

/**
 * A query the org refuses (B.2 "Query errors"): {@code errorCode} is MALFORMED_QUERY, INVALID_FIELD or
 * INVALID_TYPE, and the message carries Salesforce's "ERROR at Row:1:Column:n" preamble.
 */
public final class SoqlException extends RuntimeException {

    private final String errorCode;

    public SoqlException(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    /** Builds the message the way the org does: the query, a caret under the column, then the reason. */
    public static SoqlException at(String errorCode, String soql, int column, String reason) {
        String pointer = " ".repeat(Math.max(0, column - 1)) + "^";
        return new SoqlException(errorCode, "\n" + soql + "\n" + pointer + "\nERROR at Row:1:Column:" + column + "\n"
                + reason);
    }

    public String errorCode() {
        return errorCode;
    }
}
