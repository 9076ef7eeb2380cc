package network.higherself.console.ui.access;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.CardService;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.store.PermissionQueries;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Labels;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asking for access and reviewing requests: a staff member's request becomes a card on the Staff permissions
 * board (logged straight into the managers' review); managers see the requests waiting for them and approve
 * them or ask for more information. Everything goes through the card service, which checks the rights and the
 * four-eyes rule.
 */
public final class AccessViewModel {

    private final CardService cards;
    private final PermissionQueries queries;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final ObservableList<PermissionQueries.Waiting> waiting = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public AccessViewModel(CardService cards, PermissionQueries queries, BackgroundExecutor executor, Supplier<Actor> actor) {
        this.cards = cards;
        this.queries = queries;
        this.executor = executor;
        this.actor = actor;
    }

    /** The requests waiting for a manager's review. */
    public ObservableList<PermissionQueries.Waiting> waiting() {
        return waiting;
    }

    /** The last thing the review said (a refusal, a success). */
    public StringProperty messageProperty() {
        return message;
    }

    public void loadQueue(Runnable then) {
        executor.run(queries::waitingForReview, rows -> {
            waiting.setAll(rows);
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
     * Makes a permission request for the acting person and logs it for review. {@code done} gets the outcome
     * (refused with the service's sentence when something is wrong, e.g. a scope that is not one); {@code failed}
     * what went wrong if it could not be saved at all.
     */
    public void requestAccess(long requesterId, Role role, String scopes, String justification, Consumer<Outcome> done,
                              Consumer<Throwable> failed) {
        Actor me = actor.get();
        String what = role != null ? "role " + role.label().toLowerCase() : scopes == null ? "" : scopes.strip();
        String title = "Access for " + me.name() + ": " + Labels.cut(what, 120);
        executor.run(() -> {
            Outcome created = cards.create(PermissionRequest.WORKFLOW, title, me, FieldValues.NONE
                    .withValue(PermissionRequest.STAFF_MEMBER, requesterId).with(PermissionRequest.REQUESTED_ROLE, role)
                    .with(PermissionRequest.REQUESTED_SCOPES, scopes).with(PermissionRequest.JUSTIFICATION, justification));
            if (!(created instanceof Outcome.Done d)) {
                return created;
            }
            return cards.move(MoveRequest.byEvent(d.cardId(), PermissionRequest.LOG_EVENT, me)
                    .withNote("Asked from the console"));
        }, done, failed);
    }
}
