package network.higherself.console.today;

import java.util.List;

/** A heading of the Today view ("Payments about to time out") and its lines, in the order they matter. */
public record TodayGroup(String heading, List<TodayLine> lines) {

    public TodayGroup {
        lines = List.copyOf(lines);
    }
}
