package network.higherself.console.insight;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static network.higherself.console.insight.FlowHistory.HISTORY;
import static network.higherself.console.insight.FlowHistory.WORKFLOW;
import static network.higherself.console.insight.FlowHistory.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The flow, cycle times and throughput of a hand-written history, worked out by hand (see FlowHistory). */
class FlowNumbersTest {

    /** Monday 2 to Sunday 8 March 2026. */
    private static final Period WEEK = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), ZoneOffset.UTC);

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    @Test
    void theCumulativeFlowCountsWhereEachCardEndedEachDay() {
        CumulativeFlow flow = CumulativeFlow.of(WORKFLOW, HISTORY, WEEK);

        assertThat(flow.days()).hasSize(7).startsWith(LocalDate.of(2026, 3, 2)).endsWith(LocalDate.of(2026, 3, 8));
        assertThat(flow.bands()).extracting(CumulativeFlow.Band::stateId)
                .containsExactly("todo", "doing", "review", "done", "dropped");
        assertThat(flow.bands()).extracting(CumulativeFlow.Band::label)
                .containsExactly("Todo", "Doing", "Review", "Done", "Dropped");
        //                                                  2  3  4  5  6  7  8 March
        assertThat(flow.band("todo").cards()).containsExactly(2L, 1L, 0L, 2L, 3L, 2L, 2L);
        assertThat(flow.band("doing").cards()).containsExactly(2L, 0L, 1L, 1L, 0L, 0L, 0L);
        assertThat(flow.band("review").cards()).containsExactly(0L, 3L, 2L, 1L, 1L, 1L, 1L);
        assertThat(flow.band("done").cards()).containsExactly(0L, 0L, 1L, 2L, 3L, 3L, 3L);
        assertThat(flow.band("dropped").cards()).containsExactly(1L, 2L, 2L, 1L, 1L, 2L, 2L);
        assertThat(List.of(flow.total(0), flow.total(1), flow.total(6))).containsExactly(5L, 6L, 8L);
        assertThat(flow.bands()).extracting(CumulativeFlow.Band::last).containsExactly(false, false, false, true, true);
    }

    @Test
    void aDayEndsAtMidnightWhereThePeriodIs() {
        List<StateChange> late = List.of(StateChange.created(1, at("03-01 12:00"), "todo"),
                StateChange.moved(1, at("03-02 23:30"), "todo", "doing"));
        Period utc = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), ZoneOffset.UTC);
        Period berlin = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), ZoneId.of("Europe/Berlin"));

        // 23:30 in London is 00:30 the next day in Berlin
        assertThat(CumulativeFlow.of(WORKFLOW, late, utc).band("doing").cards()).containsExactly(1L, 1L);
        assertThat(CumulativeFlow.of(WORKFLOW, late, berlin).band("doing").cards()).containsExactly(0L, 1L);
        assertThat(CumulativeFlow.of(WORKFLOW, late, berlin).band("todo").cards()).containsExactly(1L, 0L);
    }

    @Test
    void timeInEachStateCountsTheStaysThatEndedInThePeriodAddedUpPerCard() {
        CycleTimes times = CycleTimes.of(WORKFLOW, HISTORY, WEEK, at("03-20 12:00"), 10);

        assertThat(times.states()).extracting(CycleTimes.StateTime::stateId).containsExactly("todo", "doing", "review");
        // todo: card 2 48 h, card 3 4 h, card 5 48 h + 48 h (it was there twice)
        assertThat(times.state("todo").spread()).contains(new Spread(3, hours(48), hours(96), hours(96)));
        // doing: card 1 146 h, card 2 6 h, card 3 20 h + 48 h (sent back)
        assertThat(times.state("doing").spread()).contains(new Spread(3, hours(68), hours(146), hours(146)));
        // review: card 1 52 h, card 2 43 h, card 3 24 h (its second stay is not over), card 9 24 h
        assertThat(times.state("review").spread()).contains(new Spread(4, hours(24), hours(52), hours(52)));
    }

    @Test
    void leadTimeRunsFromCreationToTheFirstArrivalInAFinalState() {
        CycleTimes times = CycleTimes.of(WORKFLOW, HISTORY, WEEK, at("03-20 12:00"), 10);

        // card 1: 20 Feb 09:00 to 5 Mar 16:00; card 2: 2 Mar 09:00 to 6 Mar 10:00; card 5: 1 Mar 12:00 to 3 Mar 12:00
        // (not to its second arrival); card 9's creation is not in the trail; card 6 finished before the period
        assertThat(times.leadTime()).contains(new Spread(3, hours(97), hours(319), hours(319)));
    }

    @Test
    void theSlowestCardsAreTheFinishedByLeadTimeAndTheOpenByAge() {
        CycleTimes times = CycleTimes.of(WORKFLOW, HISTORY, WEEK, at("03-20 12:00"), 10);

        assertThat(times.slowest()).containsExactly(
                new CycleTimes.SlowCard(1, hours(319), true, "done", "doing", hours(146)),
                // open at the period's end, 9 March 00:00; longest in review: 24 h, then 62 h so far
                new CycleTimes.SlowCard(3, hours(158), false, "review", "review", hours(86)),
                new CycleTimes.SlowCard(2, hours(97), true, "done", "todo", hours(48)),
                new CycleTimes.SlowCard(4, hours(88), false, "todo", "todo", hours(88)),
                new CycleTimes.SlowCard(8, hours(63), false, "todo", "todo", hours(63)),
                new CycleTimes.SlowCard(5, hours(48), true, "dropped", "todo", hours(96)));
        assertThat(CycleTimes.of(WORKFLOW, HISTORY, WEEK, at("03-20 12:00"), 2).slowest())
                .extracting(CycleTimes.SlowCard::cardId).containsExactly(1L, 3L);
    }

    @Test
    void aPeriodThatReachesThePresentEndsNow() {
        CycleTimes times = CycleTimes.of(WORKFLOW, HISTORY, WEEK, at("03-06 12:00"), 10);

        assertThat(times.slowest()).extracting(CycleTimes.SlowCard::cardId, CycleTimes.SlowCard::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, hours(319)),
                org.assertj.core.groups.Tuple.tuple(3L, hours(98)),   // 2 Mar 10:00 to 6 Mar 12:00
                org.assertj.core.groups.Tuple.tuple(2L, hours(97)),
                org.assertj.core.groups.Tuple.tuple(5L, hours(48)),
                org.assertj.core.groups.Tuple.tuple(4L, hours(28)),   // 5 Mar 08:00 to 6 Mar 12:00
                org.assertj.core.groups.Tuple.tuple(8L, hours(3)));
        // card 5 had not yet left todo again on 6 March: only its first stay there is over
        assertThat(times.state("todo").spread()).contains(new Spread(3, hours(48), hours(48), hours(48)));
    }

    @Test
    void throughputCountsEachCardOnceInTheWeekItFirstReachedAFinalState() {
        Throughput week = Throughput.of(WORKFLOW, HISTORY, WEEK);

        assertThat(week.finalStates()).containsExactly("done", "dropped");
        assertThat(week.weeks()).containsExactly(new Throughput.Week(LocalDate.of(2026, 3, 2),
                Map.of("done", 3L, "dropped", 1L))); // done: 1, 2, 9; dropped: 5 (once, though it got there twice)
        assertThat(week.total()).isEqualTo(4);

        // Wednesday 4 to Thursday 12 March: card 5's first arrival (3 March) is outside, so its second does not count
        Throughput cut = Throughput.of(WORKFLOW, HISTORY, new Period(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 12), ZoneOffset.UTC));
        assertThat(cut.weeks()).containsExactly(
                new Throughput.Week(LocalDate.of(2026, 3, 2), Map.of("done", 3L, "dropped", 0L)),
                new Throughput.Week(LocalDate.of(2026, 3, 9), Map.of("done", 0L, "dropped", 1L)));
    }

    @Test
    void aPeriodWithoutMovesHasNoSpreadsButEveryDayAndWeek() {
        Period empty = new Period(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 19), ZoneOffset.UTC);

        CycleTimes times = CycleTimes.of(WORKFLOW, HISTORY, empty, at("03-20 12:00"), 10);
        assertThat(times.states()).allMatch(s -> s.spread().isEmpty());
        assertThat(times.leadTime()).isEmpty();
        assertThat(times.slowest()).isEmpty();
        assertThat(CumulativeFlow.of(WORKFLOW, HISTORY, empty).days()).hasSize(14);
        assertThat(CumulativeFlow.of(WORKFLOW, HISTORY, empty).bands()).allMatch(b -> b.cards().stream().allMatch(c -> c == 0));
        assertThat(Throughput.of(WORKFLOW, HISTORY, empty).weeks()).hasSize(2).allMatch(w -> w.total() == 0);
    }

    @Test
    void aStateTheDefinitionNoLongerHasIsLeftOut() {
        List<StateChange> old = List.of(StateChange.created(1, at("03-01 12:00"), "todo"),
                StateChange.moved(1, at("03-02 12:00"), "todo", "parked"),
                StateChange.moved(1, at("03-04 12:00"), "parked", "doing"));

        CumulativeFlow flow = CumulativeFlow.of(WORKFLOW, old, WEEK);
        assertThat(flow.bands()).extracting(CumulativeFlow.Band::stateId).doesNotContain("parked");
        assertThat(flow.total(0)).isZero();
        assertThat(flow.total(2)).isEqualTo(1);
        assertThat(CycleTimes.of(WORKFLOW, old, WEEK, at("03-20 12:00"), 10).state("todo").spread())
                .contains(new Spread(1, hours(24), hours(24), hours(24)));
    }

    @Test
    void percentilesAreByNearestRank() {
        List<Duration> ten = java.util.stream.LongStream.rangeClosed(1, 10).mapToObj(Duration::ofHours).toList();
        assertThat(Spread.of(ten)).contains(new Spread(10, hours(5), hours(9), hours(10)));
        assertThat(Spread.of(List.of(hours(7)))).contains(new Spread(1, hours(7), hours(7), hours(7)));
        assertThat(Spread.of(List.of(hours(2), hours(1)))).contains(new Spread(2, hours(1), hours(2), hours(2)));
        assertThat(Spread.of(List.of())).isEmpty();
    }

    @Test
    void aPeriodMustEndAfterItBegins() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 2), ZoneOffset.UTC))
                .hasMessage("The period ends (2026-03-02) before it begins (2026-03-08).");
        assertThat(Period.lastDays(LocalDate.of(2026, 3, 8), 7, ZoneOffset.UTC)).isEqualTo(WEEK);
    }
}
