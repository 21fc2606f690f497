package io.baton.salesforce;

import io.baton.core.record.CrmException;
import io.baton.core.record.CrmException.Kind;
import io.baton.core.record.Side;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * Decides, in one place, what each Salesforce failure means (API-REFERENCE.md B.5): row locks,
 * 5xx and transport failures are retried; an exhausted daily budget waits; a dead session is
 * re-established by camel-salesforce itself and only reaches us when that failed.
 */
final class SalesforceErrors {

    private SalesforceErrors() {
    }

    /** A failure of a call that carries records (writes, deletes): an unknown 4xx is that record's fault. */
    static CrmException translate(Throwable failure) {
        return translate(failure, true);
    }

    /**
     * A failure of any call. {@code recordCall} false (queries, {@code /limits}): no record is to
     * blame, so an unknown 4xx means Baton asked wrongly and is FATAL rather than dead-lettered.
     * A timeout or transport failure is retried; any other exception is not a CRM answer at all
     * (a bug or a broken set-up) and is FATAL, so it is seen instead of retried for ever.
     */
    static CrmException translate(Throwable failure, boolean recordCall) {
        if (failure instanceof CrmException crm) {
            return crm;
        }
        Throwable cause = rootSalesforceOrIo(failure);
        if (cause instanceof SalesforceException sf && sf.getStatusCode() == 0
                && (sf.getErrors() == null || sf.getErrors().isEmpty())) {
            // camel-salesforce wraps transport and parse failures in a status-0 exception with no errors.
            cause = transportCause(sf).orElse(sf);
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return malformed("an answer is not valid JSON (" + cause.getClass().getSimpleName() + ")");
        }
        if (cause instanceof SalesforceException sf) {
            return fromSalesforce(sf, recordCall);
        }
        if (cause instanceof IOException || cause instanceof TimeoutException) {
            return new CrmException(Side.SALESFORCE, Kind.RETRIABLE, cause instanceof IOException ? "IO" : "TIMEOUT",
                    "Salesforce could not be reached: " + cause.getClass().getSimpleName(), null, failure);
        }
        return new CrmException(Side.SALESFORCE, Kind.FATAL, "UNEXPECTED",
                "Salesforce call failed unexpectedly: " + describe(failure), null, failure);
    }

    /**
     * What one failed item of an sObject Collections answer means (B.4 {@code statusCode}, B.5):
     * a row lock or trouble on Salesforce's side is worth another try; everything else
     * (validation, picklist, required field, duplicate, converted lead…) condemns the record.
     * {@code ALL_OR_NONE_OPERATION_ROLLED_BACK} and {@code PROCESSING_HALTED} are a sibling's fault,
     * so the record itself may well succeed next time.
     */
    static Kind itemKind(String statusCode) {
        return switch (statusCode == null ? "" : statusCode) {
            case "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "REQUEST_LIMIT_EXCEEDED",
                 "ALL_OR_NONE_OPERATION_ROLLED_BACK", "PROCESSING_HALTED" -> Kind.RETRIABLE;
            default -> Kind.RECORD;
        };
    }

    /** An answer we cannot read; retried, as the reader does, since the next answer may well be whole. */
    static CrmException malformed(String what) {
        return new CrmException(Side.SALESFORCE, Kind.RETRIABLE, "MALFORMED_RESPONSE", "Salesforce: " + what);
    }

    private static CrmException fromSalesforce(SalesforceException e, boolean recordCall) {
        int status = e.getStatusCode();
        List<RestError> errors = e.getErrors() == null ? List.of() : e.getErrors();
        String code = errors.isEmpty() || errors.get(0).getErrorCode() == null ? "HTTP_" + status : errors.get(0).getErrorCode();
        String message = "Salesforce answered " + (status == 0 ? "" : status + " ") + code
                + (errors.isEmpty() || errors.get(0).getMessage() == null ? "" : ": " + errors.get(0).getMessage());
        Kind kind = switch (code) {
            case "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "REQUEST_LIMIT_EXCEEDED" -> Kind.RETRIABLE;
            // B.2: a query locator expires after ~15 min idle; the change reader re-reads its page
            // from the committed cursor, so an expired or lost locator is a retry, not a bad record.
            case "INVALID_QUERY_LOCATOR" -> Kind.RETRIABLE;
            case "INVALID_SESSION_ID" -> Kind.AUTH;
            // B.1: the token endpoint's OAuth errors: the login itself was refused.
            case "invalid_grant", "invalid_client", "invalid_client_id", "unsupported_grant_type", "inactive_user",
                 "inactive_org" -> Kind.AUTH;
            case "INSUFFICIENT_ACCESS_OR_READONLY", "API_DISABLED_FOR_ORG", "INVALID_FIELD", "MALFORMED_QUERY",
                 "INVALID_TYPE", "NOT_FOUND" -> Kind.FATAL;
            default -> status == 0 || status >= 500 ? Kind.RETRIABLE
                    : status == 401 ? Kind.AUTH
                    : status == 403 ? Kind.FATAL
                    : status == 429 ? Kind.RETRIABLE
                    : recordCall ? Kind.RECORD : Kind.FATAL;
        };
        Duration wait = "REQUEST_LIMIT_EXCEEDED".equals(code) ? Duration.ofMinutes(15) : null;
        return new CrmException(Side.SALESFORCE, kind, code, message, wait, e);
    }

    private static Throwable rootSalesforceOrIo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException || t instanceof IOException || t instanceof TimeoutException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure;
    }

    private static java.util.Optional<Throwable> transportCause(SalesforceException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
