package network.higherself.console.move;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.AuditTrail;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.GuardContext;
import network.higherself.console.staff.Actor;
import network.higherself.console.sync.OutboxEvent;
import network.higherself.console.workflow.FireResult;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.hibernate.exception.LockAcquisitionException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one enforcement point. Every change of a card — a move, a creation, an edit — from any path (the boards,
 * the command line, agents, sync) comes here, and inside one transaction is checked (legal event, guard, valid
 * fields, unchanged version), written, audited and put in the sync outbox. A refusal writes nothing.
 */
public final class CardService {

    /** Gap between neighbouring cards' positions, so that a card can be put between two without renumbering. */
    public static final long POSITION_STEP = 1024;

    private final SessionFactory sessionFactory;
    private final WorkflowCatalog workflows;
    private final Clock clock;
    private final AuditTrail audit = new AuditTrail();
    private final ObjectMapper json = new ObjectMapper();

    public CardService(SessionFactory sessionFactory, WorkflowCatalog workflows, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory);
        this.workflows = Objects.requireNonNull(workflows);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Moves a card along a transition of its workflow. */
    public Outcome move(MoveRequest request) {
        return inTransaction(request.cardId(), session -> {
            Card card = session.find(Card.class, request.cardId());
            if (card == null) {
                return notFound(request.cardId());
            }
            if (request.expectedVersion() != null && card.getVersion() != request.expectedVersion()) {
                return conflict(card);
            }
            Workflow workflow = workflows.get(card.workflowId());
            String from = card.getState();
            FireResult fired = request.event() != null ? workflow.fire(from, request.event()) : workflow.moveTo(from, request.targetState());
            if (fired instanceof FireResult.Refused refused) {
                return new Outcome.Refused(Outcome.Refusal.ILLEGAL_MOVE, refused.message());
            }
            Transition t = ((FireResult.Fired) fired).transition();
            if (request.targetState() != null && !t.to().equals(request.targetState())) {
                return new Outcome.Refused(Outcome.Refusal.ILLEGAL_MOVE, "'" + t.event() + "' leads to " + t.to() + ", not to "
                        + request.targetState() + ". " + workflow.optionsFrom(from));
            }
            Map<String, String> before = card.describe();
            request.change().apply(card, new SessionRefs(session));
            List<String> problems = card.validate();
            if (!problems.isEmpty()) {
                return invalid(problems);
            }
            var blocked = card.guard(t.event(), new GuardContext(request.actor()));
            if (blocked.isPresent()) {
                return new Outcome.Refused(Outcome.Refusal.GUARD, blocked.get());
            }
            Instant now = clock.instant();
            long baseVersion = card.getVersion();
            card.enter(t.to(), nextPosition(session, workflow.id(), t.to()), now);
            session.flush(); // the versioned UPDATE: a concurrent change shows up here
            String edits = diff(before, card.describe());
            audit.append(session, new AuditRecord(now, request.actor().auditName(), AuditAction.MOVED, workflow.id(),
                    card.getId(), from, t.to(), t.event(), request.note(), edits.isEmpty() ? null : edits));
            session.persist(new OutboxEvent(UUID.randomUUID(), now, "MOVE", workflow.id(), card.getId(), baseVersion,
                    from, t.to(), t.event(), request.actor().auditName(), payload(Map.of("note", nullToEmpty(request.note()), "edits", edits))));
            return new Outcome.Done(card.getId(), t.to(), card.getVersion(),
                    Labels.withArticle(card.kindLabel()) + " moved from " + from + " to " + t.to() + " (" + t.event() + ").");
        });
    }

    /** Creates a card in the initial state of its workflow, at the end of that column. */
    public Outcome create(String workflowId, String title, Actor actor, CardChange fields) {
        Workflow workflow = workflows.get(workflowId);
        return inTransaction(null, session -> {
            Card card = CardKinds.newCard(workflowId, title);
            (fields == null ? CardChange.NONE : fields).apply(card, new SessionRefs(session));
            List<String> problems = card.validate();
            if (!problems.isEmpty()) {
                return invalid(problems);
            }
            Instant now = clock.instant();
            String initial = workflow.initialState().id();
            card.place(initial, nextPosition(session, workflowId, initial), now);
            session.persist(card);
            session.flush();
            String details = describeNonEmpty(card.describe());
            audit.append(session, new AuditRecord(now, actor.auditName(), AuditAction.CREATED, workflowId, card.getId(),
                    null, initial, null, null, details));
            session.persist(new OutboxEvent(UUID.randomUUID(), now, "CREATE", workflowId, card.getId(), 0, null, initial,
                    null, actor.auditName(), payload(card.describe())));
            return new Outcome.Done(card.getId(), initial, card.getVersion(),
                    Labels.withArticle(card.kindLabel()) + " '" + card.getTitle() + "' was created in " + initial + ".");
        });
    }

