package io.baton.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.SalesforceType;
import io.baton.core.record.Side;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random edits by people on both sides over several passes, each decided and its writes applied as
 * the CRMs would take them (HubSpot ignores a backward lifecyclestage unless cleared first): the
 * shared stage only moves forward or through an allowed move, and deciding again sends nothing.
 */
class LifecycleProperties {

    static final List<String> HUBSPOT_STAGES = List.of("", "subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "other", "evangelist");
    static final List<String> HUBSPOT_STATUSES = List.of("", "NEW", "IN_PROGRESS", "CONNECTED", "UNQUALIFIED", "BAD_TIMING");
    static final List<String> SALESFORCE_STAGES = List.of("", "Lead", "MQL", "SAL", "SQL", "Opportunity", "Customer",
            "Disqualified", "Recycled");
    static final List<String> SALESFORCE_STATUSES = List.of("Open - Not Contacted", "Working - Contacted",
            "Closed - Not Converted");

    /** One person's edit: which side, what kind (0 stage, 1 status, 2 reason, 3 convert / opportunity), which value. */
    record Edit(Side side, int kind, int value) {
    }

    record Scenario(BackwardMoves backward, Side tieBreaker, List<List<Edit>> rounds) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Side.values()), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 8)).as(Edit::new);
        return Combinators.combine(Arbitraries.of(BackwardMoves.values()), Arbitraries.of(Side.values()),
                edit.list().ofMaxSize(3).list().ofMinSize(1).ofMaxSize(8)).as(Scenario::new);
    }

    @Property(tries = 500)
    void theSharedStageMovesOnlyAsAllowedAndDecidingAgainSendsNothing(@ForAll("scenarios") Scenario scenario) {
        LifecycleSpec spec = Lifecycles.shipped().withBackwardMoves(scenario.backward()).withTieBreaker(scenario.tieBreaker());
        LifecyclePolicy policy = new LifecyclePolicy(spec);
        Model model = new Model();
        for (int round = 0; round < scenario.rounds().size(); round++) {
            for (Edit edit : scenario.rounds().get(round)) {
                model.edit(edit, round);
            }
            LifecycleDecision d = policy.decide(model.input());
            if (model.shared.isPresent() && !d.stage().equals(model.shared)) {
                Stage from = policy.stage(model.shared.get()).orElseThrow();
                Stage to = policy.stage(d.stage().orElseThrow()).orElseThrow();
                boolean listed = spec.allowed().stream().anyMatch(m -> m.covers(from.name(), to.name())
                        && (!m.reasonRequired() || d.reason().isPresent()));
                assertThat(to.isForwardOf(from) || listed).as("%s → %s in round %s", from.name(), to.name(), round).isTrue();
            }
            model.apply(d);
            LifecycleDecision again = policy.decide(model.input());
            assertThat(again.hasNoWrites()).as("echo after round %s: %s", round, again).isTrue();
            assertThat(again.move()).isEmpty();
            assertThat(again.refusals()).isEmpty();
            assertThat(again.stage()).isEqualTo(d.stage());
        }
    }

    /** Both records, as the CRMs hold them, and what Baton stored after the last pass. */
    static final class Model {
        HubSpotFacts hubspot = HubSpotFacts.of("marketingqualifiedlead", null);
        SalesforceFacts salesforce = SalesforceFacts.lead(null, "Open - Not Contacted");
        Instant hubspotAt = Lifecycles.T0;
        Instant salesforceAt = Lifecycles.T0;
        Optional<String> shared = Optional.empty();
        Optional<String> reason = Optional.empty();
        Optional<String> previousHubSpot = Optional.empty();
        Optional<String> previousSalesforce = Optional.empty();

        void edit(Edit e, int round) {
            Instant at = Lifecycles.T0.plusSeconds(60L * (round + 1) + e.value() % 2);
            if (e.side() == Side.HUBSPOT) {
                hubspot = switch (e.kind()) {
                    case 0 -> new HubSpotFacts(Optional.of(pick(HUBSPOT_STAGES, e)), hubspot.leadStatus(), hubspot.reason());
                    case 1 -> new HubSpotFacts(hubspot.lifecycleStage(), Optional.of(pick(HUBSPOT_STATUSES, e)), hubspot.reason());
                    default -> hubspot.withReason("reason " + e.value());
                };
                hubspotAt = at;
            } else {
                salesforce = switch (e.kind()) {
                    case 0 -> new SalesforceFacts(salesforce.type(), Optional.of(pick(SALESFORCE_STAGES, e)),
                            salesforce.leadStatus(), salesforce.converted(), salesforce.opportunity(), salesforce.reason());
                    case 1 -> salesforce.converted() ? salesforce : new SalesforceFacts(salesforce.type(),
                            salesforce.stageField(), Optional.of(pick(SALESFORCE_STATUSES, e)), false,
                            salesforce.opportunity(), salesforce.reason());
                    case 2 -> salesforce.withReason("reason " + e.value());
                    // Conversion makes a Contact; from then on its opportunity may open, be won or lost.
                    default -> new SalesforceFacts(SalesforceType.CONTACT, salesforce.stageField(), Optional.empty(), true,
                            salesforce.converted() ? Optional.of(OpportunityState.values()[e.value() % 3]) : Optional.empty(),
                            salesforce.reason());
                };
                salesforceAt = at;
            }
        }

        private static String pick(List<String> values, Edit e) {
            return values.get(e.value() % values.size());
        }

        LifecycleInput input() {
            return new LifecycleInput(shared, reason, previousHubSpot, previousSalesforce, Optional.of(hubspot),
                    Optional.of(salesforce), hubspotAt, salesforceAt);
        }

        void apply(LifecycleDecision d) {
            Map<String, String> h = d.hubspotWrites();
            Optional<String> stage = hubspot.lifecycleStage();
            if (h.containsKey("lifecyclestage")) {
                String target = h.get("lifecyclestage");
                int from = HUBSPOT_ORDER.indexOf(stage.orElse(""));
                // HubSpot keeps the old value on a backward set unless it was cleared first (A.5).
                if (d.hubspotClearFirst() || stage.isEmpty() || HUBSPOT_ORDER.indexOf(target) >= from) {
                    stage = Optional.of(target);
                }
            }
            hubspot = new HubSpotFacts(stage, h.containsKey("hs_lead_status") ? Optional.of(h.get("hs_lead_status"))
                    : hubspot.leadStatus(), Optional.ofNullable(h.get("baton_lifecycle_reason")).or(hubspot::reason));
            Map<String, String> s = d.salesforceWrites();
            salesforce = new SalesforceFacts(salesforce.type(),
                    Optional.ofNullable(s.get("Lifecycle_Stage__c")).or(salesforce::stageField),
                    Optional.ofNullable(s.get("Status")).or(salesforce::leadStatus), salesforce.converted(),
                    salesforce.opportunity(), Optional.ofNullable(s.get("Lifecycle_Reason__c")).or(salesforce::reason));
            shared = d.stage();
            reason = d.reason();
            previousHubSpot = d.hubspotReading();
            previousSalesforce = d.salesforceReading();
        }
    }

    static final List<String> HUBSPOT_ORDER = List.of("", "subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "other");
}
