package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.CrmException;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.http.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fault matrix: each case seeds fresh people under its own email domain, syncs while one kind
 * of trouble is on, clears it, syncs until quiet and then checks only the end state — everyone once
 * on each side, linked one-to-one, mapped fields equal, no dead letter left open. How many retries
 * it took is not asserted, so client-side retry and back-off may change without breaking a case.
 * All cases share one Spring context to keep the class fast.
 */
class FaultMatrixEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("faults");
    /** Baton's HubSpot timeout here, and the latency that goes past it. */
    private static final Duration HUBSPOT_TIMEOUT = Duration.ofMillis(800);
    private static final Duration PAST_THE_TIMEOUT = Duration.ofMillis(1300);
    private static final int ROUNDS_TO_QUIET = 15;
    private static final Duration RECHECK = Duration.ofMillis(50);

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.hubspot.timeout", HUBSPOT_TIMEOUT::toString);
        // A paused system (allocation spent, token refused) asks again this often: soon, in a test.
        registry.add("baton.resilience.recheck", () -> RECHECK.toMillis() + "ms");
        // Timeouts open the circuit breaker; here it lets calls through again soon after.
        registry.add("baton.resilience.circuit-breaker.open-for", () -> RECHECK.toMillis() + "ms");
    }

    /**
     * Each case starts from a quiet, logged-in service whose look-ups (owners and the like) are
     * loaded, so its fault meets the page's own calls whichever case runs first.
     */
    @BeforeEach
    void quietBeforeTheFault() {
        syncUntilQuiet();
    }

    @AfterEach
    void clearEveryFault() {
        hubspotFaults().reset();
        salesforceFaults().reset();
        sandbox.hubspot().resetLimits();
        sandbox.salesforce().resetBudget();
    }

    private Faults hubspotFaults() {
        return sandbox.hubspotServer().faults();
    }

    private Faults salesforceFaults() {
        return sandbox.salesforceServer().faults();
    }

    /** How a case shows that its fault really bit, besides the end state. */
    private enum Bite { SPOILS_ANSWERS, FAILS_A_PAGE }

    /** One row of the matrix: the trouble, how many rounds it lasts, and how it shows. */
    private record FaultCase(String name, int rounds, Consumer<Sandbox> faultOn, Bite bite) {
        @Override
        public String toString() {
            return name;
        }

        String domain() {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example";
        }
    }

    static Stream<FaultCase> faults() {
        return Stream.of(
                new FaultCase("HubSpot 429 storm", 2, s -> s.hubspotServer().faults().rateLimitStorm(3), Bite.SPOILS_ANSWERS),
                new FaultCase("Salesforce REQUEST_LIMIT_EXCEEDED storm", 2,
                        s -> s.salesforceServer().faults().rateLimitStorm(8), Bite.SPOILS_ANSWERS),
                new FaultCase("5xx burst on both", 1, s -> {
                    s.hubspotServer().faults().serverErrors(0.5, 503);
                    s.salesforceServer().faults().serverErrors(0.5, 500);
                }, Bite.SPOILS_ANSWERS),
                new FaultCase("HubSpot slower than the client timeout", 1,
                        s -> s.hubspotServer().faults().latency(PAST_THE_TIMEOUT, Duration.ZERO), Bite.FAILS_A_PAGE),
                new FaultCase("dropped connections on both", 1, s -> {
                    s.hubspotServer().faults().droppedConnections(0.4);
                    s.salesforceServer().faults().droppedConnections(0.4);
                }, Bite.SPOILS_ANSWERS),
                new FaultCase("HubSpot token revoked then restored", 1,
                        s -> s.hubspotServer().faults().credentialsRevoked(true), Bite.FAILS_A_PAGE),
                new FaultCase("Salesforce daily budget exhausted then reset", 1, s -> s.salesforce().exhaustBudget(),
                        Bite.FAILS_A_PAGE),
                new FaultCase("HubSpot daily limit exhausted then reset", 1, s -> s.hubspot().exhaustDailyLimit(),
                        Bite.FAILS_A_PAGE),
                new FaultCase("JSON cut short on both", 2, s -> {
                    s.hubspotServer().faults().malformedJson(0.3);
                    s.salesforceServer().faults().malformedJson(0.3);
                }, Bite.SPOILS_ANSWERS),
                new FaultCase("HTML error pages from a gateway on both", 1, s -> {
                    s.hubspotServer().faults().htmlErrorPages(0.5, 502);
                    s.salesforceServer().faults().htmlErrorPages(0.5, 503);
                }, Bite.SPOILS_ANSWERS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void onceTheFaultClearsEveryoneSyncsOnceWithNothingLost(FaultCase fault) {
        Cohort cohort = Cohort.seed(people, fault.domain(), 2);

        FaultRun run = throughFault(fault.rounds(), () -> fault.faultOn().accept(sandbox));

        if (fault.bite() == Bite.SPOILS_ANSWERS) {
            assertThat(run.faultyAnswers()).as("answers the fault spoilt").isPositive();
        } else {
            assertThat(run.lastFailure() != null || run.paused()).as("a page the fault failed, or the sync paused").isTrue();
        }
        convergeAndCheck(cohort);
    }

    @Test
    void everySalesforceSessionExpiringMidRunIsRecoveredByLoggingInAgain() {
        Cohort cohort = Cohort.seed(people, "session-expiry.example", 2);
        long loginsBefore = logins();
        attempt(sync::syncHubSpot);
        sandbox.salesforce().expireSessions();
        attempt(sync::syncSalesforce);
        sandbox.salesforce().expireSessions();

        convergeAndCheck(cohort);
        assertThat(logins()).as("logins at the token endpoint").isGreaterThan(loginsBefore);
    }

    @Test
    void htmlErrorPagesAreReportedByTheirStatusAsRetriableWithoutTheirMarkup() {
        Cohort.seed(people, "html-message.example", 1);
        attempt(sync::syncSalesforce); // logged in, so the page meets the fault at an API call
        hubspotFaults().htmlErrorPages(1.0, 502);
        salesforceFaults().htmlErrorPages(1.0, 503);

        CrmException hubspot = failureOf(sync::syncHubSpot);
        CrmException salesforce = failureOf(sync::syncSalesforce);

        assertThat(hubspot.isRetriable()).isTrue();
        assertThat(hubspot.getMessage()).contains("HubSpot").contains("502").doesNotContain("<html");
        assertThat(salesforce.isRetriable()).isTrue();
        assertThat(salesforce.getMessage()).contains("Salesforce").contains("503").doesNotContain("<html");
    }

    @Test
    void answersCutShortAreReportedAsMalformedNotAsUnreachable() {
        Cohort.seed(people, "cut-short.example", 1);
        attempt(sync::syncSalesforce);
        hubspotFaults().malformedJson(1.0);
        CrmException hubspot = failureOf(sync::syncHubSpot);
        hubspotFaults().malformedJson(0);
        salesforceFaults().malformedJson(1.0);
        CrmException salesforce = failureOf(sync::syncHubSpot);

        for (CrmException failure : List.of(hubspot, salesforce)) {
            assertThat(failure.isRetriable()).isTrue();
            assertThat(failure.code()).as(failure.getMessage()).isEqualTo("MALFORMED_RESPONSE");
            assertThat(failure.getMessage()).doesNotContain("could not be reached");
        }
    }

    @Test
    void aDroppedSalesforceConnectionIsReportedAsUnreachableNotAsHttp0() {
        Cohort.seed(people, "drop-message.example", 1);
        attempt(sync::syncSalesforce);
        salesforceFaults().droppedConnections(1.0);

        CrmException failure = failureOf(sync::syncSalesforce);

        assertThat(failure.isRetriable()).isTrue();
        assertThat(failure.code()).isEqualTo("IO");
        assertThat(failure.getMessage()).contains("Salesforce could not be reached").doesNotContain("HTTP_0");
    }

    @Test
    void aRefusedSalesforceLoginPausesTheSyncAsAnAuthFailureNotABadRecord() {
        Cohort cohort = Cohort.seed(people, "login-refused.example", 1);
        salesforceFaults().credentialsRevoked(true);
        sandbox.salesforce().expireSessions();

        RuntimeException failure = attempt(sync::syncSalesforce);

        // Loudly: the sync pauses for the credentials, or the poll fails as AUTH/FATAL — never a bad record.
        boolean pausedForCredentials = sync.pauses().stream().anyMatch(pause -> pause.system().equalsIgnoreCase("salesforce")
                && pause.reason() == io.baton.resilience.Pause.Reason.AUTH);
        assertThat(pausedForCredentials || failure instanceof CrmException crm
                && (crm.kind() == CrmException.Kind.AUTH || crm.kind() == CrmException.Kind.FATAL))
                .as("paused or failed loudly: %s", failure).isTrue();
        assertThat(deadLetters.listOpen(100)).noneMatch(d -> cohort.emails().stream()
                .anyMatch(e -> d.reason().contains(e) || d.payload().orElse("").contains(e)));
        clearEveryFault();
        convergeAndCheck(cohort);
    }

    @Test
    void aPartlyFailedBatchSyncsTheGoodRecordsAndDeadLettersTheBadOnesByRecordAndCode() {
        Cohort cohort = Cohort.seed(people, "partial-batch.example", 4);
        List<String> hubspotFirst = cohort.hubspotFirstEmails();
        String locked = hubspotFirst.get(0);
        String invalid = hubspotFirst.get(1);
        salesforceFaults().failRecord(locked, "UNABLE_TO_LOCK_ROW").failRecord(invalid, "VALIDATION_ERROR");

        syncUntilQuiet();

        cohort.assertSynced(cohort.emails().stream().filter(e -> !e.equals(locked) && !e.equals(invalid)).toList(), links);
        assertThat(cohort.openDeadLetters(deadLetters)).as("dead letters of the two refused records")
                .extracting(d -> people.hubspotContact(d.record().id()).orElseThrow().property("email") + " " + d.reason())
                .hasSize(2)
                .anySatisfy(d -> assertThat(d).startsWith(locked + " UNABLE_TO_LOCK_ROW"))
                // Salesforce's own word for a validation rule's refusal (B.5).
                .anySatisfy(d -> assertThat(d).startsWith(invalid + " FIELD_CUSTOM_VALIDATION_EXCEPTION"));

        salesforceFaults().clearRecordFailures();
        convergeAndCheck(cohort);
    }

    private long logins() {
        return sandbox.salesforceServer().counter().count("POST /services/oauth2/token");
    }

    /** What a spell of trouble did: the last page it failed, and how many answers it spoilt on both CRMs. */
    private record FaultRun(RuntimeException lastFailure, boolean paused, long faultyAnswers) {
    }

    /** Turns a fault on, syncs this many rounds, then clears every fault (as the trouble passing). */
    private FaultRun throughFault(int rounds, Runnable faultOn) {
        faultOn.run();
        RuntimeException failure = null;
        boolean paused = false;
        for (int round = 0; round < rounds; round++) {
            RuntimeException hubspot = attempt(sync::syncHubSpot);
            RuntimeException salesforce = attempt(sync::syncSalesforce);
            failure = salesforce != null ? salesforce : hubspot != null ? hubspot : failure;
            paused |= !sync.pauses().isEmpty();
        }
        long spoilt = spoiltAnswers(hubspotFaults()) + spoiltAnswers(salesforceFaults());
        clearEveryFault();
        return new FaultRun(failure, paused, spoilt);
    }

    private static long spoiltAnswers(Faults faults) {
        return java.util.Arrays.stream(Faults.Action.values()).filter(a -> a != Faults.Action.PASS)
                .mapToLong(faults::injected).sum();
    }

    /** The failure a poll met, which must be Baton's own error model. */
    private static CrmException failureOf(IntSupplier poll) {
        RuntimeException failure = attempt(poll);
        assertThat(failure).as("the poll's failure").isInstanceOf(CrmException.class);
        return (CrmException) failure;
    }

    /**
     * With the fault gone: sync until quiet, then replay (by an edit at the source, as the
     * dead-letter retry would) whatever was dead-lettered during the fault, sync again and check.
     */
    private void convergeAndCheck(Cohort cohort) {
        syncUntilQuiet();
        if (cohort.touchDeadLettered(deadLetters, "Replayed after the fault") > 0) {
            syncUntilQuiet();
        }
        cohort.assertConverged(links, deadLetters);
    }

    /** Polls both directions until a whole round reads nothing, fails nothing and waits for nothing. */
    private void syncUntilQuiet() {
        RuntimeException last = null;
        for (int round = 0; round < ROUNDS_TO_QUIET; round++) {
            try {
                if (sync.syncHubSpot() + sync.syncSalesforce() == 0 && sync.pauses().isEmpty()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (last != null || !sync.pauses().isEmpty()) {
                org.awaitility.Awaitility.await().pollDelay(RECHECK).until(() -> true);
            }
        }
        throw new AssertionError("the sync did not go quiet in " + ROUNDS_TO_QUIET + " rounds", last);
    }

    /** One direction's poll; a failed page is returned, not thrown, as the route's error handler would log it. */
    private static RuntimeException attempt(IntSupplier poll) {
        try {
            poll.getAsInt();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
