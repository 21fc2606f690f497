package io.baton.core.leakage;

import static io.baton.core.leakage.Leads.berlin;
import static io.baton.core.leakage.Leads.mql;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.leakage.FlagLedger.Decision;
import io.baton.core.leakage.FlagLedger.OpenFlag;
import io.baton.core.record.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagLedgerTest {

    private static final LeakRule RULE = LeakRule.of("mql-not-accepted", LeakKind.MQL_NOT_ACCEPTED, "mql",
            Duration.ofHours(4), Leads.OFFICE);
    private static final Instant ENTERED = berlin("2026-03-06T16:00");
    private static final LeadSnapshot LEAD = mql(ENTERED).build();
    private static final RecordRef RECORD = LEAD.record();
    private static final FlagKey KEY = new FlagKey(RECORD, LeakKind.MQL_NOT_ACCEPTED);

    private static LeakFinding at(String berlinTime) {
        return LeakDetector.finding(RULE, LEAD, berlin(berlinTime)).orElseThrow();
    }

    @Test
    void aNewFindingOpensAFlag() {
        Decision d = FlagLedger.decide(List.of(), List.of(at("2026-03-09T12:00")), Set.of(RECORD));

        assertThat(d.open()).singleElement().extracting(LeakFinding::key).isEqualTo(KEY);
        assertThat(d.raise()).isEmpty();
        assertThat(d.close()).isEmpty();
    }

    @Test
    void aPersistingLeakKeepsItsFlagAndIsNotReopened() {
        OpenFlag open = new OpenFlag(7, KEY, 1);

        Decision d = FlagLedger.decide(List.of(open), List.of(at("2026-03-09T13:00")), Set.of(RECORD));

        assertThat(d.open()).isEmpty();
        assertThat(d.keep()).containsExactly(open);
        assertThat(d.close()).isEmpty();
    }

    @Test
    void passingTwiceTheSlaRaisesTheFlag() {
        OpenFlag open = new OpenFlag(7, KEY, 1);

        Decision d = FlagLedger.decide(List.of(open), List.of(at("2026-03-09T16:30")), Set.of(RECORD));

        assertThat(d.raise()).singleElement().satisfies(r -> {
            assertThat(r.flag()).isEqualTo(open);
            assertThat(r.finding().level()).isEqualTo(2);
        });
        assertThat(d.open()).isEmpty();
    }

    @Test
    void aFixedLeakClosesItsFlag() {
        OpenFlag open = new OpenFlag(7, KEY, 2);

        Decision d = FlagLedger.decide(List.of(open), List.of(), Set.of(RECORD));

        assertThat(d.close()).containsExactly(open);
    }

    @Test
    void flagsOfRecordsNotScannedAreLeftAlone() {
        OpenFlag elsewhere = new OpenFlag(8, new FlagKey(RecordRef.hubspotContact("999"), LeakKind.STALE), 1);

        Decision d = FlagLedger.decide(List.of(elsewhere), List.of(), Set.of(RECORD));

        assertThat(d.close()).isEmpty();
        assertThat(d.keep()).isEmpty();
    }

    @Test
    void twoRulesOfOneKindOpenOneFlagAtTheHigherLevel() {
        LeakRule stricter = LeakRule.of("mql-strict", LeakKind.MQL_NOT_ACCEPTED, "mql", Duration.ofHours(1), Leads.OFFICE);
        Instant now = berlin("2026-03-09T12:30");
        LeakFinding loose = LeakDetector.finding(RULE, LEAD, now).orElseThrow();
        LeakFinding strict = LeakDetector.finding(stricter, LEAD, now).orElseThrow();

        Decision d = FlagLedger.decide(List.of(), List.of(loose, strict), Set.of(RECORD));

        assertThat(d.open()).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo(stricter));
    }
}