    /** Changes a card's fields without moving it. */
    public Outcome edit(long cardId, Long expectedVersion, Actor actor, CardChange change) {
        return inTransaction(cardId, session -> {
            Card card = session.find(Card.class, cardId);
            if (card == null) {
                return notFound(cardId);
            }
            if (expectedVersion != null && card.getVersion() != expectedVersion) {
                return conflict(card);
            }
            Map<String, String> before = card.describe();
            change.apply(card, new SessionRefs(session));
            List<String> problems = card.validate();
            if (!problems.isEmpty()) {
                return invalid(problems);
            }
            String edits = diff(before, card.describe());
            if (edits.isEmpty()) {
                return new Outcome.Done(card.getId(), card.getState(), card.getVersion(), "Nothing changed.");
            }
            Instant now = clock.instant();
            long baseVersion = card.getVersion();
            card.touch(now);
            session.flush();
            audit.append(session, new AuditRecord(now, actor.auditName(), AuditAction.EDITED, card.workflowId(), card.getId(),
                    null, null, null, null, edits));
            session.persist(new OutboxEvent(UUID.randomUUID(), now, "EDIT", card.workflowId(), card.getId(), baseVersion,
                    null, null, null, actor.auditName(), payload(Map.of("edits", edits))));
            return new Outcome.Done(card.getId(), card.getState(), card.getVersion(),
                    Labels.withArticle(card.kindLabel()) + " '" + card.getTitle() + "' was saved.");
        });
    }

    private Outcome inTransaction(Long cardId, Function<Session, Outcome> work) {
        Session session = sessionFactory.openSession();
        Transaction tx = null;
        try {
            tx = session.beginTransaction();
            Outcome outcome = work.apply(session);
            if (outcome.isDone()) {
                tx.commit();
            } else {
                tx.rollback();
            }
            return outcome;
        } catch (RefusedException e) {
            rollback(tx);
            return e.outcome;
        } catch (OptimisticLockException | StaleStateException | PessimisticLockException | LockAcquisitionException e) {
            rollback(tx);
            return conflictAfterTheFact(cardId);
        } catch (RuntimeException e) {
            rollback(tx);
            throw e;
        } finally {
            session.close();
        }
    }

    private static void rollback(Transaction tx) {
        if (tx != null && tx.isActive()) {
            tx.rollback();
        }
    }

    private Outcome conflictAfterTheFact(Long cardId) {
        if (cardId == null) {
            return new Outcome.Refused(Outcome.Refusal.CONFLICT, "Someone else was changing the same data: try again.");
        }
        try (Session s = sessionFactory.openSession()) {
            Card now = s.find(Card.class, cardId);
            return now == null ? notFound(cardId) : conflict(now);
        }
    }

    private static Outcome conflict(Card card) {
        return new Outcome.Refused(Outcome.Refusal.CONFLICT, "Someone else changed this " + card.kindLabel()
                + " first: it is now in " + card.getState() + ". Look at it again, then retry if the change still makes sense.");
    }

    private static Outcome notFound(long cardId) {
        return new Outcome.Refused(Outcome.Refusal.NOT_FOUND, "There is no card #" + cardId + ": it may have been removed.");
    }

    private static Outcome invalid(List<String> problems) {
        return new Outcome.Refused(Outcome.Refusal.INVALID, String.join(" ", problems));
    }

    /**
     * The position after the last card of a column. Plain JDBC on the transaction's connection: as a Hibernate native
     * query with a {@code Long} result it missed Hibernate's query plan cache on every call (its statistics: one
     * miss per move) and was the costliest single step of a move's Java work (see MoveLatencyBenchmark). Nothing
     * pending in the session can change the answer: the moving card's own position is set from it afterwards.
     */
    private static long nextPosition(Session session, String workflowId, String state) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT MAX(position) FROM card WHERE workflow_id = ? AND state = ?")) {
                ps.setString(1, workflowId);
                ps.setString(2, state);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) + POSITION_STEP; // an empty column's MAX is NULL, read as 0
                }
            }
        });
    }

    static String diff(Map<String, String> before, Map<String, String> after) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.getOrDefault(e.getKey(), "");
            if (!old.equals(e.getValue())) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(e.getKey()).append(": '").append(old).append("' \u2192 '").append(e.getValue()).append('\'');
            }
        }
        return b.toString();
    }

    private static String describeNonEmpty(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!v.isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(k).append(": ").append(v);
            }
        });
        return b.toString();
    }

    private String payload(Map<String, String> fields) {
        try {
            return json.writeValueAsString(new LinkedHashMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Thrown from inside a change to refuse it (the transaction rolls back). */
    static final class RefusedException extends RuntimeException {
        final Outcome.Refused outcome;

        RefusedException(Outcome.Refused outcome) {
            super(outcome.message(), null, false, false);
            this.outcome = outcome;
        }
    }

    private record SessionRefs(Session session) implements CardChange.Refs {
        @Override
        public <T> T get(Class<T> type, long id) {
            T found = session.find(type, id);
            if (found == null) {
                throw new RefusedException(new Outcome.Refused(Outcome.Refusal.INVALID,
                        "There is no " + Labels.humanize(type.getSimpleName()).toLowerCase() + " #" + id + "."));
            }
            return found;
        }

        @Override
        public <T> T named(Class<T> type, String name) {
            T found = session.createSelectionQuery("from " + type.getSimpleName() + " where name = :name", type)
                    .setParameter("name", name).getSingleResultOrNull();
            if (found == null) {
                throw new RefusedException(new Outcome.Refused(Outcome.Refusal.INVALID,
                        "There is no " + Labels.humanize(type.getSimpleName()).toLowerCase() + " named '" + name + "'."));
            }
            return found;
        }
    }
}
