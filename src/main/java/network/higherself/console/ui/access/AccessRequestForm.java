package network.higherself.console.ui.access;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Role;

import java.util.function.Consumer;

/**
 * The "Ask for access" form: a role or the rights asked for, why, and what the console said about it. Sending
 * checks that the form says enough, then makes the request through {@link AccessViewModel} in the background.
 */
public final class AccessRequestForm {

    private final AccessViewModel access;
    private final long requesterId;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>();
    private final StringProperty scopes = new SimpleStringProperty("");
    private final StringProperty justification = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sent = new ReadOnlyBooleanWrapper();

    /** The form of the staff member {@code requesterId} (the acting person). */
    public AccessRequestForm(AccessViewModel access, long requesterId) {
        this.access = access;
        this.requesterId = requesterId;
    }

    /** The role asked for; none when only rights are asked for. */
    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** The rights asked for, one per line: "view WF-CONSULT", "fire payment_received on WF-WELL-BOOK"... */
    public StringProperty scopesProperty() {
        return scopes;
    }

    public StringProperty justificationProperty() {
        return justification;
    }

    /** What is missing, what the service refused, or that the request is on its way. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The request is made and logged for review. */
    public ReadOnlyBooleanProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    /** Sends the request if the form says enough; {@code onSent} gets the outcome once it is logged. */
    public void send(Consumer<Outcome> onSent) {
        if (sent.get()) {
            return;
        }
        String asked = scopes.get() == null ? "" : scopes.get();
        String why = justification.get() == null ? "" : justification.get();
        if (role.get() == null && asked.isBlank()) {
            message.set("Choose a role or write the rights you need.");
            return;
        }
        if (why.isBlank()) {
            message.set("Say why you need it: the manager decides on that.");
            return;
        }
        message.set("Sending\u2026");
        access.requestAccess(requesterId, role.get(), asked, why, outcome -> {
            if (outcome.isDone()) {
                sent.set(true);
                onSent.accept(outcome);
            } else {
                message.set(outcome.message());
            }
        }, e -> message.set("The request could not be saved: " + e.getMessage()));
    }
}
