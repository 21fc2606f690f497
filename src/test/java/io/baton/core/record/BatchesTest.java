package io.baton.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void batchesAreFullBeforeANewOneStarts() {
        List<List<Integer>> batches = Batches.distinct(List.of(1, 2, 3, 4, 5), 2, String::valueOf);

        assertThat(batches).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    }

    @Test
    void aRepeatedIdentityWaitsForALaterBatchAndKeepsItsOrder() {
        List<String> writes = List.of("a:1", "b:1", "a:2", "c:1", "a:3");

        List<List<String>> batches = Batches.distinct(writes, 10, w -> w.substring(0, 1));

        assertThat(batches).containsExactly(List.of("a:1", "b:1", "c:1"), List.of("a:2"), List.of("a:3"));
    }

    @Test
    void noBatchHoldsAnIdentityTwiceEvenWhenFull() {
        List<String> writes = List.of("x", "y", "x", "z", "x", "y");

        List<List<String>> batches = Batches.distinct(writes, 2, Function.identity());

        assertThat(batches).allSatisfy(b -> assertThat(b).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(2));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(6);
    }
}
