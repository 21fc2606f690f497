package io.baton.core.lifecycle;

import io.baton.core.record.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared lead lifecycle: reads the stage each CRM shows, checks moves against the allowed ones,
 * and decides, per person and pass, the shared stage and the writes that make both CRMs show it.
 *
 * <p>A side <em>moved</em> only when what it shows now differs both from what it showed at the last
 * sync and from what the shared stage looks like there (written onto a blank record) — so Baton's
 * own writes never come back as moves, and a side that cannot show a stage exactly (HubSpot has no
 * sal) is not taken to disagree.
 * Moves forward are allowed (skips only with {@code allowSkip}); anything else must be listed; a
 * refused move is written back ({@link BackwardMoves#CORRECT}) or left and flagged
 * ({@link BackwardMoves#FLAG}). When both sides made a legal move the newer change wins, a tie goes
 * to the spec's tie-breaker, and the other side is rewritten.
 */
public final class LifecyclePolicy {

    private final LifecycleSpec spec;
    private final StageReading reading;
    private final StageProjection projection;

    public LifecyclePolicy(LifecycleSpec spec) {
        this.spec = spec;
        this.reading = new StageReading(spec);
        this.projection = new StageProjection(reading, spec.fields());
    }

    public LifecycleSpec spec() {
        return spec;
    }

    /** The stage named {@code name}, forward or exit. */
    public Optional<Stage> stage(String name) {
        return reading.stage(name);
    }

    /** The stage a HubSpot contact shows; see the reading rules on {@link StageReading#read(HubSpotFacts)}. */
    public Optional<Stage> read(HubSpotFacts facts) {
        return reading.read(facts);
    }

    /**
     * The stage a Salesforce Lead or Contact shows: opportunity, then conversion, then Lead Status,
     * each weighed against the stage field, which wins when it is further forward or an exit. A new
     * Lead's default Status is listed for no stage, so it never pulls a record forward.
     */
    public Optional<Stage> read(SalesforceFacts facts) {
        return reading.read(facts);
    }

    /**
     * Whether a record may move from {@code from} to {@code to}. From nothing (first placement)
     * anything goes; a move listed in {@code allowed} goes, unless it requires a reason and has none;
     * a forward move goes if it skips nothing or skips are allowed; everything else is refused. A
     * listed move into an exit without a reason is allowed: the leak rules flag it afterwards.
     */
    public MoveCheck check(Optional<Stage> from, Stage to, Optional<String> reason) {
        if (from.isEmpty()) {
            return MoveCheck.allowed("first placement at " + to.name());
        }
        Stage f = from.get();
        if (f.name().equals(to.name())) {
            return MoveCheck.unchanged("already at " + to.name());
        }
        Optional<AllowedMove> listed = spec.allowed().stream().filter(m -> m.covers(f.name(), to.name())).findFirst();
        if (listed.isPresent()) {
            if (listed.get().reasonRequired() && reason.isEmpty()) {
                return MoveCheck.refused("moving from " + f.name() + " to " + to.name() + " needs a reason");
            }
            return MoveCheck.allowed(f.name() + " → " + to.name() + " is an allowed move");
        }
        if (to.isForwardOf(f)) {
            if (to.order() == f.order() + 1 || spec.allowSkip()) {
                return MoveCheck.allowed(f.name() + " → " + to.name() + " moves forward");
            }
            List<String> skipped = spec.forward().subList(f.order() + 1, to.order()).stream().map(Stage::name).toList();
            return MoveCheck.refused(f.name() + " → " + to.name() + " skips " + String.join(", ", skipped)
                    + " and skipping is not allowed");
        }
        if (to.exit() || f.exit()) {
            return MoveCheck.refused(f.name() + " → " + to.name() + " is not an allowed move");
        }
        return MoveCheck.refused(f.name() + " → " + to.name() + " moves backward");
    }

    /** The shared stage after this pass and what to write; see {@link LifecycleDecision}. */
    public LifecycleDecision decide(LifecycleInput input) {
        Optional<Stage> shared = input.sharedStage().flatMap(this::stage);
        SideView hubspot = new SideView(Side.HUBSPOT, input.hubspot().flatMap(reading::read), input.previousHubSpot(),
                input.hubspotChangedAt(), fresh(input.hubspot().flatMap(HubSpotFacts::reason), input.sharedReason()),
                shared.flatMap(s -> input.hubspot().flatMap(f -> shownOnHubSpot(s))));
        SideView salesforce = new SideView(Side.SALESFORCE, input.salesforce().flatMap(reading::read),
                input.previousSalesforce(), input.salesforceChangedAt(),
                fresh(input.salesforce().flatMap(SalesforceFacts::reason), input.sharedReason()),
                shared.flatMap(s -> input.salesforce().flatMap(f -> shownOnSalesforce(s, f))));
        if (shared.isEmpty()) {
            return place(input, hubspot, salesforce);
        }
        return follow(input, shared.get(), hubspot, salesforce);
    }

    /** First placement: the forward-most reading, unless an exit is the newer change. */
    private LifecycleDecision place(LifecycleInput input, SideView hubspot, SideView salesforce) {
        Optional<SideView> pick;
        if (hubspot.reading.isEmpty() || salesforce.reading.isEmpty()) {
            pick = hubspot.reading.isPresent() ? Optional.of(hubspot)
                    : salesforce.reading.isPresent() ? Optional.of(salesforce) : Optional.empty();
        } else {
            Stage h = hubspot.reading.get();
            Stage s = salesforce.reading.get();
            // With an exit on either side the newer change wins; two forward readings: the forward-most.
            boolean byTime = h.exit() || s.exit() || h.order() == s.order();
            pick = Optional.of(byTime ? newer(hubspot, salesforce) : h.order() > s.order() ? hubspot : salesforce);
        }
        Optional<Transition> move = pick.map(p -> new Transition(Optional.empty(), p.reading.get().name(), p.side, p.reason));
        return finish(input, pick.flatMap(p -> p.reading), pick.flatMap(p -> p.reason), move, List.of(), List.of());
    }

    private LifecycleDecision follow(LifecycleInput input, Stage shared, SideView hubspot, SideView salesforce) {
        List<SideView> legal = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        List<Side> left = new ArrayList<>();
        for (SideView view : List.of(hubspot, salesforce)) {
            if (view.movedFrom(shared)) {
                MoveCheck check = check(Optional.of(shared), view.reading.get(), view.reason);
                if (check.isAllowed()) {
                    legal.add(view);
                } else {
                    refusals.add(new Refusal(view.side, Optional.of(shared.name()), view.reading.get().name(), check.why()));
                    if (spec.backwardMoves() == BackwardMoves.FLAG) {
                        left.add(view.side);
                    }
                }
            } else if (spec.backwardMoves() == BackwardMoves.FLAG && view.leftOff()) {
                left.add(view.side);  // flagged on an earlier pass: still a person's to settle
            }
        }
        Optional<SideView> winner = legal.size() == 2 ? Optional.of(newer(legal.get(0), legal.get(1)))
                : legal.stream().findFirst();
        Optional<Transition> move = winner.map(w -> new Transition(Optional.of(shared.name()), w.reading.get().name(),
                w.side, w.reason));
        Optional<Stage> after = winner.map(w -> w.reading.get()).or(() -> Optional.of(shared));
        Optional<String> reason = winner.isPresent() ? winner.get().reason : input.sharedReason();
        // A side left off the shared stage is back on it once the other side moves to what it shows:
        // nothing is left to settle, and it takes the stage's projection like any other.
        left.removeIf(side -> (side == Side.HUBSPOT ? hubspot : salesforce).reading.equals(after));
        return finish(input, after, reason, move, refusals, left);
    }

    private LifecycleDecision finish(LifecycleInput input, Optional<Stage> stage, Optional<String> reason,
                                     Optional<Transition> move, List<Refusal> refusals, List<Side> left) {
        // A move's reason is written to both sides; without a move the reason fields are the people's.
        Optional<String> written = move.flatMap(Transition::reason);
        StageProjection.HubSpotWrites hubspot = stage.filter(s -> !left.contains(Side.HUBSPOT))
                .flatMap(s -> input.hubspot().map(f -> projection.hubspot(s, f, written)))
                .orElse(new StageProjection.HubSpotWrites(Map.of(), false));
        Map<String, String> salesforce = stage.filter(s -> !left.contains(Side.SALESFORCE))
                .flatMap(s -> input.salesforce().map(f -> projection.salesforce(s, f, written)))
                .orElse(Map.of());
        Optional<String> hubspotReading = input.hubspot()
                .flatMap(f -> reading.read(projection.applied(f, hubspot.values()))).map(Stage::name);
        Optional<String> salesforceReading = input.salesforce()
                .flatMap(f -> reading.read(projection.applied(f, salesforce))).map(Stage::name);
        return new LifecycleDecision(stage.map(Stage::name), stage.isPresent() ? reason : Optional.empty(), move,
                refusals, hubspot.values(), hubspot.clearFirst(), salesforce, hubspotReading, salesforceReading,
                !refusals.isEmpty() && !left.isEmpty());
    }

    /**
     * What {@code stage} reads as when written onto a blank contact: HubSpot may not show it exactly
     * (sal shows as mql without a lead status), and that is not a disagreement.
     */
    private Optional<Stage> shownOnHubSpot(Stage stage) {
        HubSpotFacts blank = HubSpotFacts.of(null, null);
        return reading.read(projection.applied(blank, projection.hubspot(stage, blank, Optional.empty()).values()));
    }

    /**
     * What {@code stage} reads as when written onto a blank, unconverted record of the same type: a
     * person's status, conversion and opportunity are left out, because changing those is a move.
     */
    private Optional<Stage> shownOnSalesforce(Stage stage, SalesforceFacts facts) {
        SalesforceFacts blank = new SalesforceFacts(facts.type(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), Optional.empty());
        return reading.read(projection.applied(blank, projection.salesforce(stage, blank, Optional.empty())));
    }

    /** The newer change of two; equal times go to the tie-breaker. */
    private SideView newer(SideView a, SideView b) {
        int byTime = a.changedAt.compareTo(b.changedAt);
        if (byTime == 0) {
            return a.side == spec.tieBreaker() ? a : b;
        }
        return byTime > 0 ? a : b;
    }

    /** A side's reason counts for this move only when it is not the one the shared stage already carries. */
    private static Optional<String> fresh(Optional<String> sideReason, Optional<String> sharedReason) {
        return sideReason.filter(r -> !sharedReason.map(String::strip).equals(Optional.of(r)));
    }

    /** One side as this pass sees it: its reading, last reading, change time, reason, and the shared stage as shown there. */
    private record SideView(Side side, Optional<Stage> reading, Optional<String> previous, Instant changedAt,
                            Optional<String> reason, Optional<Stage> sharedShown) {

        boolean movedFrom(Stage shared) {
            return reading.isPresent() && !sameName(reading, previous) && !reading.get().name().equals(shared.name())
                    && !sameName(reading, sharedShown.map(Stage::name));
        }

        /** Still showing what it showed last time, which is not the shared stage: left off on purpose. */
        boolean leftOff() {
            return reading.isPresent() && sameName(reading, previous) && !sameName(reading, sharedShown.map(Stage::name));
        }

        private static boolean sameName(Optional<Stage> stage, Optional<String> name) {
            return stage.map(Stage::name).equals(name);
        }
    }
}
