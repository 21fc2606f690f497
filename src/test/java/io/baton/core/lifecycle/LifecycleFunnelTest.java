package io.baton.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LifecycleFunnelTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> STAGES = List.of("subscriber", "lead", "mql", "sal");
    private static final List<String> EXITS = List.of("disqualified", "recycled");

    private final LifecycleFunnel funnel = new LifecycleFunnel(STAGES, EXITS);

    /** One person's moves: stage, hours after the start, stage, hours, … */
    private void path(long person, Object... stagesAndHours) {
        for (int i = 0; i < stagesAndHours.length; i += 2) {
            funnel.add(person, (String) stagesAndHours[i], T0.plus(Duration.ofHours((Integer) stagesAndHours[i + 1])));
        }
    }

    private Map<String, LifecycleFunnel.StageFigures> byStage() {
        return funnel.figures().stages().stream()
                .collect(Collectors.toMap(LifecycleFunnel.StageFigures::stage, Function.identity()));
    }

    @Test
    void conversionIsTheShareOfThoseWhoReachedAStageThatReachedTheNext() {
        path(1, "subscriber", 0, "lead", 1, "mql", 3);
        path(2, "subscriber", 0, "lead", 2);
        path(3, "subscriber", 0);
        path(4, "subscriber", 0);

        Map<String, LifecycleFunnel.StageFigures> f = byStage();

        assertThat(f.get("subscriber").reached()).isEqualTo(4);
        assertThat(f.get("lead").reached()).isEqualTo(2);
        assertThat(f.get("mql").reached()).isEqualTo(1);
        assertThat(f.get("sal").reached()).isZero();
        assertThat(f.get("subscriber").conversionToNext()).hasValue(0.5);
        assertThat(f.get("lead").conversionToNext()).hasValue(0.5);
        assertThat(f.get("mql").conversionToNext()).hasValue(0.0);
        assertThat(f.get("sal").conversionToNext()).as("nobody reached sal").isEmpty();
        assertThat(f.get("subscriber").current()).isEqualTo(2);
        assertThat(f.get("mql").current()).isEqualTo(1);
        assertThat(funnel.figures().people()).isEqualTo(4);
    }

    @Test
    void aSkippedStageCountsAsReachedSoTheFunnelNeverWidens() {
        path(1, "subscriber", 0, "sal", 5);
        path(2, "mql", 0);

        Map<String, LifecycleFunnel.StageFigures> f = byStage();

        assertThat(STAGES).extracting(s -> f.get(s).reached()).containsExactly(2L, 2L, 2L, 1L);
        assertThat(f.get("mql").conversionToNext()).hasValue(0.5);
        assertThat(f.get("lead").completedStays()).as("nobody stayed in a skipped stage").isZero();
    }

    @Test
    void aRecycledPersonKeepsTheFurthestStageAndEntersTheExitOnce() {
        path(1, "mql", 0, "recycled", 4, "lead", 10, "recycled", 12);
        path(2, "lead", 0, "disqualified", 1);

        Map<String, LifecycleFunnel.StageFigures> f = byStage();

        assertThat(f.get("mql").reached()).isEqualTo(1);
        assertThat(f.get("recycled").exit()).isTrue();
        assertThat(f.get("recycled").reached()).as("people who entered it").isEqualTo(1);
        assertThat(f.get("recycled").current()).isEqualTo(1);
        assertThat(f.get("recycled").conversionToNext()).isEmpty();
        assertThat(f.get("recycled").medianTimeInStage()).contains(Duration.ofHours(6));
        assertThat(f.get("disqualified").current()).isEqualTo(1);
        assertThat(f.get("disqualified").medianTimeInStage()).as("still disqualified").isEmpty();
    }

    @Test
    void medianTimeInStageIsTakenOverEndedStaysOnly() {
        path(1, "lead", 0, "mql", 1);
        path(2, "lead", 0, "mql", 3);
        path(3, "lead", 0, "mql", 10);
        path(4, "lead", 0, "mql", 20);
        path(5, "lead", 0);

        LifecycleFunnel.StageFigures lead = byStage().get("lead");

        assertThat(lead.completedStays()).isEqualTo(4);
        assertThat(lead.medianTimeInStage()).as("between 3 h and 10 h").contains(Duration.ofMinutes(390));
        assertThat(byStage().get("mql").medianTimeInStage()).isEmpty();
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(LifecycleFunnel.median(List.of(9L, 1L, 5L))).contains(5L);
        assertThat(LifecycleFunnel.median(List.of())).isEmpty();
    }

    @Test
    void aStageNoLongerConfiguredEndsTheStayBeforeItAndCountsNowhere() {
        path(1, "lead", 0, "nurture", 2);

        Map<String, LifecycleFunnel.StageFigures> f = byStage();

        assertThat(f).doesNotContainKey("nurture");
        assertThat(f.get("lead").medianTimeInStage()).contains(Duration.ofHours(2));
        assertThat(f.get("lead").current()).isZero();
        assertThat(f.get("lead").reached()).isEqualTo(1);
    }

    @Test
    void anEmptyAuditGivesEveryStageZeroAndNoRatios() {
        LifecycleFunnel.Figures figures = funnel.figures();

        assertThat(figures.people()).isZero();
        assertThat(figures.stages()).extracting(LifecycleFunnel.StageFigures::stage)
                .containsExactly("subscriber", "lead", "mql", "sal", "disqualified", "recycled");
        assertThat(figures.stages()).allSatisfy(s -> {
            assertThat(s.reached()).isZero();
            assertThat(s.conversionToNext()).isEmpty();
        });
    }

    @Test
    void movesOfOnePersonOutOfOrderAreRefused() {
        path(1, "lead", 5);

        assertThatThrownBy(() -> path(1, "mql", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
    }
}
