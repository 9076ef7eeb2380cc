package network.higherself.console.agent;

import java.time.Instant;
import java.util.List;

/**
 * What one run of the agents did: each timed event fired or refused, each message walked through the gate.
 *
 * @param held refusals seen before and not tried again yet (see {@link AgentRunner})
 */
public record AgentRun(Instant at, List<Line> lines, int held) {

    public AgentRun {
        lines = List.copyOf(lines);
    }

    /** What happened to one card. */
    public enum Kind {
        /** A timed event was fired. */
        FIRED,
        /** An agent made a checklist that was missing (the card reached its state before checklists existed). */
        CHECKLIST,
        /** A timed event was refused (a guard, a limit, a right): kept and not retried at once. */
        REFUSED,
        /** The card changed while the agent was about to fire: looked at again on the next run. */
        SKIPPED,
        /** An agent message was approved and delivered. */
        MESSAGE_COMPLETED,
        /** An agent message was denied (pattern, permission or data). */
        MESSAGE_DENIED,
        /** An approved agent message could not be delivered. */
        MESSAGE_FAILED
    }

    /** One card's outcome, as a sentence for a person. */
    public record Line(Kind kind, long cardId, String event, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    public List<Line> of(Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).toList();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
