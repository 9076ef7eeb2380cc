package network.higherself.console.ui.board;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.higherself.console.store.ColumnLimit;
import network.higherself.console.workflow.State;

/** One column of a board: its state, how many cards match, its limit, and whether a dragged card may land here. */
public final class ColumnViewModel {

    /**
     * How a column looks while a card is dragged: {@code LIT}, the card may go there; {@code LOCKED}, the person may
     * move it there but a guard (or the column's hard limit) will refuse it now ({@link #lockReasonProperty} says
     * why); {@code DIMMED}, no event leads there that the person may fire; {@code HOME}, the card's own column.
     */
    public enum DropLook { NONE, LIT, LOCKED, DIMMED, HOME }

    private final State state;
    private final String agent;
    private final boolean isFinal;
    private final PagedCards cards;
    private final LongProperty count = new SimpleLongProperty();
    private final ObjectProperty<ColumnLimit> limit = new SimpleObjectProperty<>();
    private final ObjectProperty<DropLook> dropLook = new SimpleObjectProperty<>(DropLook.NONE);
    private final StringProperty lockReason = new SimpleStringProperty();
    private final BooleanBinding overSoftLimit;
    private final BooleanBinding atLimit;

    ColumnViewModel(State state, String agent, boolean isFinal, PagedCards.Loader loader) {
        this.state = state;
        this.agent = agent;
        this.isFinal = isFinal;
        this.cards = new PagedCards(loader);
        this.overSoftLimit = Bindings.createBooleanBinding(
                () -> limit.get() != null && count.get() > limit.get().maxCards(), limit, count);
        this.atLimit = Bindings.createBooleanBinding(
                () -> limit.get() != null && count.get() >= limit.get().maxCards(), limit, count);
    }

    public State state() {
        return state;
    }

    public String stateId() {
        return state.id();
    }

    /** The agent responsible for this column, as the board names it ("Solari (Booking Agent)"), or "". */
    public String agent() {
        return agent;
    }

    public boolean isFinal() {
        return isFinal;
    }

    /** The column's cards, fetched page by page as they are shown. */
    public PagedCards cards() {
        return cards;
    }

    public LongProperty countProperty() {
        return count;
    }

    public ObjectProperty<ColumnLimit> limitProperty() {
        return limit;
    }

    public ObjectProperty<DropLook> dropLookProperty() {
        return dropLook;
    }

    /** Why a dragged card cannot go to this column now although it may be moved there (while {@code LOCKED}). */
    public StringProperty lockReasonProperty() {
        return lockReason;
    }

    /** More cards than the limit allows (the column turns amber). */
    public BooleanBinding overLimitProperty() {
        return overSoftLimit;
    }

    /** At or over its limit. */
    public BooleanBinding atLimitProperty() {
        return atLimit;
    }
}
