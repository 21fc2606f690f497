package io.baton.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PersonGeneratorTest {

    private static List<Person> people(long seed, int n) {
        PersonGenerator generator = new PersonGenerator(new Random(seed), 6);
        return IntStream.range(0, n).mapToObj(i -> generator.next()).toList();
    }

    @Test
    void sameSeedMakesTheSamePeople() {
        assertThat(people(7, 200)).isEqualTo(people(7, 200));
        assertThat(people(7, 200)).isNotEqualTo(people(8, 200));
    }

    @Test
    void emailsAreUniqueIgnoringCaseEvenWhenNamesRepeat() {
        Set<String> seen = new HashSet<>();
        for (Person p : people(3, 3000)) {
            assertThat(seen.add(p.email().toLowerCase(Locale.ROOT))).as(p.email()).isTrue();
            assertThat(p.email()).matches("[^@\\s]+@[^@\\s]+\\.[a-z]+");
        }
    }

    @Test
    void mixIsRealistic() {
        List<Person> people = people(11, 2000);
        assertThat(people).anyMatch(p -> p.email().contains("+"));
        assertThat(people).anyMatch(p -> !p.email().equals(p.email().toLowerCase(Locale.ROOT)));
        assertThat(people).anyMatch(p -> p.phone().isEmpty());
        assertThat(people).anyMatch(p -> p.company().isEmpty());
        assertThat(people).anyMatch(p -> !p.firstName().chars().allMatch(c -> c < 128));
        assertThat(people).extracting(Person::stageIndex).contains(0, 1, 2, 3, 4, 5);
    }

    @Test
    void asciiFoldsAccentsAndDropsPunctuation() {
        assertThat(PersonGenerator.ascii("Zoë")).isEqualTo("zoe");
        assertThat(PersonGenerator.ascii("Øberg")).isEqualTo("oberg");
        assertThat(PersonGenerator.ascii("O'Brien")).isEqualTo("obrien");
        assertThat(PersonGenerator.ascii("李")).startsWith("user");
    }
}
