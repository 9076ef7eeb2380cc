package network.higherself.console.insight;

import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cumulative flow: for each day of a period, how many cards were in each state at the end of that day (or now,
 * for today), a band per state in the workflow's order. A card created before the period is counted from its first
 * day; a card moved twice in a day counts only where it ended the day; a card sent back counts in the earlier state
 * again; a finished card stays in its final state's band. A state the trail names but the definition no longer has
 * is left out.
 *
 * @param days  the period's days
 * @param bands one per state of the workflow, in its order
 */
public record CumulativeFlow(List<LocalDate> days, List<Band> bands) {

    public CumulativeFlow {
        days = List.copyOf(days);
        bands = List.copyOf(bands);
    }

    /**
     * A state's band: how many cards were in it at the end of each day.
     *
     * @param cards one number per day of the period
     */
    public record Band(String stateId, String label, boolean last, List<Long> cards) {

        public Band {
            cards = List.copyOf(cards);
        }
    }

    public static CumulativeFlow of(Workflow w, List<StateChange> history, Period period) {
        List<LocalDate> days = period.days();
        int n = days.size();
        // per state, +1 on the first day a card is there at midnight, -1 on the first day it is no longer
        Map<String, long[]> steps = new LinkedHashMap<>();
        for (State s : w.states()) {
            steps.put(s.id(), new long[n + 1]);
        }
        for (CardPath path : CardPath.of(history, period.end()).values()) {
            for (CardPath.Stay stay : path.stays()) {
                long[] step = steps.get(stay.state());
                if (step == null) {
                    continue;
                }
                // at the end of day d the card is here if it came on d or before and left after d
                long from = Math.max(0, ChronoUnit.DAYS.between(period.first(), period.dayOf(stay.entered())));
                long until = stay.open() ? n
                        : Math.min(n, ChronoUnit.DAYS.between(period.first(), period.dayOf(stay.left())));
                if (from < until) {
                    step[(int) from]++;
                    step[(int) until]--;
                }
            }
        }
        List<Band> bands = new ArrayList<>();
        for (State s : w.states()) {
            long[] step = steps.get(s.id());
            List<Long> cards = new ArrayList<>(n);
            long running = 0;
            for (int d = 0; d < n; d++) {
                running += step[d];
                cards.add(running);
            }
            bands.add(new Band(s.id(), s.label(), w.isFinal(s.id()), cards));
        }
        return new CumulativeFlow(days, bands);
    }

    /** The band of a state. */
    public Band band(String stateId) {
        return bands.stream().filter(b -> b.stateId().equals(stateId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no state " + stateId));
    }

    /** How many cards there were in all on a day of the period. */
    public long total(int day) {
        return bands.stream().mapToLong(b -> b.cards().get(day)).sum();
    }
}
