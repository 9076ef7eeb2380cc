package network.higherself.console.agent;

import network.higherself.console.move.CardService;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the agents once: fires every timed event that is due, oldest first, each by its responsible agent through
 * the enforcement point (so guards, limits and rights apply and the audit names the agent), then walks the
 * waiting agent messages through the gate. It also makes the checklists that are missing (of cards that reached a
 * checklist's state before the console had checklists).
 *
 * <p>Each event fires once: a card it moved is no longer in the from-state. A refused event (a guard, a hard
 * column limit) is reported once and then held: it is tried again only when the card has changed (its version)
 * or {@code retryAfter} has passed, never in a tight loop. Events missed while the console was closed are simply
 * due at the next run, and fire in date order. Thread-safe: one run at a time.
 */
public final class AgentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** By default a refused event is tried again after an hour (sooner if the card changes). */
    public static final Duration RETRY_AFTER = Duration.ofHours(1);

    /** How many times one run looks again for what its own moves made due. */
    private static final int MAX_ROUNDS = 5;

    private final TimedEvents timed;
    private final TaskService tasks;
    private final CardService cards;
    private final MessageGate gate;
    private final Clock clock;
    private final Duration retryAfter;
    private final Map<String, Held> held = new HashMap<>();

    /** A refusal being held: the card's version then, and when. */
    public record Held(DueEvent due, Instant at, String reason) {
    }

    public AgentRunner(TimedEvents timed, TaskService tasks, CardService cards, MessageGate gate, Clock clock) {
        this(timed, tasks, cards, gate, clock, RETRY_AFTER);
    }

    public AgentRunner(TimedEvents timed, TaskService tasks, CardService cards, MessageGate gate, Clock clock,
                       Duration retryAfter) {
        this.timed = Objects.requireNonNull(timed);
        this.tasks = Objects.requireNonNull(tasks);
        this.cards = Objects.requireNonNull(cards);
        this.gate = Objects.requireNonNull(gate);
        this.clock = Objects.requireNonNull(clock);
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    /** Runs the agents at the clock's time. */
    public AgentRun run() {
        return run(clock.instant());
    }

    /** Runs the agents as of {@code now}: everything due at or before it (the moves themselves happen at the clock's time). */
    public synchronized AgentRun run(Instant now) {
        List<AgentRun.Line> lines = new ArrayList<>();
        int stillHeld = 0;
        // an event can make another due (an exhibition opened late may be due to close too): look again, a few times
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Round r = round(now, round == 0);
            lines.addAll(r.lines());
            if (round == 0) {
                stillHeld = r.held();
            }
            if (r.lines().stream().noneMatch(l -> l.kind() == AgentRun.Kind.FIRED)) {
                break;
            }
        }
        for (long id : tasks.makeMissing()) {
            lines.add(new AgentRun.Line(AgentRun.Kind.CHECKLIST, id, null, "made the missing checklist of card #" + id));
        }
        lines.addAll(gate.processPending());
        return new AgentRun(now, lines, stillHeld);
    }

    private record Round(List<AgentRun.Line> lines, int held) {
    }

    private Round round(Instant now, boolean first) {
        List<AgentRun.Line> lines = new ArrayList<>();
        int stillHeld = 0;
        ZoneId zone = timed.zone();
        List<DueEvent> due = timed.due(now);
        if (first) {
            // a held refusal whose card is no longer due (someone moved it, or changed its date) is forgotten
            held.keySet().retainAll(due.stream().map(d -> d.cardId() + " " + d.event()).toList());
        }
        for (DueEvent d : due) {
            String key = d.cardId() + " " + d.event();
            Held h = held.get(key);
            if (h != null && h.due().version() == d.version() && (!first || now.isBefore(h.at().plus(retryAfter)))) {
                stillHeld += first ? 1 : 0;
                continue;
            }
            String what = d.event() + " on " + d.workflowId() + " #" + d.cardId() + " '" + d.title() + "' (due "
                    + WHEN.format(d.dueAt().atZone(zone)) + ") as " + d.agent().name();
            Outcome o = cards.move(MoveRequest.byEvent(d.cardId(), d.event(), d.agent()).expecting(d.version())
                    .withNote(d.timed().date().label() + " " + WHEN.format(d.dueAt().atZone(zone)) + ": " + d.timed().overdue()));
            if (o instanceof Outcome.Done done) {
                held.remove(key);
                lines.add(new AgentRun.Line(AgentRun.Kind.FIRED, d.cardId(), d.event(), "fired " + what + ": now in " + done.state()));
            } else if (o instanceof Outcome.Refused r && (r.reason() == Outcome.Refusal.CONFLICT || r.reason() == Outcome.Refusal.NOT_FOUND)) {
                held.remove(key);
                lines.add(new AgentRun.Line(AgentRun.Kind.SKIPPED, d.cardId(), d.event(), "skipped " + what + ": " + r.message()));
            } else {
                held.put(key, new Held(d, now, o.message()));
                LOG.warn("The agents could not fire {} on card #{}: {}", d.event(), d.cardId(), o.message());
                lines.add(new AgentRun.Line(AgentRun.Kind.REFUSED, d.cardId(), d.event(), "refused " + what + ": " + o.message()));
            }
        }
        return new Round(lines, stillHeld);
    }

    /** The refused events being held now, for a person to look at. */
    public synchronized List<Held> held() {
        return List.copyOf(held.values());
    }

    /** Everything the agents hold back now: refused timed events and agent messages stuck at a gate step. */
    public List<Hold> holds() {
        List<Hold> holds = new ArrayList<>();
        for (Held h : held()) {
            holds.add(new Hold(h.due().cardId(), h.due().agent().name(), h.due().event(), h.reason()));
        }
        holds.addAll(gate.holds());
        return holds;
    }
}
