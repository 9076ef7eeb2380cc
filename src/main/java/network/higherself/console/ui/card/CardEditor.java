package network.higherself.console.ui.card;

import javafx.scene.control.Dialog;
import javafx.stage.Window;
import network.higherself.console.cardform.CardForms;
import network.higherself.console.staff.Actor;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Where the boards open a card's form: {@link #open} for an existing card, {@link #create} for a new one. Both
 * return at once with the dialog showing; the card is read and written on the background executor, through the
 * enforcement point, as {@code actor} (asked at the moment of saving or ticking a task of its checklist).
 */
public final class CardEditor implements CardOpener {

    private final CardForms store;
    private final ChecklistStore checklists;
    private final WorkflowCatalog workflows;
    private final ZoneId zone;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;

    /** {@code checklists}: where a card's checklist is read and ticked ({@link ChecklistStore#of} the agents' tasks). */
    public CardEditor(CardForms store, ChecklistStore checklists, WorkflowCatalog workflows, ZoneId zone,
                      BackgroundExecutor executor, Supplier<Actor> actor) {
        this.store = Objects.requireNonNull(store);
        this.checklists = Objects.requireNonNull(checklists);
        this.workflows = Objects.requireNonNull(workflows);
        this.zone = Objects.requireNonNull(zone);
        this.executor = Objects.requireNonNull(executor);
        this.actor = Objects.requireNonNull(actor);
    }

    /** The board's way in: the card's form; the board refreshes once a change is saved. */
    @Override
    public void open(Window owner, long cardId, Runnable then) {
        openCard(owner, cardId, then);
    }

    /** The board's way in: the form of a new card; the board refreshes once it is created. */
    @Override
    public void create(Window owner, Workflow workflow, Runnable then) {
        createCard(owner, workflow, id -> then.run());
    }

    /**
     * Shows the form of card {@code cardId}; {@code onSaved} runs (on the JavaFX thread) once a change is saved,
     * e.g. to refresh the board, or as the form closes when a task of its checklist was ticked meanwhile. Closing
     * without either runs nothing.
     */
    public Dialog<Long> openCard(Window owner, long cardId, Runnable onSaved) {
        Objects.requireNonNull(onSaved);
        CardDetailsViewModel model = CardDetailsViewModel.edit(store, checklists, executor, workflows, actor, zone, cardId);
        boolean[] saved = new boolean[1];
        Dialog<Long> dialog = show(owner, model, id -> {
            saved[0] = true;
            onSaved.run();
        });
        dialog.setOnHidden(e -> {
            if (!saved[0] && model.checklistChanged()) {
                onSaved.run();
            }
        });
        return dialog;
    }

    /** Shows the form of a new card of {@code workflow}; {@code onCreated} gets its id once it is created. */
    public Dialog<Long> createCard(Window owner, Workflow workflow, LongConsumer onCreated) {
        Objects.requireNonNull(onCreated);
        CardDetailsViewModel model = CardDetailsViewModel.create(store, executor, workflows, workflow, actor, zone);
        return show(owner, model, onCreated);
    }

    private static Dialog<Long> show(Window owner, CardDetailsViewModel model, LongConsumer onDone) {
        Dialog<Long> dialog = new CardDetailsView(model).dialog(owner, onDone);
        model.load();
        dialog.show();
        return dialog;
    }
}
