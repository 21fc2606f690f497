package io.baton.core.lifecycle;

import io.baton.core.record.Side;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Everything a {@link LifecyclePolicy} follows, free of any configuration class: the forward stages
 * in order, the exits, the moves allowed besides going forward, what happens to a refused move,
 * who wins a tie, and the CRM field names. The stages' {@code order} and {@code exit} are set here
 * from their place in the lists. Names must be unique (config/lifecycle.yml is checked before this
 * is built, so a duplicate here is a programming error).
 */
public record LifecycleSpec(List<Stage> forward, List<Stage> exits, boolean allowSkip, List<AllowedMove> allowed,
                            BackwardMoves backwardMoves, Side tieBreaker, LifecycleFields fields) {

    public LifecycleSpec {
        List<Stage> f = forward;
        List<Stage> e = exits;
        forward = IntStream.range(0, f.size()).mapToObj(i -> f.get(i).placed(false, i)).toList();
        exits = IntStream.range(0, e.size()).mapToObj(i -> e.get(i).placed(true, i)).toList();
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(backwardMoves, "backwardMoves");
        Objects.requireNonNull(tieBreaker, "tieBreaker");
        Objects.requireNonNull(fields, "fields");
        Set<String> names = new HashSet<>();
        for (Stage s : Stream.concat(forward.stream(), exits.stream()).toList()) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("stage '" + s.name() + "' is defined twice");
            }
        }
        for (AllowedMove move : allowed) {
            for (String name : Stream.concat(move.from().stream(), Stream.of(move.to())).toList()) {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("allowed move names unknown stage '" + name + "'");
                }
            }
        }
    }

    /** A spec with these stages, skips allowed, no other moves, refused moves corrected, Salesforce winning ties. */
    public static LifecycleSpec of(List<Stage> forward, List<Stage> exits) {
        return new LifecycleSpec(forward, exits, true, List.of(), BackwardMoves.CORRECT, Side.SALESFORCE,
                LifecycleFields.defaults());
    }

    public LifecycleSpec withAllowSkip(boolean value) {
        return new LifecycleSpec(forward, exits, value, allowed, backwardMoves, tieBreaker, fields);
    }

    public LifecycleSpec withAllowed(AllowedMove... moves) {
        return new LifecycleSpec(forward, exits, allowSkip, List.of(moves), backwardMoves, tieBreaker, fields);
    }

    public LifecycleSpec withBackwardMoves(BackwardMoves value) {
        return new LifecycleSpec(forward, exits, allowSkip, allowed, value, tieBreaker, fields);
    }

    public LifecycleSpec withTieBreaker(Side value) {
        return new LifecycleSpec(forward, exits, allowSkip, allowed, backwardMoves, value, fields);
    }

    public LifecycleSpec withFields(LifecycleFields value) {
        return new LifecycleSpec(forward, exits, allowSkip, allowed, backwardMoves, tieBreaker, value);
    }

    /** Every stage, forward stages first, in order, then the exits. */
    public List<Stage> stages() {
        return Stream.concat(forward.stream(), exits.stream()).toList();
    }
}
