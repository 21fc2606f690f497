package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

interface HandoffRotationContract extends StoreFixture {

    default HandoffRotationRepository rotations() {
        return new HandoffRotationRepository(jdbc(), clock());
    }

    @Test
    default void turnsAreHandedOutInOrderAndSurviveANewRepository() {
        assertThat(rotations().take("reps", 2)).isZero();
        assertThat(rotations().take("reps", 1)).isEqualTo(2);
        assertThat(new HandoffRotationRepository(jdbc(), clock()).take("reps", 3)).isEqualTo(3);
        assertThat(rotations().take("other", 1)).as("each rotation counts alone").isZero();
        assertThatThrownBy(() -> rotations().take("reps", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(3)
    default void concurrentTakesNeverShareATurn() throws Exception {
        List<Long> firsts = Concurrently.run(8, i -> rotations().take("busy", 5));
        Set<Long> turns = new TreeSet<>();
        firsts.forEach(first -> {
            for (long t = first; t < first + 5; t++) {
                assertThat(turns.add(t)).as("turn %d handed out twice", t).isTrue();
            }
        });
        assertThat(turns).hasSize(40);
    }
}
