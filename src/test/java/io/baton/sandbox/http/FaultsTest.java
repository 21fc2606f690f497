package io.baton.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fault knobs' decisions, without a server: how the random rates share one roll per request. */
class FaultsTest {

    private static Map<Faults.Action, Integer> tally(Faults faults, int requests) {
        Map<Faults.Action, Integer> seen = new EnumMap<>(Faults.Action.class);
        for (int i = 0; i < requests; i++) {
            seen.merge(faults.nextAction(), 1, Integer::sum);
        }
        return seen;
    }

    @Test
    void ratesThatAddUpToOneLeaveNoRequestUntouchedAndEachGetsItsShare() {
        Faults faults = new Faults(3).droppedConnections(0.1).serverErrors(0.2, 503).htmlErrorPages(0.3, 502)
                .malformedJson(0.4);

        Map<Faults.Action, Integer> seen = tally(faults, 4000);

        assertThat(seen).doesNotContainKey(Faults.Action.PASS);
        assertThat(seen.get(Faults.Action.DROP_CONNECTION)).isBetween(300, 500);
        assertThat(seen.get(Faults.Action.SERVER_ERROR)).isBetween(650, 950);
        assertThat(seen.get(Faults.Action.HTML_ERROR_PAGE)).isBetween(1050, 1350);
        assertThat(seen.get(Faults.Action.MALFORMED_JSON)).isBetween(1450, 1750);
    }

    @Test
    void aRevokedCredentialWinsOverEveryOtherFaultAndAStormWaitsItsTurn() {
        Faults faults = new Faults(1).rateLimitStorm(2).serverErrors(1.0, 500).credentialsRevoked(true);

        assertThat(tally(faults, 5)).containsOnly(Map.entry(Faults.Action.CREDENTIALS_REVOKED, 5));

        faults.credentialsRevoked(false);
        assertThat(faults.nextAction()).isEqualTo(Faults.Action.RATE_LIMIT);
        assertThat(faults.nextAction()).isEqualTo(Faults.Action.RATE_LIMIT);
        assertThat(faults.nextAction()).isEqualTo(Faults.Action.SERVER_ERROR);
    }

    @Test
    void theSameSeedGivesTheSameSequenceSoARunCanBeRepeated() {
        Faults first = new Faults(9).malformedJson(0.5).htmlErrorPages(0.25, 503);
        Faults second = new Faults(9).malformedJson(0.5).htmlErrorPages(0.25, 503);
        for (int i = 0; i < 200; i++) {
            assertThat(second.nextAction()).isEqualTo(first.nextAction());
        }
    }
}
