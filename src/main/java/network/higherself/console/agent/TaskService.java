package network.higherself.console.agent;

import jakarta.persistence.OptimisticLockException;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.AuditTrail;
import network.higherself.console.card.Card;
import network.higherself.console.move.AccessControl;
import network.higherself.console.move.MoveContext;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.sync.Outbox;
import network.higherself.console.sync.OutboxEvent;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agents' checklists: made when a card enters a state that has one (inside that move's transaction, see
 * {@link AgentHooks}), listed and ticked by people. A tick needs the right to edit the card's board, is only
 * possible while the card is in the checklist's state, and is audited on the card and put in the sync outbox (kind
 * {@value #OUTBOX_KIND}) in the same transaction.
 * <p>
 * Making a checklist is not put in the outbox: the hook makes it inside the move's transaction, so a desktop that
 * replays the MOVE runs the same hook and makes the same checklist (a second copy would only collide with it).
 */
public final class TaskService {

    private final SessionFactory sessionFactory;
    private final WorkflowCatalog workflows;
    private final AccessControl access;
    private final Clock clock;
    private final List<Checklist> checklists;
    private final AuditTrail audit = new AuditTrail();
    private final Outbox outbox = new Outbox();
    /** The outbox kind of a tick (or an untick): its payload names the task's kind, the done flag, who and when. */
    public static final String OUTBOX_KIND = "TASK";

    public TaskService(SessionFactory sessionFactory, WorkflowCatalog workflows, AccessControl access, Clock clock,
                       List<Checklist> checklists) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory);
        this.workflows = Objects.requireNonNull(workflows);
        this.access = Objects.requireNonNull(access);
        this.clock = Objects.requireNonNull(clock);
        this.checklists = List.copyOf(checklists);
    }

    public List<Checklist> checklists() {
        return checklists;
    }

    /** The card's checklist in order (empty when it has none). */
    public List<TaskItem> tasksOf(long cardId) {
        return sessionFactory.fromSession(s -> tasks(s, cardId).stream().map(TaskItem::of).toList());
    }

    /**
     * The card's checklist as {@code actor} sees it: whether it is still open and whether they may tick it (the same
     * checks as {@link #tick}); empty when the card has none.
     */
    public Optional<CardChecklist> checklistOf(long cardId, Actor actor) {
        return sessionFactory.fromSession(s -> {
            List<AgentTask> tasks = tasks(s, cardId);
            Card card = s.find(Card.class, cardId);
            if (tasks.isEmpty() || card == null) {
                return Optional.empty();
            }
            Workflow workflow = workflows.get(card.workflowId());
            String kind = tasks.get(0).getKind();
            String state = checklists.stream().filter(c -> c.workflowId().equals(card.workflowId())
                            && c.items().stream().anyMatch(i -> i.kind().equals(kind)))
                    .map(Checklist::state).findFirst().orElse("");
            String forbidden = access.checkEdit(s, actor, workflow, card.getState()).orElse(null);
            return Optional.of(new CardChecklist(cardId, state, card.getState(), tasks.get(0).getCreatedBy(), forbidden,
                    tasks.stream().map(TaskItem::of).toList()));
        });
    }

    /** The titles of the card's open required tasks. */
    public List<String> openRequired(long cardId) {
        return sessionFactory.fromSession(s -> openRequired(s, cardId));
    }

    /**
     * Ticks a task ({@code done} true) or opens it again (false), as {@code actor}. Refused when the actor may not
     * edit the card, or the card has left the checklist's state (the checklist is then closed).
     */
    public Outcome tick(long taskId, boolean done, Actor actor) {
        return tick(null, taskId, done, actor);
    }

    /**
     * A tick another desktop made (sync), of the task of kind {@code taskKind} on card {@code cardId}: the same checks
     * as one made here (the person's right, the checklist open in the card's state), audited here, not put in the
     * outbox (the server has it).
     */
    public Outcome replayTick(long cardId, String taskKind, boolean done, Actor actor) {
        return tick(new String[]{taskKind}, cardId, done, actor);
    }

    /** {@code replayKind} null: task {@code id} ticked here; else the task of that kind on card {@code id}, replayed. */
    private Outcome tick(String[] replayKind, long id, boolean done, Actor actor) {
        Session session = sessionFactory.openSession();
        Transaction tx = null;
        try {
            tx = session.beginTransaction();
            Long taskId = replayKind == null ? Long.valueOf(id) : tasks(session, id).stream()
                    .filter(t -> t.getKind().equals(replayKind[0])).map(AgentTask::getId).findFirst().orElse(null);
            Outcome o = taskId == null ? new Outcome.Refused(Outcome.Refusal.NOT_FOUND, "The card has no task '"
                    + replayKind[0] + "' here.") : tick(session, taskId, done, actor, replayKind == null);
            if (o.isDone()) {
                tx.commit();
            } else {
                tx.rollback();
            }
            return o;
        } catch (OptimisticLockException | StaleStateException e) {
            rollback(tx);
            return new Outcome.Refused(Outcome.Refusal.CONFLICT, "Someone else ticked this task at the same moment: look at the checklist again.");
        } catch (RuntimeException e) {
            rollback(tx);
            throw e;
        } finally {
            session.close();
        }
    }

    private Outcome tick(Session session, long taskId, boolean done, Actor actor, boolean toOutbox) {
        AgentTask task = session.find(AgentTask.class, taskId);
        if (task == null) {
            return new Outcome.Refused(Outcome.Refusal.NOT_FOUND, "There is no task #" + taskId + ".");
        }
        Card card = session.find(Card.class, task.getCardId());
        Workflow workflow = workflows.get(card.workflowId());
        Optional<String> forbidden = access.checkEdit(session, actor, workflow, card.getState());
        if (forbidden.isPresent()) {
            return new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
        }
        boolean open = checklists.stream().anyMatch(c -> c.workflowId().equals(card.workflowId()) && c.state().equals(card.getState()));
        if (!open) {
            return new Outcome.Refused(Outcome.Refusal.ILLEGAL_MOVE, Labels.withArticle(card.kindLabel()) + " '" + card.getTitle()
                    + "' is in " + workflow.stateLabel(card.getState()) + " now: its checklist is closed.");
        }
        if (task.isDone() == done) {
            return new Outcome.Done(card.getId(), card.getState(), card.getVersion(), "Nothing changed.");
        }
        Instant now = clock.instant();
        task.mark(done, actor.auditName(), now);
        session.flush();
        audit.append(session, new AuditRecord(now, actor.auditName(), done ? AuditAction.TASK_DONE : AuditAction.TASK_REOPENED,
                card.workflowId(), card.getId(), null, null, null, task.getTitle(), null));
        // the card itself is unchanged: its version is the base a replaying desktop checks the tick against
        if (toOutbox) {
            outbox.append(session, OutboxEvent.of(now, OUTBOX_KIND, card.workflowId(), card.getId(), card.getVersion(),
                    null, null, null, actor.auditName(), payload(task.getKind(), done, actor.auditName(), now)));
        }
        long left = tasks(session, card.getId()).stream().filter(t -> t.isRequired() && !t.isDone()).count();
        return new Outcome.Done(card.getId(), card.getState(), card.getVersion(), "'" + task.getTitle() + "' is "
                + (done ? "done" : "open again") + "; " + (left == 0 ? "nothing required is open." : left + " required "
                + (left == 1 ? "task is" : "tasks are") + " open."));
    }

    // ------------------------------------------------------------------ for the hooks, in a move's transaction

    /** The checklist whose open tasks block {@code event} from {@code from} on that workflow. */
    Optional<Checklist> blocking(String workflowId, String from, String event) {
        return checklists.stream().filter(c -> c.workflowId().equals(workflowId) && c.state().equals(from)
                && c.blocksEvent().equals(event)).findFirst();
    }

    /** The checklist made when a card of that workflow enters {@code state}. */
    Optional<Checklist> madeOnEntering(String workflowId, String state) {
        return checklists.stream().filter(c -> c.workflowId().equals(workflowId) && c.state().equals(state)).findFirst();
    }

    List<String> openRequired(Session session, long cardId) {
        return session.createSelectionQuery("select t.title from AgentTask t where t.cardId = :card and t.required "
                        + "and t.doneAt is null order by t.position", String.class)
                .setParameter("card", cardId).getResultList();
    }

    /**
     * Makes the card's checklist as the agent responsible for its state, unless it already has one (a card that
     * comes back keeps what was ticked). Audited on the card.
     */
    void make(MoveContext context, Checklist checklist) {
        make(context.session(), context.workflow(), context.card(), checklist, context.now(), context::audit);
    }

    /**
     * Makes the checklists that are missing: of cards that are in a checklist's state without one (they got there
     * before the console had checklists). Each in its own transaction, audited; returns the cards' ids.
     */
    public List<Long> makeMissing() {
        List<Long> made = new ArrayList<>();
        for (Checklist c : checklists) {
            List<Long> ids = sessionFactory.fromSession(s -> s.createNativeQuery("SELECT c.id FROM card c WHERE c.workflow_id = ?1 "
                            + "AND c.state = ?2 AND NOT EXISTS (SELECT 1 FROM agent_task t WHERE t.card_id = c.id) ORDER BY c.id", Long.class)
                    .setParameter(1, c.workflowId()).setParameter(2, c.state()).getResultList());
            for (Long id : ids) {
                boolean done = sessionFactory.fromTransaction(s -> {
                    Card card = s.find(Card.class, id);
                    if (card == null || !card.getState().equals(c.state())) {
                        return false;
                    }
                    return make(s, workflows.get(c.workflowId()), card, c, clock.instant(), r -> audit.append(s, r));
                });
                if (done) {
                    made.add(id);
                }
            }
        }
        return made;
    }

    private static boolean make(Session session, Workflow workflow, Card card, Checklist checklist, Instant now,
                                java.util.function.Consumer<AuditRecord> audit) {
        if (!tasks(session, card.getId()).isEmpty()) {
            return false;
        }
        Actor agent = Agents.responsibleFor(workflow, checklist.state());
        List<String> titles = new ArrayList<>();
        int position = 0;
        for (Checklist.Item item : checklist.items()) {
            AgentTask t = new AgentTask(card.getId(), item.kind(), item.title().apply(card), item.required(), position++,
                    agent.auditName(), now);
            session.persist(t);
            titles.add(t.getTitle());
        }
        session.flush();
        audit.accept(new AuditRecord(now, agent.auditName(), AuditAction.TASKS_CREATED, card.workflowId(),
                card.getId(), null, null, null, "Checklist for " + checklist.state() + " (" + titles.size() + " tasks)",
                String.join("\n", titles)));
        return true;
    }

    private static List<AgentTask> tasks(Session session, long cardId) {
        return session.createSelectionQuery("from AgentTask t where t.cardId = :card order by t.position", AgentTask.class)
                .setParameter("card", cardId).getResultList();
    }

    private static Map<String, Object> payload(String kind, boolean done, String actor, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("task", kind);
        p.put("done", done);
        p.put("actor", actor);
        p.put("at", at.toString());
        return p;
    }

    private static void rollback(Transaction tx) {
        if (tx != null && tx.isActive()) {
            tx.rollback();
        }
    }
}
