package network.higherself.console.insight;

import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long cards take, over a period:
 * <ul>
 * <li>per state, the time cards spent there: for each card, its stays in the state that ended in the period, added
 *     up (a card sent back to a state it had left spends its two stays there); a stay not over yet does not count
 *     until it is; final states are left out (a card never leaves them);</li>
 * <li>the lead time, from a card's creation to its first arrival in a final state, of the cards that arrived in the
 *     period;</li>
 * <li>the slowest cards: those finished in the period by their lead time, and those still open at its end (or now)
 *     by their age, each with the state it spent longest in.</li>
 * </ul>
 *
 * @param states   one per state that is not final, in the workflow's order
 * @param leadTime the lead time of the cards finished in the period, if any were
 * @param slowest  the slowest cards, slowest first
 */
public record CycleTimes(List<StateTime> states, Optional<Spread> leadTime, List<SlowCard> slowest) {

    public CycleTimes {
        states = List.copyOf(states);
        slowest = List.copyOf(slowest);
    }

    /** The time cards spent in a state; empty when no card left it in the period. */
    public record StateTime(String stateId, String label, Optional<Spread> spread) {
    }

    /**
     * A slow card.
     *
     * @param time         its lead time (finished) or its age (still open)
     * @param finished     whether it reached a final state
     * @param state        the final state it reached, or the state it is in
     * @param longestState where it spent longest (its current stay counted so far)
     * @param longestTime  how long it spent there in all
     */
    public record SlowCard(long cardId, Duration time, boolean finished, String state, String longestState,
                           Duration longestTime) {
    }

    /**
     * @param now     the present: a period that reaches it ends here
     * @param slowest how many of the slowest cards to list
     */
    public static CycleTimes of(Workflow w, List<StateChange> history, Period period, Instant now, int slowest) {
        Instant end = period.end().isAfter(now) ? now : period.end();
        Map<String, List<Duration>> perState = new LinkedHashMap<>();
        for (State s : w.states()) {
            if (!w.isFinal(s.id())) {
                perState.put(s.id(), new ArrayList<>());
            }
        }
        List<Duration> leadTimes = new ArrayList<>();
        List<SlowCard> candidates = new ArrayList<>();
        for (CardPath path : CardPath.of(history, end).values()) {
            Map<String, Duration> spent = new LinkedHashMap<>();
            Map<String, Duration> inPeriod = new LinkedHashMap<>();
            for (CardPath.Stay stay : path.stays()) {
                Duration length = stay.length(end);
                spent.merge(stay.state(), length, Duration::plus);
                if (!stay.open() && period.contains(stay.left())) {
                    inPeriod.merge(stay.state(), length, Duration::plus);
                }
            }
            inPeriod.forEach((state, time) -> {
                List<Duration> times = perState.get(state);
                if (times != null) {
                    times.add(time);
                }
            });
            Map.Entry<String, Duration> longest = spent.entrySet().stream().filter(e -> !w.isFinal(e.getKey()))
                    .max(Map.Entry.comparingByValue()).orElse(Map.entry(path.state(), Duration.ZERO));
            Optional<CardPath.Stay> finished = path.finished(w);
            if (path.created().isEmpty()) {
                continue; // its creation is not in the trail: how long it took is not known
            }
            Instant created = path.created().get();
            if (finished.isPresent()) {
                if (period.contains(finished.get().entered())) {
                    Duration lead = nonNegative(Duration.between(created, finished.get().entered()));
                    leadTimes.add(lead);
                    candidates.add(new SlowCard(path.cardId(), lead, true, finished.get().state(), longest.getKey(), longest.getValue()));
                }
            } else {
                candidates.add(new SlowCard(path.cardId(), nonNegative(Duration.between(created, end)), false, path.state(),
                        longest.getKey(), longest.getValue()));
            }
        }
        List<StateTime> states = new ArrayList<>();
        for (State s : w.states()) {
            if (!w.isFinal(s.id())) {
                states.add(new StateTime(s.id(), s.label(), Spread.of(perState.get(s.id()))));
            }
        }
        candidates.sort(Comparator.comparing(SlowCard::time).reversed().thenComparing(SlowCard::cardId));
        return new CycleTimes(states, Spread.of(leadTimes), candidates.subList(0, Math.min(slowest, candidates.size())));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The time spent in a state. */
    public StateTime state(String stateId) {
        return states.stream().filter(s -> s.stateId().equals(stateId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no state " + stateId + " that is not final"));
    }
}
