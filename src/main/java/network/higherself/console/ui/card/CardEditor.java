package network.higherself.console.ui.card;

import javafx.scene.control.Dialog;
import javafx.stage.Window;
import network.higherself.console.app.Services;
import network.higherself.console.staff.Actor;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;

import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Where the boards open a card's form: {@link #open} for an existing card, {@link #create} for a new one. Both
 * return at once with the dialog showing; the card is read and written on the background executor, through the
 * enforcement point, as {@code actor} (asked at the moment of saving).
 */
public final class CardEditor {

    private final Services services;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final CardFormStore store;

    public CardEditor(Services services, BackgroundExecutor executor, Supplier<Actor> actor) {
        this.services = Objects.requireNonNull(services);
        this.executor = Objects.requireNonNull(executor);
        this.actor = Objects.requireNonNull(actor);
        this.store = new CardFormStore(services.database().sessionFactory(), services.cards(), services.workflows());
    }

    /**
     * Shows the form of card {@code cardId}; {@code onSaved} runs (on the JavaFX thread) once a change is saved,
     * e.g. to refresh the board. Closing without saving runs nothing.
     */
    public Dialog<Long> open(Window owner, long cardId, Runnable onSaved) {
        Objects.requireNonNull(onSaved);
        CardDetailsViewModel model = CardDetailsViewModel.edit(store, executor, services.workflows(), actor,
                services.clock().getZone(), cardId);
        return show(owner, model, id -> onSaved.run());
    }

    /** Shows the form of a new card of {@code workflow}; {@code onCreated} gets its id once it is created. */
    public Dialog<Long> create(Window owner, Workflow workflow, LongConsumer onCreated) {
        Objects.requireNonNull(onCreated);
        CardDetailsViewModel model = CardDetailsViewModel.create(store, executor, services.workflows(), workflow, actor,
                services.clock().getZone());
        return show(owner, model, onCreated);
    }

    private static Dialog<Long> show(Window owner, CardDetailsViewModel model, LongConsumer onDone) {
        Dialog<Long> dialog = new CardDetailsView(model).dialog(owner, onDone);
        model.load();
        dialog.show();
        return dialog;
    }
}
