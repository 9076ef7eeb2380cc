package network.higherself.console.agent;

import network.higherself.console.card.CardDate;
import network.higherself.console.card.CardDates;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.DefinitionProblem;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.SessionFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which cards are due for a timed event. The events are checked against the workflow definitions when this is
 * made: an event that is not a transition of its workflow from its state is a clear start-up error.
 */
public final class TimedEvents {

    private final SessionFactory sessionFactory;
    private final WorkflowCatalog workflows;
    private final ZoneId zone;
    private final List<TimedEvent> events;

    /** The console's timed events ({@link TimedEvent#STANDARD}), read in the clock's zone. */
    public TimedEvents(SessionFactory sessionFactory, WorkflowCatalog workflows, Clock clock) {
        this(sessionFactory, workflows, clock.getZone(), TimedEvent.STANDARD);
    }

    /** @throws InvalidWorkflowException when an event is not in its workflow's definition */
    public TimedEvents(SessionFactory sessionFactory, WorkflowCatalog workflows, ZoneId zone, List<TimedEvent> events) {
        List<DefinitionProblem> problems = problems(workflows, events);
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        this.sessionFactory = sessionFactory;
        this.workflows = workflows;
        this.zone = zone;
        this.events = List.copyOf(events);
    }

    /** What is wrong with {@code events} for these definitions: each must be a transition of its workflow. */
    public static List<DefinitionProblem> problems(WorkflowCatalog workflows, List<TimedEvent> events) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (TimedEvent e : events) {
            Optional<Workflow> w = workflows.find(e.workflowId());
            if (w.isEmpty()) {
                problems.add(new DefinitionProblem(e.workflowId() + ".json", "is missing, and the console's timed event "
                        + e.event() + " needs it"));
            } else if (!w.get().isLegal(e.fromState(), e.event())) {
                problems.add(new DefinitionProblem(e.workflowId() + ".json", "has no transition from '" + e.fromState()
                        + "' by '" + e.event() + "', which the console's agents fire when a card's " + e.date().label()
                        + " comes. " + (w.get().hasState(e.fromState()) ? w.get().optionsFrom(e.fromState())
                        : "It has no state '" + e.fromState() + "'.")));
            }
        }
        return problems;
    }

    public List<TimedEvent> events() {
        return events;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The agent that fires {@code e}: the one responsible for its from-state (see {@link Agents#responsibleFor}). */
    public Actor agentFor(TimedEvent e) {
        return Agents.responsibleFor(workflows.get(e.workflowId()), e.fromState());
    }

    /**
     * Every card due for a timed event at or before {@code now}, in due-time order (then by card): what the
     * agents fire next. A card whose date is not set is never due.
     */
    public List<DueEvent> due(Instant now) {
        List<DueEvent> due = new ArrayList<>();
        sessionFactory.inSession(s -> s.doWork(c -> {
            for (TimedEvent e : events) {
                Actor agent = agentFor(e);
                String col = e.date().column();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, version, title, " + col + " AS due FROM card "
                        + "WHERE workflow_id = ? AND state = ? AND " + col + " IS NOT NULL AND " + col + " <= ?")) {
                    ps.setString(1, e.workflowId());
                    ps.setString(2, e.fromState());
                    ps.setObject(3, bind(e.latestDueValue(now, zone)));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Temporal value = read(rs, "due", e.date());
                            Instant at = e.dueAt(CardDates.NONE.with(e.date(), value), zone).orElseThrow();
                            if (!at.isAfter(now)) {
                                due.add(new DueEvent(rs.getLong("id"), e.workflowId(), rs.getString("title"), rs.getLong("version"), e, at,
                                        agent));
                            }
                        }
                    }
                }
            }
        }));
        due.sort(Comparator.comparing(DueEvent::dueAt).thenComparingLong(DueEvent::cardId));
        return due;
    }

    private static Object bind(Object value) {
        return value instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : value;
    }

    private static Temporal read(ResultSet rs, String column, CardDate date) throws SQLException {
        return switch (date.kind()) {
            case DATE_TIME -> rs.getObject(column, LocalDateTime.class);
            case DATE -> rs.getObject(column, LocalDate.class);
            case INSTANT -> rs.getObject(column, OffsetDateTime.class).toInstant();
        };
    }
}
