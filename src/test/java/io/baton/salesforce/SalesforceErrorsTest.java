package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.CrmException;
import io.baton.core.record.CrmException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;

/** How each Salesforce error of API-REFERENCE.md B.5 is classified, however deep Camel wraps it. */
class SalesforceErrorsTest {

    private static CrmException classify(int status, String code, String message) {
        SalesforceException cause = new SalesforceException(List.of(new RestError(code, message)), status);
        return SalesforceErrors.translate(new CamelExecutionException("wrapped", null, cause));
    }

    @Test
    void rowLockIsRetriable() {
        CrmException e = classify(400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");
        assertThat(e.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(e.code()).isEqualTo("UNABLE_TO_LOCK_ROW");
    }

    @Test
    void exhaustedDailyBudgetWaitsRatherThanFailing() {
        CrmException e = classify(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        assertThat(e.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(15));
    }

    @Test
    void deadSessionIsAuth() {
        assertThat(classify(401, "INVALID_SESSION_ID", "Session expired or invalid").kind()).isEqualTo(Kind.AUTH);
    }

    @Test
    void recordValidationIsRecordLevel() {
        assertThat(classify(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Company]").kind())
                .isEqualTo(Kind.RECORD);
        assertThat(classify(400, "CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead").kind())
                .isEqualTo(Kind.RECORD);
    }

    @Test
    void permissionsAndBadQueriesAreFatal() {
        assertThat(classify(403, "INSUFFICIENT_ACCESS_OR_READONLY", "no").kind()).isEqualTo(Kind.FATAL);
        assertThat(classify(400, "INVALID_FIELD", "No such column 'Foo' on entity 'Lead'").kind()).isEqualTo(Kind.FATAL);
    }

    @Test
    void serverErrorsAndTransportFailuresAreRetriable() {
        assertThat(classify(503, "SERVER_UNAVAILABLE", "down").kind()).isEqualTo(Kind.RETRIABLE);
        CrmException io = SalesforceErrors.translate(new CamelExecutionException("x", null, new IOException("reset")));
        assertThat(io.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(io.code()).isEqualTo("IO");
    }

    @Test
    void anExpiredQueryLocatorIsRetriedFromTheCursor() {
        assertThat(classify(400, "INVALID_QUERY_LOCATOR", "invalid query locator").kind()).isEqualTo(Kind.RETRIABLE);
    }
}
