package io.baton.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The lifecycle funnel counted from the audit of stage moves: fed every move of every person, one
 * person at a time and each person's moves oldest first, it tells per stage
 * <ul>
 *   <li><b>current</b> — the people whose latest move was into the stage;</li>
 *   <li><b>reached</b> — the people whose furthest progression stage is this one or a later one. A
 *   person who skipped a stage (subscriber straight to MQL) reached the skipped one too, and a person
 *   recycled back to lead keeps the furthest stage ever reached, so the column never grows down the
 *   funnel. For an exit (disqualified, recycled) it is the people who ever entered it;</li>
 *   <li><b>conversion to next</b> — of the people who reached stage N, the share that reached stage
 *   N+1: {@code reached(N+1) / reached(N)}, absent for the last stage, for exits and when nobody
 *   reached N;</li>
 *   <li><b>median time in stage</b> — the median length of the stays in the stage that have ended
 *   (from the move into it to the person's next move), absent when no stay has ended yet. Stays still
 *   going on are left out: their length is not known.</li>
 * </ul>
 * Moves into stages the configuration no longer has end the stay before them and count nowhere else.
 * Not thread-safe; one instance counts one funnel.
 */
public final class LifecycleFunnel {

    private final List<String> stages;
    private final List<String> exits;
    private final Map<String, Integer> rank = new HashMap<>();
    private final long[] reached;
    private final Map<String, Long> current = new HashMap<>();
    private final Map<String, Long> entered = new HashMap<>();
    private final Map<String, List<Long>> stayMillis = new HashMap<>();
    private long people;

    private Long person;
    private int furthest;
    private boolean onFunnel;
    private final Set<String> exitsOfPerson = new HashSet<>();
    private String stage;
    private Instant since;

    /** @param stages the progression stages in order; {@code exits} the stages that leave it */
    public LifecycleFunnel(List<String> stages, List<String> exits) {
        this.stages = List.copyOf(stages);
        this.exits = List.copyOf(exits);
        for (int i = 0; i < this.stages.size(); i++) {
            rank.put(this.stages.get(i), i);
        }
        this.reached = new long[this.stages.size()];
    }

    /** One move of {@code person} into {@code stage} at {@code at}; a person's moves come together, oldest first. */
    public void add(long person, String stage, Instant at) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
        if (this.person == null || this.person != person) {
            finishPerson();
            this.person = person;
        } else if (at.isBefore(since)) {
            throw new IllegalArgumentException("moves of person " + person + " out of order: " + at + " before " + since);
        } else {
            stayMillis.computeIfAbsent(this.stage, s -> new ArrayList<>()).add(Duration.between(since, at).toMillis());
        }
        Integer r = rank.get(stage);
        if (r != null) {
            furthest = Math.max(furthest, r);
            onFunnel = true;
        } else if (exits.contains(stage)) {
            exitsOfPerson.add(stage);
        }
        this.stage = stage;
        this.since = at;
    }

    /** The figures of every stage, progression stages in order, then the exits. */
    public Figures figures() {
        finishPerson();
        person = null;
        List<StageFigures> rows = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            OptionalDouble conversion = i + 1 < stages.size() && reached[i] > 0
                    ? OptionalDouble.of((double) reached[i + 1] / reached[i]) : OptionalDouble.empty();
            rows.add(row(stages.get(i), false, reached[i], conversion));
        }
        for (String exit : exits) {
            rows.add(row(exit, true, entered.getOrDefault(exit, 0L), OptionalDouble.empty()));
        }
        return new Figures(rows, people);
    }

    private StageFigures row(String name, boolean exit, long reachedOrEntered, OptionalDouble conversion) {
        List<Long> stays = stayMillis.getOrDefault(name, List.of());
        return new StageFigures(name, exit, current.getOrDefault(name, 0L), reachedOrEntered, conversion,
                median(stays).map(Duration::ofMillis), stays.size());
    }

    private void finishPerson() {
        if (person == null) {
            return;
        }
        people++;
        if (rank.containsKey(stage) || exits.contains(stage)) {
            current.merge(stage, 1L, Long::sum);
        }
        if (onFunnel) {
            for (int i = 0; i <= furthest; i++) {
                reached[i]++;
            }
        }
        exitsOfPerson.forEach(e -> entered.merge(e, 1L, Long::sum));
        exitsOfPerson.clear();
        furthest = 0;
        onFunnel = false;
    }

    static Optional<Long> median(List<Long> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2);
    }

    /**
     * One stage's figures (see the class comment).
     *
     * @param exit true for disqualified, recycled and the other exits; {@code reached} then counts who entered it
     * @param completedStays how many stays in the stage have ended: what the median is taken over
     */
    public record StageFigures(String stage, boolean exit, long current, long reached, OptionalDouble conversionToNext,
                               Optional<Duration> medianTimeInStage, long completedStays) {
    }

    /** The funnel: its stages' figures and how many people it counts. */
    public record Figures(List<StageFigures> stages, long people) {
        public Figures {
            stages = List.copyOf(stages);
        }
    }
}
