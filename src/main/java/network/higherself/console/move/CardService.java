package network.higherself.console.move;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.AuditTrail;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Actor;
import network.higherself.console.store.StoreFailures;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one enforcement point. Every change of a card — a move, a creation, an edit — from any path (the boards,
 * the command line, agents, sync) comes here, and inside one transaction is checked (legal event, guard, valid
 * fields, unchanged version), written, audited and put in the sync outbox. A refusal writes nothing.
 */
public final class CardService {

    /** Gap between neighbouring cards' positions, so that a card can be put between two without renumbering. */
    public static final long POSITION_STEP = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CardService.class);

    private final SessionFactory sessionFactory;
    private final WorkflowCatalog workflows;
    private final Clock clock;
    private final AccessControl access;
    private final MoveHooks hooks;
    private final AuditTrail audit = new AuditTrail();

    public CardService(SessionFactory sessionFactory, WorkflowCatalog workflows, Clock clock) {
        this(sessionFactory, workflows, clock, new AccessControl(workflows));
    }

    public CardService(SessionFactory sessionFactory, WorkflowCatalog workflows, Clock clock, AccessControl access) {
        this(sessionFactory, workflows, clock, access, MoveHooks.NONE);
    }

    /**
     * With {@code hooks}: facts for guards and effects of moves (the agents' tasks and messages), run inside each
     * move's transaction.
     */
    public CardService(SessionFactory sessionFactory, WorkflowCatalog workflows, Clock clock, AccessControl access,
                       MoveHooks hooks) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory);
        this.workflows = Objects.requireNonNull(workflows);
        this.clock = Objects.requireNonNull(clock);
        this.access = Objects.requireNonNull(access);
        this.hooks = Objects.requireNonNull(hooks);
    }

    /** Who may do what: the same checks this service applies, for the views to offer only what is allowed. */
    public AccessControl access() {
        return access;
    }

    /** The actor's rights on every board as of now (for the views: which boards to show, which columns to light). */
    public network.higherself.console.staff.Rights rightsOf(Actor actor) {
        return access.rightsOf(sessionFactory, actor);
    }

    /** Moves a card along a transition of its workflow. */
    public Outcome move(MoveRequest request) {
        List<Runnable> afterCommit = new ArrayList<>();
        Outcome outcome = inTransaction(request.cardId(), session -> {
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
            Optional<String> forbidden = access.checkFire(session, request.actor(), workflow, t);
            if (forbidden.isPresent()) {
                return new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
            }
            Outcome overLimit = checkHardLimit(session, workflow, t.to());
            if (overLimit != null) {
                return overLimit;
            }
            Map<String, String> before = card.describe();
            request.change().apply(card, new SessionRefs(session));
            List<String> problems = card.validate();
            if (!problems.isEmpty()) {
                return invalid(problems);
            }
            var blocked = card.guard(t.event(), hooks.guardContext(session, card, t, request.actor()));
            if (blocked.isPresent()) {
                return new Outcome.Refused(Outcome.Refusal.GUARD, blocked.get());
            }
            Instant now = clock.instant();
            long baseVersion = card.getVersion();
            boolean grantedBefore = card instanceof PermissionRequest p && p.grantInForce();
            String grantBefore = card instanceof PermissionRequest p ? p.grantText() : "";
            card.enter(t.to(), nextPosition(session, workflow.id(), t.to()), now);
            card.afterTransition(t.event());
            session.flush(); // the versioned UPDATE: a concurrent change shows up here
            String edits = diff(before, card.describe());
            audit.append(session, new AuditRecord(now, request.actor().auditName(), AuditAction.MOVED, workflow.id(),
                    card.getId(), from, t.to(), t.event(), request.note(), edits.isEmpty() ? null : edits));
            if (card instanceof PermissionRequest p && p.grantInForce() != grantedBefore) {
                auditGrant(session, p, grantedBefore ? grantBefore : p.grantText(), !grantedBefore, request.actor(), now);
            }
            session.persist(OutboxEvent.of(now, "MOVE", workflow.id(), card.getId(), baseVersion,
                    from, t.to(), t.event(), request.actor().auditName(), Map.of("note", nullToEmpty(request.note()), "edits", edits)));
            hooks.afterMove(new HookContext(session, workflow, card, t, request.actor(), now, afterCommit));
            return new Outcome.Done(card.getId(), t.to(), card.getVersion(),
                    Labels.withArticle(card.kindLabel()) + " moved from " + from + " to " + t.to() + " (" + t.event() + ").");
        });
        if (outcome.isDone()) {
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("An action after the move of card #{} failed; the move itself is committed", request.cardId(), e);
                }
            }
        }
        return outcome;
    }

    /** Creates a card in the initial state of its workflow, at the end of that column. */
    public Outcome create(String workflowId, String title, Actor actor, CardChange fields) {
        Workflow workflow = workflows.get(workflowId);
        return inTransaction(null, session -> createIn(session, workflow, title, actor, fields));
    }

    private Outcome createIn(Session session, Workflow workflow, String title, Actor actor, CardChange fields) {
        String workflowId = workflow.id();
        Optional<String> forbidden = access.checkCreate(session, actor, workflow);
        if (forbidden.isPresent()) {
            return new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
        }
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
        session.persist(OutboxEvent.of(now, "CREATE", workflowId, card.getId(), 0, null, initial,
                null, actor.auditName(), card.describe()));
        return new Outcome.Done(card.getId(), initial, card.getVersion(),
                Labels.withArticle(card.kindLabel()) + " '" + card.getTitle() + "' was created in " + initial + ".");
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
            Optional<String> forbidden = access.checkEdit(session, actor, workflows.get(card.workflowId()), card.getState());
            if (forbidden.isPresent()) {
                return new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
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
            session.persist(OutboxEvent.of(now, "EDIT", card.workflowId(), card.getId(), baseVersion,
                    null, null, null, actor.auditName(), Map.of("edits", edits)));
            return new Outcome.Done(card.getId(), card.getState(), card.getVersion(),
                    Labels.withArticle(card.kindLabel()) + " '" + card.getTitle() + "' was saved.");
        });
    }

    /**
     * Puts a card between two neighbours of its column ({@code previousId} above it, {@code nextId} below it; either
     * may be null at an end). Only the order changes: no state, so no audit entry.
     */
    public Outcome reorder(long cardId, Long previousId, Long nextId, Long expectedVersion, Actor actor) {
        return inTransaction(cardId, session -> {
            Card card = session.find(Card.class, cardId);
            if (card == null) {
                return notFound(cardId);
            }
            if (expectedVersion != null && card.getVersion() != expectedVersion) {
                return conflict(card);
            }
            Optional<String> forbidden = access.checkEdit(session, actor, workflows.get(card.workflowId()), card.getState());
            if (forbidden.isPresent()) {
                return new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
            }
            Long above = positionInColumn(session, previousId, card);
            Long below = positionInColumn(session, nextId, card);
            long position;
            if (above == null && below == null) {
                position = card.getPosition();
            } else if (above == null) {
                position = below - POSITION_STEP;
            } else if (below == null) {
                position = above + POSITION_STEP;
            } else if (below - above > 1) {
                position = above + (below - above) / 2;
            } else {
                renumber(session, card.workflowId(), card.getState());
                return reorderAgain(session, card, previousId, nextId);
            }
            card.setPosition(position);
            return new Outcome.Done(card.getId(), card.getState(), card.getVersion() + 1,
                    Labels.withArticle(card.kindLabel()) + " '" + card.getTitle() + "' was moved within its column.");
        });
    }

    private Outcome reorderAgain(Session session, Card card, Long previousId, Long nextId) {
        session.refresh(card);
        Long above = positionInColumn(session, previousId, card);
        Long below = positionInColumn(session, nextId, card);
        card.setPosition(above == null ? below - POSITION_STEP : below == null ? above + POSITION_STEP : above + (below - above) / 2);
        return new Outcome.Done(card.getId(), card.getState(), card.getVersion() + 1, "The column was renumbered.");
    }

    private static Long positionInColumn(Session session, Long id, Card card) {
        if (id == null) {
            return null;
        }
        Card other = session.find(Card.class, id);
        if (other == null || !other.workflowId().equals(card.workflowId()) || !other.getState().equals(card.getState())) {
            throw new RefusedException(new Outcome.Refused(Outcome.Refusal.CONFLICT,
                    "The column changed while you were dragging: look at it again and retry."));
        }
        return other.getPosition();
    }

    private static void renumber(Session session, String workflowId, String state) {
        session.flush();
        session.createNativeMutationQuery("UPDATE card c SET position = (SELECT COUNT(*) FROM card d WHERE d.workflow_id = c.workflow_id "
                        + "AND d.state = c.state AND (d.position < c.position OR (d.position = c.position AND d.id <= c.id))) * "
                        + POSITION_STEP + " WHERE c.workflow_id = ?1 AND c.state = ?2")
                .setParameter(1, workflowId).setParameter(2, state).executeUpdate();
    }

    /**
     * Sets (or with {@code maxCards} null, removes) a column's work-in-progress limit: soft turns the column amber
     * on the board, hard refuses a move that would exceed it.
     */
    public Outcome setColumnLimit(String workflowId, String state, Integer maxCards, boolean hard, Actor actor) {
        Workflow workflow = workflows.get(workflowId);
        if (!workflow.hasState(state)) {
            return new Outcome.Refused(Outcome.Refusal.INVALID, workflow.board() + " has no column '" + state + "'.");
        }
        if (maxCards != null && maxCards < 1) {
            return new Outcome.Refused(Outcome.Refusal.INVALID,
                    "A limit of " + maxCards + " cards would block the column: give 1 or more, or remove the limit.");
        }
        return inTransaction(null, session -> {
            Optional<String> forbidden = access.checkEdit(session, actor, workflow, state);
            if (forbidden.isPresent()) {
                return new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
            }
            session.createNativeMutationQuery("DELETE FROM column_limit WHERE workflow_id = ?1 AND state = ?2")
                    .setParameter(1, workflowId).setParameter(2, state).executeUpdate();
            if (maxCards != null) {
                session.createNativeMutationQuery("INSERT INTO column_limit (workflow_id, state, max_cards, hard) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, workflowId).setParameter(2, state).setParameter(3, maxCards).setParameter(4, hard)
                        .executeUpdate();
            }
            return new Outcome.Done(0, state, 0, maxCards == null ? "The limit of " + state + " was removed."
                    : "The " + (hard ? "hard" : "soft") + " limit of " + state + " is " + maxCards + " cards.");
        });
    }

    private static Outcome checkHardLimit(Session session, Workflow workflow, String state) {
        Object[] limit = session.createNativeQuery(
                        "SELECT max_cards, (SELECT COUNT(*) FROM card WHERE workflow_id = ?1 AND state = ?2) FROM column_limit "
                                + "WHERE workflow_id = ?1 AND state = ?2 AND hard", Object[].class)
                .setParameter(1, workflow.id()).setParameter(2, state).getSingleResultOrNull();
        if (limit == null) {
            return null;
        }
        int max = ((Number) limit[0]).intValue();
        long count = ((Number) limit[1]).longValue();
        if (count < max) {
            return null;
        }
        return new Outcome.Refused(Outcome.Refusal.WIP_LIMIT, Labels.humanize(state) + " is at its limit of " + max
                + " cards: move a card out of it first, or raise the column's limit.");
    }

    /**
     * Changes what a role may do on one board (an administrator's decision; the defaults are replaced for that
     * role and board). Audited with the old and new rights.
     */
    public Outcome setRoleRights(Actor actor, network.higherself.console.staff.Role role, String workflowId,
                                 network.higherself.console.staff.WorkflowRights rights) {
        Workflow workflow = workflows.get(workflowId);
        if (actor.kind() != Actor.Kind.SYSTEM && !actor.hasRole(network.higherself.console.staff.Role.ADMINISTRATOR)) {
            return new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, "Only an administrator can change what a role may do.");
        }
        for (String e : rights.events()) {
            if (!workflow.events().contains(e)) {
                return new Outcome.Refused(Outcome.Refusal.INVALID, workflow.board() + " has no event '" + e + "'. Its events are "
                        + String.join(", ", workflow.events()) + ".");
            }
        }
        return inTransaction(null, session -> {
            var before = access.rightsOf(session, Actor.staff("-", role)).on(workflowId);
            session.createNativeMutationQuery("DELETE FROM role_right WHERE role = ?1 AND workflow_id = ?2")
                    .setParameter(1, role.name()).setParameter(2, workflowId).executeUpdate();
            session.createNativeMutationQuery("INSERT INTO role_right (role, workflow_id, can_view, can_create, can_edit, events) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, role.name()).setParameter(2, workflowId).setParameter(3, rights.view())
                    .setParameter(4, rights.create()).setParameter(5, rights.edit()).setParameter(6, rights.eventsText())
                    .executeUpdate();
            audit.append(session, new AuditRecord(clock.instant(), actor.auditName(), AuditAction.ROLE_RIGHTS_CHANGED, workflowId,
                    null, null, null, null, null, role.label() + " on " + workflow.board() + ": " + describe(before)
                    + " \u2192 " + describe(rights)));
            return new Outcome.Done(0, "", 0, role.label() + " on " + workflow.board() + " now: " + describe(rights) + ".");
        });
    }

    private static String describe(network.higherself.console.staff.WorkflowRights r) {
        List<String> parts = new java.util.ArrayList<>();
        if (r.view()) {
            parts.add("view");
        }
        if (r.create()) {
            parts.add("create");
        }
        if (r.edit()) {
            parts.add("edit");
        }
        parts.add(r.allEvents() ? "all events" : r.events().isEmpty() ? "no events" : "events " + r.eventsText());
        return String.join(", ", parts);
    }

    private void auditGrant(Session session, PermissionRequest p, String what, boolean granted, Actor actor, Instant now) {
        String whom = p.getRequester() == null ? "?" : p.getRequester().getUsername();
        audit.append(session, new AuditRecord(now, actor.auditName(),
                granted ? AuditAction.PERMISSION_GRANTED : AuditAction.PERMISSION_REVOKED, p.workflowId(), p.getId(),
                null, null, null, null, (granted ? "granted to " : "removed from ") + whom + ": " + what));
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
            Transaction failed = tx;
            throw StoreFailures.explain(e, () -> rollback(failed)); // a read-only or full disk: a sentence, not H2's words
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

    /** A move as its hooks see it; created only inside {@link #move}'s transaction. */
    private final class HookContext implements MoveContext {
        private final Session session;
        private final Workflow workflow;
        private final Card card;
        private final Transition transition;
        private final Actor actor;
        private final Instant now;
        private final List<Runnable> afterCommit;

        HookContext(Session session, Workflow workflow, Card card, Transition transition, Actor actor, Instant now,
                    List<Runnable> afterCommit) {
            this.session = session;
            this.workflow = workflow;
            this.card = card;
            this.transition = transition;
            this.actor = actor;
            this.now = now;
            this.afterCommit = afterCommit;
        }

        @Override
        public Session session() {
            return session;
        }

        @Override
        public Workflow workflow() {
            return workflow;
        }

        @Override
        public Card card() {
            return card;
        }

        @Override
        public Transition transition() {
            return transition;
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void audit(AuditRecord record) {
            audit.append(session, record);
        }

        @Override
        public Outcome.Done create(String workflowId, String title, Actor creator, CardChange fields) {
            Outcome o = createIn(session, workflows.get(workflowId), title, creator, fields);
            if (o instanceof Outcome.Refused r) {
                throw new RefusedException(r);
            }
            return (Outcome.Done) o;
        }

        @Override
        public RuntimeException refuse(Outcome.Refusal reason, String message) {
            throw new RefusedException(new Outcome.Refused(reason, message));
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(Objects.requireNonNull(action));
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
