package io.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ceiling follows the limits in force: whichever limit needs the most time binds. */
class CallBudgetTest {

    @Test
    void searchBindsWhenSearchesOutweighTheBurstAllowance() {
        CallBudget budget = new CallBudget(500, 1_500, 3_000);

        assertThat(budget.bindingSeconds(limits(190, 5))).isEqualTo(100.0); // 500 searches at 5/s
        assertThat(budget.bindingLimit(limits(190, 5))).startsWith("HubSpot search");
    }

    @Test
    void raisingTheSearchLimitMovesTheBindToTheBurst() {
        CallBudget budget = new CallBudget(500, 1_500, 3_000);

        assertThat(budget.bindingSeconds(limits(190, 50))).isCloseTo(1_500 / 19.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(budget.bindingLimit(limits(190, 50))).startsWith("HubSpot burst");
    }

    @Test
    void pagesRoundUp() {
        assertThat(CallBudget.pages(200, 200)).isEqualTo(1);
        assertThat(CallBudget.pages(201, 200)).isEqualTo(2);
        assertThat(CallBudget.pages(0, 200)).isZero();
    }

    private static RateLimits limits(int burst, int searchPerSecond) {
        return new RateLimits(burst, searchPerSecond, 100_000_000);
    }
}
