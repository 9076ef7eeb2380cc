package network.higherself.console.ui.access;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.CardService;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.PermissionQueries;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.WorkflowCatalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asking for access and reviewing requests: a staff member's request becomes a card on the Staff permissions
 * board (logged straight into the managers' review); managers see the requests waiting for them, oldest first, and
 * approve them or ask for more information. Everything goes through the card service, which checks the rights and the
 * four-eyes rule; the queue asks the same service beforehand (without writing) whether an approval would go, so that
 * it offers "Approve" only where it will, and says why not elsewhere.
 */
public final class AccessViewModel {

    private final CardService cards;
    private final WorkflowCatalog workflows;
    private final PermissionQueries queries;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final ObservableList<PermissionQueries.Waiting> waiting = FXCollections.observableArrayList();
    /** Why the acting person may not approve a waiting request (by its id); absent where an approval would go. */
    private final ObservableMap<Long, String> noApproval = FXCollections.observableHashMap();
    private final ObjectProperty<PermissionQueries.Waiting> selected = new SimpleObjectProperty<>();
    private final StringBinding whyNotApprove;
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper();

    public AccessViewModel(CardService cards, WorkflowCatalog workflows, PermissionQueries queries, BackgroundExecutor executor,
                           Supplier<Actor> actor) {
        this.cards = cards;
        this.workflows = workflows;
        this.queries = queries;
        this.executor = executor;
        this.actor = actor;
        whyNotApprove = Bindings.createStringBinding(() -> selected.get() == null ? ""
                : noApproval.getOrDefault(selected.get().id(), ""), selected, noApproval);
    }

    /** The boards, for the access form's pickers. */
    public WorkflowCatalog workflows() {
        return workflows;
    }

    /** How many requests wait for a manager's review (the sidebar's badge); read by {@link #countWaiting()}. */
    public ReadOnlyIntegerProperty waitingCountProperty() {
        return waitingCount.getReadOnlyProperty();
    }

    /** Counts the requests waiting for review again, in the background (after a request, a decision, a sync). */
    public void countWaiting() {
        executor.run(() -> queries.waitingForReview().size(), waitingCount::set,
                e -> message.set("The review queue could not be read: " + e.getMessage()));
    }

    /** The request the review queue has selected. */
    public ObjectProperty<PermissionQueries.Waiting> selectedProperty() {
        return selected;
    }

    /**
     * Why the acting person may not approve the selected request, in the pipeline's own words (their own request:
     * four eyes; not a manager); empty when "Approve" will go, or nothing is selected.
     */
    public StringBinding whyNotApproveProperty() {
        return whyNotApprove;
    }

    /** A request's rights in people's words ("Move cards on Wellness bookings via “Payment received”"). */
    public String rightsInWords(PermissionQueries.Waiting request) {
        return AskedRight.words(request.requestedScopes(), workflows);
    }

    /** The requests waiting for a manager's review. */
    public ObservableList<PermissionQueries.Waiting> waiting() {
        return waiting;
    }

    /** The last thing the review said (a refusal, a success). */
    public StringProperty messageProperty() {
        return message;
    }

    /**
     * Reads the queue (oldest first) and, for each request, whether the acting person's approval would go; selects
     * the oldest request, then runs {@code then}.
     */
    public void loadQueue(Runnable then) {
        Actor me = actor.get();
        executor.run(() -> {
            List<PermissionQueries.Waiting> rows = queries.waitingForReview();
            Map<Long, String> refused = new HashMap<>();
            for (PermissionQueries.Waiting r : rows) {
                cards.check(r.id(), me).stream()
                        .filter(c -> c.transition().event().equals(PermissionRequest.APPROVE_EVENT) && !c.isOpen())
                        .findFirst().ifPresent(c -> refused.put(r.id(), c.reason()));
            }
            return Map.entry(rows, refused);
        }, read -> {
            noApproval.clear();
            noApproval.putAll(read.getValue());
            waiting.setAll(read.getKey());
            waitingCount.set(read.getKey().size());
            selected.set(waiting.isEmpty() ? null : waiting.get(0));
            then.run();
        }, e -> message.set("The review queue could not be read: " + e.getMessage()));
    }

    public void approve(PermissionQueries.Waiting request, Runnable then) {
        decide(MoveRequest.byEvent(request.id(), PermissionRequest.APPROVE_EVENT, actor.get()).expecting(request.version()),
                "Approved: " + request.title(), then);
    }

    public void askForMore(PermissionQueries.Waiting request, String question, Runnable then) {
        if (question == null || question.isBlank()) {
            message.set("Say what you need to know: the question goes back to " + request.requester() + ".");
            return;
        }
        decide(MoveRequest.byEvent(request.id(), PermissionRequest.ASK_MORE_EVENT, actor.get()).expecting(request.version())
                .withNote(question), "Sent back to " + request.requester() + " with your question.", then);
    }

    private void decide(MoveRequest move, String done, Runnable then) {
        executor.run(() -> cards.move(move), outcome -> {
            message.set(outcome.isDone() ? done : outcome.message());
            loadQueue(then);
        }, e -> message.set("The decision could not be saved: " + e.getMessage()));
    }

    /**
     * What came of a request: the service's outcome, and, once made, whether its requester may follow it on the Staff
     * permissions board (may view that board).
     */
    public record Sent(Outcome outcome, boolean onBoard) {
    }

    /**
     * Makes a permission request for the acting person and logs it for review. {@code done} gets the outcome
     * (refused with the service's sentence when something is wrong, e.g. a scope that is not one); {@code failed}
     * what went wrong if it could not be saved at all.
     */
    public void requestAccess(long requesterId, Role role, String scopes, String justification, Consumer<Sent> done,
                              Consumer<Throwable> failed) {
        Actor me = actor.get();
        String rights = AskedRight.words(scopes, workflows);
        String what = role == null ? rights : rights.isEmpty() ? "role " + role.label() : "role " + role.label() + "; " + rights;
        String title = "Access for " + me.name() + ": " + Labels.cut(what, 120);
        executor.run(() -> {
            Outcome created = cards.create(PermissionRequest.WORKFLOW, title, me, FieldValues.NONE
                    .withValue(PermissionRequest.STAFF_MEMBER, requesterId).with(PermissionRequest.REQUESTED_ROLE, role)
                    .with(PermissionRequest.REQUESTED_SCOPES, scopes).with(PermissionRequest.JUSTIFICATION, justification));
            if (!(created instanceof Outcome.Done d)) {
                return new Sent(created, false);
            }
            Outcome logged = cards.move(MoveRequest.byEvent(d.cardId(), PermissionRequest.LOG_EVENT, me)
                    .withNote("Asked from the console"));
            return new Sent(logged, cards.rightsOf(me).on(PermissionRequest.WORKFLOW).view());
        }, sent -> {
            countWaiting();
            done.accept(sent);
        }, failed);
    }
}
