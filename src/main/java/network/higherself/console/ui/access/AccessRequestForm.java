package network.higherself.console.ui.access;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.card.FieldProblem;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.card.FormCheck;
import network.higherself.console.workflow.Workflow;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The "Ask for access" form: a role, or a right on a board picked from lists (the board by its name, what to do
 * there, and for a move the event by its label), why, and what the console said about it. Until the form says
 * enough, {@link #missingProperty()} says what is missing and {@link #sendTextProperty()} puts it on the send button;
 * sending makes the request through {@link AccessViewModel} in the background, and then says where to follow it.
 */
public final class AccessRequestForm {

    /** The send button's text once the form says enough. */
    public static final String SEND = "Send request";
    /** The send button's text once the request is sent: the dialog closes. */
    public static final String CLOSE = "Close";

    private final AccessViewModel access;
    private final long requesterId;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>();
    private final ObjectProperty<Workflow> board = new SimpleObjectProperty<>();
    private final ObjectProperty<AskedRight.Kind> right = new SimpleObjectProperty<>();
    private final ObjectProperty<String> event = new SimpleObjectProperty<>();
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final StringProperty justification = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sent = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    /** What is missing: [the sentence, the send button's words]; both empty once the form says enough. */
    private final StringBinding missing;
    private final StringBinding sendText;
    private final StringBinding summary;

    /** The form of the staff member {@code requesterId} (the acting person). */
    public AccessRequestForm(AccessViewModel access, long requesterId) {
        this.access = access;
        this.requesterId = requesterId;
        board.addListener((o, was, now) -> {
            event.set(null);
            events.setAll(now == null ? List.of() : List.copyOf(now.events()));
            if (now == null) {
                right.set(null);
            }
        });
        right.addListener((o, was, now) -> {
            if (now != AskedRight.Kind.MOVE) {
                event.set(null);
            }
        });
        // a refusal said about what was picked goes once the person changes it
        javafx.beans.InvalidationListener stale = o -> {
            if (!sent.get() && !sending.get()) {
                message.set("");
            }
        };
        for (javafx.beans.Observable input : List.of(role, board, right, event, justification)) {
            input.addListener(stale);
        }
        missing = Bindings.createStringBinding(() -> missing()[0], role, board, right, event, justification);
        summary = Bindings.createStringBinding(() -> {
            if (!missing.get().isEmpty()) {
                return "";
            }
            AskedRight r = asked();
            String what = role.get() == null ? r.words() : r == null ? "the role " + role.get().label()
                    : "the role " + role.get().label() + ", and to " + Character.toLowerCase(r.words().charAt(0))
                    + r.words().substring(1);
            return "You ask for: " + what + ".";
        }, missing);
        sendText = Bindings.createStringBinding(() -> sent.get() ? CLOSE : missing.get().isEmpty() ? SEND : missing()[1],
                missing, sent);
    }

    /** Every board, in the sidebar's order, for the board picker (one may ask for a board one cannot see yet). */
    public List<Workflow> boards() {
        return access.workflows().all();
    }

    /** The role asked for; none when only a right on a board is asked for. */
    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** The board a right is asked on; none when only a role is asked for. */
    public ObjectProperty<Workflow> boardProperty() {
        return board;
    }

    /** What the person asks to do on the board. */
    public ObjectProperty<AskedRight.Kind> rightProperty() {
        return right;
    }

    /** For a move: the event asked for (its id; the picker shows its label). */
    public ObjectProperty<String> eventProperty() {
        return event;
    }

    /** The events of the board picked, in the workflow's order, for the event picker. */
    public ObservableList<String> events() {
        return events;
    }

    public StringProperty justificationProperty() {
        return justification;
    }

    /** What the form still needs, as a sentence; empty once it says enough. */
    public StringBinding missingProperty() {
        return missing;
    }

    /** What the request asks, in words, once the form says enough ("You ask for: …"); else empty. */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** The send button's words: "Send request", what is missing in a few words, or "Close" once sent. */
    public StringBinding sendTextProperty() {
        return sendText;
    }

    /** What the service refused, that the request is on its way, or where to follow it once sent. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The request is made and logged for review. */
    public ReadOnlyBooleanProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    /** The request is on its way to the database. */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** The right asked for, once board, right (and for a move, the event) are picked; else null. */
    public AskedRight asked() {
        Workflow b = board.get();
        AskedRight.Kind k = right.get();
        if (b == null || k == null || k == AskedRight.Kind.MOVE && event.get() == null) {
            return null;
        }
        return new AskedRight(b, k, k == AskedRight.Kind.MOVE ? event.get() : null);
    }

    /** [what is missing as a sentence, the same in a few words for the button]; empty strings when nothing is. */
    private String[] missing() {
        Workflow b = board.get();
        AskedRight.Kind k = right.get();
        if (role.get() == null && b == null) {
            return new String[]{"Choose a role, or a board and the right you need on it.", "Choose what you need"};
        }
        if (b != null && k == null) {
            return new String[]{"Choose what you need to do on " + b.board() + ".", "Choose the right"};
        }
        if (b != null && k == AskedRight.Kind.MOVE && event.get() == null) {
            return new String[]{"Choose the event you need to move " + b.board() + " cards with.", "Choose the event"};
        }
        String why = justification.get() == null ? "" : justification.get();
        if (why.isBlank()) {
            return new String[]{"Say why you need it: the manager decides on that.", "Say why"};
        }
        // the request's own checks, as the card form runs them while one types: its length, control characters
        String problem = FormCheck.problems(PermissionRequest.WORKFLOW, Map.of(PermissionRequest.JUSTIFICATION.key(), why))
                .stream().filter(p -> p.field() == PermissionRequest.JUSTIFICATION).map(FieldProblem::sentence)
                .findFirst().orElse(null);
        if (problem != null) {
            return new String[]{problem, "Shorten the justification"};
        }
        return new String[]{"", ""};
    }

    /** Sends the request if the form says enough; {@code onSent} gets the outcome once it is logged. */
    public void send(Consumer<Outcome> onSent) {
        if (sent.get() || sending.get()) {
            return;
        }
        if (!missing.get().isEmpty()) {
            message.set(missing.get());
            return;
        }
        AskedRight asked = asked();
        message.set("Sending\u2026");
        sending.set(true);
        access.requestAccess(requesterId, role.get(), asked == null ? null : asked.scope(), justification.get(), result -> {
            sending.set(false);
            Outcome outcome = result.outcome();
            if (outcome.isDone()) {
                sent.set(true);
                Workflow requests = access.workflows().get(PermissionRequest.WORKFLOW);
                message.set("Your request is sent: a manager decides it in \u201cReview requests\u201d. " + (result.onBoard()
                        ? "Follow it on the " + requests.board() + " board, where it waits in "
                        + requests.stateLabel(PermissionRequest.REVIEW_STATE) + "."
                        : "A manager can tell you how it stands."));
                onSent.accept(outcome);
            } else {
                message.set(outcome.message());
            }
        }, e -> {
            sending.set(false);
            message.set("The request could not be saved: " + e.getMessage());
        });
    }
}
