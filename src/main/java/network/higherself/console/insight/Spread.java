package network.higherself.console.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How long a set of cards took: how many, the median and the 85th percentile, each by nearest rank (the time that
 * half, or 85 %, of the cards took at most: always a time one of the cards really took).
 */
public record Spread(int cards, Duration median, Duration p85, Duration longest) {

    /** The spread of {@code times}, or empty when there are none. */
    public static Optional<Spread> of(Collection<Duration> times) {
        if (times.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(times);
        sorted.sort(null);
        return Optional.of(new Spread(sorted.size(), rank(sorted, 50), rank(sorted, 85), sorted.get(sorted.size() - 1)));
    }

    /** The nearest-rank percentile: the smallest time at least {@code percent} % of the cards took at most. */
    static Duration rank(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent * sorted.size() / 100.0);
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
