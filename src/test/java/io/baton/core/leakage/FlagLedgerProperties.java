package io.baton.core.leakage;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.leakage.FlagLedger.Decision;
import io.baton.core.leakage.FlagLedger.OpenFlag;
import io.baton.core.leakage.LeadSnapshot.OwnerState;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Scans over random histories: people move between stages, are touched, change owner and get
 * activity; after every scan there is at most one open flag per record and kind, and exactly the
 * records whose condition holds carry one.
 */
class FlagLedgerProperties {

    private static final List<String> STAGES = List.of("mql", "sal", "sql", "recycled", "disqualified");
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final LeakDetector DETECTOR = new LeakDetector(List.of(
            LeakRule.of("not-accepted", LeakKind.MQL_NOT_ACCEPTED, "mql", Duration.ofHours(4), Leads.OFFICE),
            LeakRule.of("not-accepted-fast", LeakKind.MQL_NOT_ACCEPTED, "mql", Duration.ofHours(1), Leads.OFFICE),
            LeakRule.of("unowned", LeakKind.UNOWNED, "mql", Duration.ofHours(2), BusinessCalendar.wallClock()),
            LeakRule.of("stale-sql", LeakKind.STALE, "sql", Duration.ofDays(2), BusinessCalendar.wallClock()),
            LeakRule.of("dq", LeakKind.DISQUALIFIED_WITHOUT_REASON, "disqualified", Duration.ofHours(1),
                    BusinessCalendar.wallClock()),
            new LeakRule("recycled", LeakKind.RECYCLED_WITHOUT_NURTURE, "recycled", Duration.ofHours(3),
                    BusinessCalendar.wallClock(), Optional.of(new PropertyCondition("nurture",
                    PropertyCondition.Operator.IS_SET, List.of())))));

    /** One step of history for person {@code who}, then a scan {@code hours} later. */
    record Step(int who, int what, int hours) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 30)).as(Step::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void atMostOneOpenFlagPerRecordAndKindAndNoneOnceTheConditionCleared(@ForAll("histories") List<Step> history) {
        Map<Integer, LeadSnapshot> people = new HashMap<>();
        Map<FlagKey, OpenFlag> open = new HashMap<>();
        List<OpenFlag> everOpened = new ArrayList<>();
        Instant now = START;
        long ids = 0;
        for (Step step : history) {
            now = now.plus(Duration.ofHours(step.hours()));
            people.put(step.who(), apply(people.get(step.who()), step, now));

            List<LeakFinding> findings = new ArrayList<>();
            Set<RecordRef> scanned = new HashSet<>();
            for (LeadSnapshot lead : people.values()) {
                scanned.add(lead.record());
                findings.addAll(DETECTOR.findings(lead, now));
            }
            Decision d = FlagLedger.decide(open.values(), findings, scanned);
            for (OpenFlag closed : d.close()) {
                open.remove(closed.key());
            }
            for (FlagLedger.Raise raise : d.raise()) {
                open.put(raise.flag().key(), new OpenFlag(raise.flag().id(), raise.flag().key(), raise.finding().level()));
            }
            for (LeakFinding f : d.open()) {
                assertThat(open).as("an open flag is not re-opened").doesNotContainKey(f.key());
                OpenFlag flag = new OpenFlag(++ids, f.key(), f.level());
                open.put(f.key(), flag);
                everOpened.add(flag);
            }

            Set<FlagKey> holding = new HashSet<>();
            findings.forEach(f -> holding.add(f.key()));
            assertThat(open.keySet()).as("exactly the records whose condition holds are flagged").isEqualTo(holding);
            for (LeakFinding f : findings) {
                assertThat(open.get(f.key()).level()).isGreaterThanOrEqualTo(f.level());
            }
        }
        assertThat(everOpened.stream().map(OpenFlag::id).distinct()).hasSize(everOpened.size());
    }

    private static LeadSnapshot apply(LeadSnapshot lead, Step step, Instant now) {
        if (lead == null) {
            return new LeadSnapshot(Optional.of((long) step.who()), Optional.of("hs" + step.who()),
                    Optional.of(RecordRef.salesforce("Lead", "00Q" + step.who())), "mql", now, Optional.empty(),
                    Optional.of("005A"), Optional.empty(), OwnerState.ACTIVE_USER, Map.of(), Optional.empty(),
                    Optional.empty(), Map.of());
        }
        return switch (step.what()) {
            case 0 -> lead.inStage(STAGES.get(step.hours() % STAGES.size()), now);
            case 1 -> copy(lead, lead.ownerId(), OwnerState.QUEUE, lead.lastActivity(), Optional.of(now), Map.of());
            case 2 -> copy(lead, lead.ownerId(), OwnerState.ACTIVE_USER, lead.lastActivity(), Optional.of(now), Map.of());
            case 3 -> copy(lead, lead.ownerId(), lead.owner(), Map.of(Side.SALESFORCE, now), lead.touchedAt(),
                    lead.hubspotProperties());
            case 4 -> copy(lead, lead.ownerId(), lead.owner(), lead.lastActivity(), lead.touchedAt(),
                    Map.of("nurture", "yes"));
            case 5 -> copy(lead, lead.ownerId(), lead.owner(), lead.lastActivity(), lead.touchedAt(), Map.of());
            default -> lead;   // nothing happens: time passes
        };
    }

    private static LeadSnapshot copy(LeadSnapshot l, Optional<String> ownerId, OwnerState owner,
                                     Map<Side, Instant> activity, Optional<Instant> touched, Map<String, String> props) {
        return new LeadSnapshot(l.linkId(), l.hubspotId(), l.salesforce(), l.stage(), l.stageEnteredAt(),
                l.stageReason(), ownerId, l.ownerEmail(), owner, activity, touched, l.notInSalesforce(), props);
    }
}
