package network.higherself.console.insight;

import network.higherself.console.workflow.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A card's way through its workflow: when it was created, and each stay in a state, from the audit trail's
 * creations and moves in the trail's order.
 *
 * @param created when the card was created, if the trail says so (a trail that begins after it does not)
 * @param stays   its stays in states, in order; the last one is open (the card is still there)
 */
public record CardPath(long cardId, Optional<Instant> created, List<Stay> stays) {

    public CardPath {
        stays = List.copyOf(stays);
    }

    /**
     * A stay in a state.
     *
     * @param left when the card left, or null while it is there
     */
    public record Stay(String state, Instant entered, Instant left) {

        /** How long the card was there, up to {@code until} for an open stay (never less than nothing). */
        public Duration length(Instant until) {
            Instant end = left != null ? left : until;
            return end.isBefore(entered) ? Duration.ZERO : Duration.between(entered, end);
        }

        public boolean open() {
            return left == null;
        }
    }

    /**
     * Every card's path from the trail's creations and moves (in the trail's order), as things stood just before
     * {@code until}: later steps are left out, and a stay that ended later is still open.
     */
    public static Map<Long, CardPath> of(List<StateChange> history, Instant until) {
        Map<Long, Instant> created = new LinkedHashMap<>();
        Map<Long, List<Stay>> stays = new LinkedHashMap<>();
        for (StateChange c : history) {
            if (!c.at().isBefore(until)) {
                continue;
            }
            List<Stay> path = stays.computeIfAbsent(c.cardId(), id -> new ArrayList<>());
            if (c.creation()) {
                created.putIfAbsent(c.cardId(), c.at());
            }
            if (!path.isEmpty()) {
                Stay last = path.get(path.size() - 1);
                path.set(path.size() - 1, new Stay(last.state(), last.entered(), c.at()));
            }
            path.add(new Stay(c.to(), c.at(), null));
        }
        Map<Long, CardPath> paths = new LinkedHashMap<>();
        stays.forEach((id, path) -> paths.put(id, new CardPath(id, Optional.ofNullable(created.get(id)), path)));
        return paths;
    }

    /** Where the card is (as of the path's end). */
    public String state() {
        return stays.get(stays.size() - 1).state();
    }

    /**
     * When the card first reached a final state of {@code w}, and which: a card counts as finished once, at its
     * first arrival, even if the trail has it reach a final state again.
     */
    public Optional<Stay> finished(Workflow w) {
        return stays.stream().filter(s -> w.isFinal(s.state())).findFirst();
    }
}
