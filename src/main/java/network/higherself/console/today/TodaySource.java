package network.higherself.console.today;

import java.util.List;
import java.util.function.Function;

/**
 * One group of the Today view: its heading and how its lines are read (in the background, from the database and the
 * agents). Sync's conflicts, once sync keeps them, come as one more source in {@link Today#standard}.
 */
public record TodaySource(String heading, Function<TodayAsk, List<TodayLine>> lines) {
}
