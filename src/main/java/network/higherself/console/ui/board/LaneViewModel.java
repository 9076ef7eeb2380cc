package network.higherself.console.ui.board;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.FieldType;
import network.higherself.console.store.ColumnFilter;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One swimlane of a board: the cards whose field (assignee, priority, a kind's party) holds one value, or none, as a
 * row across every column. Each of its cells is a column's cards of the lane, fetched page by page as they are shown.
 */
public final class LaneViewModel {

    private final CardField<?> field;
    private final String value;
    private final String label;
    private final LongProperty count = new SimpleLongProperty();
    private final Map<String, Cell> cells = new LinkedHashMap<>();

    /** One column's cards in this lane. */
    public static final class Cell {
        private final ColumnViewModel column;
        private final LaneViewModel lane;
        private final PagedCards cards;
        private final LongProperty count = new SimpleLongProperty();

        Cell(ColumnViewModel column, LaneViewModel lane, PagedCards cards) {
            this.column = column;
            this.lane = lane;
            this.cards = cards;
        }

        public ColumnViewModel column() {
            return column;
        }

        public LaneViewModel lane() {
            return lane;
        }

        PagedCards cards() {
            return cards;
        }

        public LongProperty countProperty() {
            return count;
        }
    }

    /**
     * @param value the value as stored (a user name, a priority's name, a client's id as text); null: no value
     * @param name  the value as a person reads it (a staff member's or a client's name), or null to make one up
     */
    LaneViewModel(CardField<?> field, String value, String name) {
        this.field = field;
        this.value = value;
        this.label = labelOf(field, value, name);
    }

    /** "Unassigned", "No client", a priority's label, a name. */
    static String labelOf(CardField<?> field, String value, String name) {
        if (value == null) {
            return field == Card.ASSIGNEE ? "Unassigned" : "No " + field.label().toLowerCase(Locale.ROOT);
        }
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (field.type() == FieldType.CHOICE) {
            return typed(field, value) instanceof network.higherself.console.card.Priority p ? p.label()
                    : network.higherself.console.workflow.Labels.humanize(value.toLowerCase(Locale.ROOT));
        }
        return value;
    }

    /** The value as a change carries it: a client's id as a number, a priority as itself, text as it is. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object typed(CardField<?> field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case REFERENCE -> Long.valueOf(value);
            case CHOICE -> Enum.valueOf((Class) field.valueType(), value);
            default -> value;
        };
    }

    public CardField<?> field() {
        return field;
    }

    /** The value as stored; null for the lane of cards without one. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** How the board remembers this lane (folded or not). */
    public String key() {
        return BoardLayout.laneKey(field.key(), value);
    }

    /** Which cards of a column are this lane's. */
    ColumnFilter.Lane filter() {
        return new ColumnFilter.Lane(field.key(), value);
    }

    /** How many cards (matching the search and filters) the lane holds across the board. */
    public LongProperty countProperty() {
        return count;
    }

    /** The lane's cells, in the columns' order. */
    public java.util.Collection<Cell> cells() {
        return cells.values();
    }

    public Optional<Cell> cell(String state) {
        return Optional.ofNullable(cells.get(state));
    }

    void add(Cell cell) {
        cells.put(cell.column().stateId(), cell);
    }

    @Override
    public String toString() {
        return label + " (" + count.get() + ")";
    }
}
