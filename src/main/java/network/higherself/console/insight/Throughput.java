package network.higherself.console.insight;

import network.higherself.console.workflow.Workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many cards reached a final state each week (Monday to Sunday) of a period, by final state. A card counts once,
 * in the week of its first arrival, and only if that was within the period (a week the period cuts counts only its
 * days in the period).
 *
 * @param finalStates the workflow's final states, in its order (none: no card is ever finished)
 * @param weeks       one per week the period touches
 */
public record Throughput(List<String> finalStates, List<Week> weeks) {

    public Throughput {
        finalStates = List.copyOf(finalStates);
        weeks = List.copyOf(weeks);
    }

    /**
     * A week's count.
     *
     * @param monday   the week's first day
     * @param finished how many cards reached each final state (every final state is there, 0 included)
     */
    public record Week(LocalDate monday, Map<String, Long> finished) {

        public Week {
            finished = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(finished));
        }

        public long total() {
            return finished.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static Throughput of(Workflow w, List<StateChange> history, Period period) {
        List<String> finals = w.states().stream().map(s -> s.id()).filter(w::isFinal).toList();
        Map<LocalDate, Map<String, Long>> weeks = new LinkedHashMap<>();
        for (LocalDate monday : period.weeks()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            finals.forEach(f -> counts.put(f, 0L));
            weeks.put(monday, counts);
        }
        for (CardPath path : CardPath.of(history, period.end()).values()) {
            Optional<CardPath.Stay> finished = path.finished(w);
            if (finished.isPresent() && period.contains(finished.get().entered())) {
                LocalDate monday = Period.weekOf(period.dayOf(finished.get().entered()));
                weeks.get(monday).merge(finished.get().state(), 1L, Long::sum);
            }
        }
        List<Week> out = new ArrayList<>();
        weeks.forEach((monday, counts) -> out.add(new Week(monday, counts)));
        return new Throughput(finals, out);
    }

    public long total() {
        return weeks.stream().mapToLong(Week::total).sum();
    }
}
