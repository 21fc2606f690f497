package io.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchPeopleTest {

    @Test
    void sharedPeopleComeFirstUnlessInterleaved() {
        BenchPeople first = new BenchPeople(null, 10, 0.5);
        assertThat(IntStream.range(0, 10).filter(first::isShared)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void interleavedSpreadsTheSharedPeopleEvenly() {
        BenchPeople half = new BenchPeople(null, 10, 0.5, true);
        assertThat(IntStream.range(0, 10).filter(half::isShared)).containsExactly(1, 3, 5, 7, 9);
        BenchPeople third = new BenchPeople(null, 9, 1.0 / 3, true);
        assertThat(IntStream.range(0, 9).filter(third::isShared)).containsExactly(2, 5, 8);
        assertThat(half.people()).isEqualTo(15);
    }

    @Test
    void everyoneOrNobodyShared() {
        assertThat(IntStream.range(0, 7).filter(new BenchPeople(null, 7, 1.0, true)::isShared)).hasSize(7);
        assertThat(IntStream.range(0, 7).filter(new BenchPeople(null, 7, 0.0, true)::isShared)).isEmpty();
    }
}
