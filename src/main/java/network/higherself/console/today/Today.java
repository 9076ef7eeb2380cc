package network.higherself.console.today;

import network.higherself.console.agent.Checklist;
import network.higherself.console.agent.Countdowns;
import network.higherself.console.agent.Hold;
import network.higherself.console.agent.TimedEvent;
import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.CardDate;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.Face;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.ColumnFilter;
import network.higherself.console.store.ColumnLimit;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What needs someone today, across every board the person may view, in groups: bookings with a service today or
 * tomorrow, payments about to time out, open preparation checklists, exhibitions opening or closing within a week,
 * permission requests waiting for review, what the agents hold back and the messages they denied, and cards over
 * their column's limit. Dates are the console's clock's, read once per look. When a card is due is the date its
 * current state's timed event waits for ({@link TimedEvent}), as on the board.
 */
public final class Today {

    /** How far ahead "this week" looks: today and the six days after it. */
    public static final int WEEK_DAYS = 7;

    /** How far back the denied and failed agent messages are shown. */
    public static final Duration MESSAGES_SINCE = Duration.ofDays(7);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final List<TodaySource> sources;

    public Today(List<TodaySource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Whether Today opens first for someone of {@code role} who has not chosen: the front desk's and managers' day starts there. */
    public static boolean opensFirstFor(Role role) {
        return role == Role.FRONT_DESK || role == Role.MANAGER;
    }

    /**
     * The groups that have lines, in the sources' order, for someone with {@code rights} at {@code now}. A line of a
     * board they may not view is never shown, whichever source gave it.
     */
    public List<TodayGroup> read(Rights rights, Instant now, ZoneId zone) {
        TodayAsk ask = new TodayAsk(rights, now, zone);
        List<TodayGroup> groups = new ArrayList<>();
        for (TodaySource s : sources) {
            List<TodayLine> lines = s.lines().apply(ask).stream().filter(l -> ask.mayView(l.card().workflowId())).toList();
            if (!lines.isEmpty()) {
                groups.add(new TodayGroup(s.heading(), lines));
            }
        }
        return groups;
    }

    /**
     * The console's Today: its groups, read by {@code queries}; {@code holds} are what the agents hold back now. Sync's
     * conflicts, once sync keeps them, are one more source added to this list.
     */
    public static Today standard(WorkflowCatalog workflows, CardQueries queries, Supplier<List<Hold>> holds) {
        return new Today(List.of(
                servicesSoon(workflows, queries),
                paymentsTimingOut(queries),
                checklistsOpen(queries),
                exhibitionDates(workflows, queries),
                reviewsWaiting(queries),
                agents(workflows, queries, holds),
                overLimit(workflows, queries)));
    }

    /** Bookings not finished whose service is today or tomorrow, earliest first. */
    static TodaySource servicesSoon(WorkflowCatalog workflows, CardQueries queries) {
        return new TodaySource("Bookings with a service today or tomorrow", ask -> {
            if (!ask.mayView(Booking.WORKFLOW)) {
                return List.of();
            }
            LocalDate today = ask.today();
            return queries.dated(Booking.WORKFLOW, openStates(workflows.get(Booking.WORKFLOW)), CardDate.SERVICE_AT,
                    today.atStartOfDay(), today.plusDays(2).atStartOfDay()).stream().map(c -> new TodayLine(c,
                    "service " + (c.dates().serviceAt().toLocalDate().equals(today) ? "today " : "tomorrow ")
                            + TIME.format(c.dates().serviceAt()))).toList();
        });
    }

    /** Bookings waiting for payment whose deadline passed or comes before tomorrow is over: their countdown says which. */
    static TodaySource paymentsTimingOut(CardQueries queries) {
        return new TodaySource("Payments about to time out", ask -> {
            List<TodayLine> lines = new ArrayList<>();
            for (TimedEvent e : TimedEvent.STANDARD) {
                if (e.date() == CardDate.PAYMENT_DEADLINE && ask.mayView(e.workflowId())) {
                    for (CardSummary c : queries.dated(e.workflowId(), List.of(e.fromState()), e.date(), null,
                            ask.today().plusDays(2).atStartOfDay().minus(e.offset()))) {
                        lines.add(new TodayLine(c, countdown(c, ask)));
                    }
                }
            }
            return lines;
        });
    }

    /** Cards in a state with an agent's checklist (a booking's preparation) whose checklist is not done. */
    static TodaySource checklistsOpen(CardQueries queries) {
        return new TodaySource("Bookings whose preparation checklist is open", ask -> {
            List<TodayLine> lines = new ArrayList<>();
            for (Checklist list : Checklist.STANDARD) {
                if (ask.mayView(list.workflowId())) {
                    for (CardSummary c : queries.dated(list.workflowId(), List.of(list.state()), CardDate.STATE_SINCE, null, null)) {
                        if (c.hasChecklist() && c.tasksDone() < c.tasks()) {
                            String service = c.dates().serviceAt() == null ? "" : ", service " + Face.dayTime(c.dates().serviceAt());
                            lines.add(new TodayLine(c, c.tasksDone() + " of " + c.tasks() + " done" + service));
                        }
                    }
                }
            }
            return lines;
        });
    }

    /**
     * Exhibitions opening within a week that have not opened yet, and open ones closing within a week: a card in a state
     * from which the opening (closing) day's event can still come.
     */
    static TodaySource exhibitionDates(WorkflowCatalog workflows, CardQueries queries) {
        return new TodaySource("Exhibitions opening or closing within a week", ask -> {
            if (!ask.mayView(Exhibition.WORKFLOW)) {
                return List.of();
            }
            Workflow w = workflows.get(Exhibition.WORKFLOW);
            LocalDate today = ask.today();
            Map<Long, TodayLine> lines = new LinkedHashMap<>();
            for (TimedEvent e : TimedEvent.STANDARD) {
                if (!e.workflowId().equals(w.id()) || (e.date() != CardDate.OPENING_DATE && e.date() != CardDate.CLOSING_DATE)) {
                    continue;
                }
                String verb = e.date() == CardDate.OPENING_DATE ? "opens " : "closes ";
                for (CardSummary c : queries.dated(w.id(), statesLeadingTo(w, e.fromState()), e.date(), today,
                        today.plusDays(WEEK_DAYS))) {
                    LocalDate day = (LocalDate) c.dates().get(e.date());
                    String when = verb + (day.equals(today) ? "today" : WEEKDAY.format(day));
                    lines.merge(c.id(), new TodayLine(c, when), (a, b) -> new TodayLine(a.card(), a.why() + ", " + b.why()));
                }
            }
            return List.copyOf(lines.values());
        });
    }

    /** Permission requests waiting for a manager, oldest first: for those who may decide them. */
    static TodaySource reviewsWaiting(CardQueries queries) {
        return new TodaySource("Permission requests waiting for review", ask -> {
            if (!ask.mayView(PermissionRequest.WORKFLOW)
                    || !ask.rights().on(PermissionRequest.WORKFLOW).mayFire(PermissionRequest.APPROVE_EVENT)) {
                return List.of();
            }
            return queries.dated(PermissionRequest.WORKFLOW, List.of(PermissionRequest.REVIEW_STATE), CardDate.STATE_SINCE,
                    null, null).stream().map(c -> new TodayLine(c, "waiting " + Countdowns.left(
                    Duration.between(c.stateSince(), ask.now())))).toList();
        });
    }

    /**
     * What the agents hold back now (a timed event a guard refused, a message stuck at a gate step), then the agent
     * messages denied or failed in the last week, with their reason.
     */
    static TodaySource agents(WorkflowCatalog workflows, CardQueries queries, Supplier<List<Hold>> holds) {
        return new TodaySource("Agents: held back, messages denied", ask -> {
            Map<Long, TodayLine> lines = new LinkedHashMap<>();
            for (Hold h : holds.get()) {
                TodayLine held = lines.get(h.cardId());
                if (held != null) {
                    lines.put(h.cardId(), new TodayLine(held.card(), held.why() + "\n" + h.sentence()));
                } else {
                    queries.card(h.cardId()).filter(c -> ask.mayView(c.workflowId()))
                            .ifPresent(c -> lines.put(c.id(), new TodayLine(c, h.sentence())));
                }
            }
            if (ask.mayView(AgentMessage.WORKFLOW)) {
                Workflow w = workflows.get(AgentMessage.WORKFLOW);
                for (CardSummary c : queries.dated(w.id(), w.finalStates(), CardDate.STATE_SINCE, ask.now().minus(MESSAGES_SINCE),
                        null)) {
                    if (c.problem() != null && !lines.containsKey(c.id())) {
                        lines.put(c.id(), new TodayLine(c, c.problem()));
                    }
                }
            }
            return List.copyOf(lines.values());
        });
    }

    /** The cards past a column's limit (the last ones in it), column by column, on every board one may view. */
    static TodaySource overLimit(WorkflowCatalog workflows, CardQueries queries) {
        return new TodaySource("Cards over their column's limit", ask -> {
            List<TodayLine> lines = new ArrayList<>();
            for (Workflow w : workflows.all()) {
                if (!ask.mayView(w.id())) {
                    continue;
                }
                Map<String, ColumnLimit> limits = queries.limits(w.id());
                if (limits.isEmpty()) {
                    continue;
                }
                Map<String, Long> counts = queries.countsByState(w.id());
                for (State s : w.states()) {
                    ColumnLimit limit = limits.get(s.id());
                    long count = counts.getOrDefault(s.id(), 0L);
                    if (limit != null && count > limit.maxCards()) {
                        String why = s.label() + " holds " + count + " cards, its limit is " + limit.maxCards();
                        for (CardSummary c : queries.page(w.id(), s.id(), ColumnFilter.ALL, limit.maxCards(),
                                (int) Math.min(Integer.MAX_VALUE, count - limit.maxCards()))) {
                            lines.add(new TodayLine(c, why));
                        }
                    }
                }
            }
            return lines;
        });
    }

    private static String countdown(CardSummary c, TodayAsk ask) {
        return Countdowns.find(c.workflowId(), c.state(), c.dates(), ask.now(), ask.zone()).map(Countdowns.Countdown::text)
                .orElse("");
    }

    /** The states of {@code w} that are not final. */
    private static List<String> openStates(Workflow w) {
        return w.states().stream().map(State::id).filter(s -> !w.isFinal(s)).toList();
    }

    /** The states from which a card can still reach {@code target} (itself included). */
    static List<String> statesLeadingTo(Workflow w, String target) {
        Set<String> found = new LinkedHashSet<>(List.of(target));
        Deque<String> todo = new ArrayDeque<>(found);
        while (!todo.isEmpty()) {
            String to = todo.poll();
            for (Transition t : w.transitions()) {
                if (t.to().equals(to) && found.add(t.from())) {
                    todo.add(t.from());
                }
            }
        }
        return List.copyOf(found);
    }
}
