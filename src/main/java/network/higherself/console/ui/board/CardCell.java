package network.higherself.console.ui.board;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import network.higherself.console.agent.Countdowns;
import network.higherself.console.store.CardSummary;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A card on a board: title, the facts that matter for its kind, the countdown to the timed event it waits for, how
 * far its checklist has got, what an agent could not do to it, assignee, priority and time in its column.
 */
final class CardCell extends ListCell<CardSummary> {

    static final String CARD = "board-card";
    static final String PENDING = "card-pending";
    static final String PLACEHOLDER = "card-placeholder";
    static final String COUNTDOWN = "card-countdown";
    static final String COUNTDOWN_PASSED = "card-countdown-passed";
    static final String CHECKLIST = "card-checklist";
    static final String CHECKLIST_OPEN = "card-checklist-open";
    static final String AGENT_NOTE = "card-agent-note";
    static final String SYNC_NOTE = "card-sync-note";

    private final BoardViewModel model;
    private final Label title = new Label();
    private final Label facts = new Label();
    private final Label assignee = new Label();
    private final Label priority = new Label();
    private final Label age = new Label();
    // lines most cards do not have, made the first time a card needs them (fewer nodes, a faster first paint)
    private final OptionalLine countdown = new OptionalLine(COUNTDOWN, () -> MaterialDesignT.TIMER_SAND);
    private final OptionalLine checklist = new OptionalLine(CHECKLIST, () -> MaterialDesignF.FORMAT_LIST_CHECKS);
    private final OptionalLine agentNote = new OptionalLine(AGENT_NOTE, () -> MaterialDesignR.ROBOT_CONFUSED_OUTLINE);
    private final OptionalLine syncNote = new OptionalLine(SYNC_NOTE, () -> org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOUD_ALERT);
    private final List<OptionalLine> optionalLines = List.of(countdown, checklist, agentNote, syncNote);
    private final VBox box;
    private final HBox footer;
    private final SetChangeListener<Long> pendingListener = change -> updatePending();
    private final InvalidationListener clockListener = o -> repaintTimes();

    CardCell(BoardViewModel model) {
        this.model = model;
        setPrefWidth(0);
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        facts.getStyleClass().add("card-facts");
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE); // wrap onto a second line rather than cut the facts short
        // every line wraps rather than end in "…": in "fit the workflow" a card is a few words wide
        for (Label l : List.of(assignee, priority, age)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        assignee.getStyleClass().add("card-assignee");
        assignee.setGraphic(new FontIcon(MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE));
        age.getStyleClass().add("card-age");
        age.setGraphic(new FontIcon(MaterialDesignC.CLOCK_OUTLINE));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        footer = new HBox(6, priority, spacer, age);
        footer.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(4, title, facts, assignee, footer); // the optional lines go between facts and assignee
        box.getStyleClass().add(CARD);
        box.setMaxWidth(Double.MAX_VALUE);
        // weak: a list drops cells it rebuilds, and the board's model outlives them
        model.pending().addListener(new WeakSetChangeListener<>(pendingListener));
        model.clockTickProperty().addListener(new WeakInvalidationListener(clockListener));
    }

    @Override
    protected void updateItem(CardSummary card, boolean empty) {
        super.updateItem(card, empty);
        setText(null);
        if (empty) {
            setGraphic(null);
            getStyleClass().remove(PLACEHOLDER);
            return;
        }
        if (card == null) {
            // not fetched yet: a quiet placeholder of a card's size
            title.setText(" ");
            facts.setText(" ");
            assignee.setVisible(false);
            priority.setVisible(false);
            age.setVisible(false);
            optionalLines.forEach(OptionalLine::hide);
            if (!getStyleClass().contains(PLACEHOLDER)) {
                getStyleClass().add(PLACEHOLDER);
            }
            setGraphic(box);
            return;
        }
        getStyleClass().remove(PLACEHOLDER);
        title.setText(card.title());
        facts.setText(String.join("  \u00b7  ", card.facts()));
        // compact: the title, the time-bound lines and the footer; fit the workflow: no footer either
        BoardLayout layout = model.layout();
        boolean brief = layout.compactProperty().get() || layout.fitProperty().get();
        show(facts, !brief && !card.facts().isEmpty());
        assignee.setText(card.assignee() == null ? "unassigned" : card.assignee());
        show(assignee, !brief);
        show(footer, !layout.fitProperty().get());
        priority.setText(card.priority().label());
        priority.getStyleClass().setAll("label", "chip", "chip-" + card.priority().name().toLowerCase(Locale.ROOT));
        priority.setVisible(true);
        var tasks = model.checklist(card);
        checklist.show(tasks.orElse(null)).ifPresent(l -> style(l, CHECKLIST_OPEN, card.openRequired() > 0));
        // whole, wrapped: no tooltip needed (one per cell costs paint time)
        agentNote.show(model.agentNote(card).or(() -> java.util.Optional.ofNullable(card.problem())).orElse(null));
        syncNote.show(model.syncNote(card).orElse(null));
        showTimes(card);
        age.setVisible(true);
        setGraphic(box);
        updatePending();
    }

    /**
     * The height the card needs at the width the list gives it. Left to itself the cell asks the theme: AtlantaFX
     * sets {@code -fx-cell-size: 2.8em} on {@code .list-view .list-cell}, so {@code ListCellSkin} answers 39 px
     * whatever the card holds, and the list sizes the cell by its minimum height instead. The label skin works that
     * minimum out for the card at another width than the card is laid out at, so a wrapped label can count a line
     * less: a three-line agent note came out as two, the cell 14 px short of its card, and the cell centred the card
     * in it with its top 7 px under the list's clip (Communication denied, screenshot tour). Scrolling and focus had
     * nothing to do with it; the cell was at the list's top all along.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() != box) {
            return super.computePrefHeight(width);
        }
        double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + box.prefHeight(inner) + snappedBottomInset();
    }

    /** The clock moved on: the countdown and the time in the column are worked out again, nothing is read. */
    private void repaintTimes() {
        CardSummary card = getItem();
        if (card != null && !isEmpty()) {
            showTimes(card);
        }
    }

    private void showTimes(CardSummary card) {
        var timer = model.countdown(card);
        countdown.show(timer.map(Countdowns.Countdown::text).orElse(null))
                .ifPresent(l -> style(l, COUNTDOWN_PASSED, timer.get().passed()));
        // an overdue card says so in its countdown ("payment deadline passed"), in the danger colour
        age.setText(model.timeInState(card));
    }

    /** A line of the card that most cards do not show: made, and put in its place, the first time one does. */
    private final class OptionalLine {

        private final String styleClass;
        private final Supplier<Ikon> icon;
        private Label label;

        OptionalLine(String styleClass, Supplier<Ikon> icon) {
            this.styleClass = styleClass;
            this.icon = icon;
        }

        /** Shows {@code text} (hides the line when it is null); the label, when shown. */
        Optional<Label> show(String text) {
            if (text == null) {
                hide();
                return Optional.empty();
            }
            if (label == null) {
                label = new Label(text); // its text before it is in the scene
                label.getStyleClass().add(styleClass);
                label.setGraphic(new FontIcon(icon.get()));
                label.setWrapText(true); // whole, on more lines in a narrow column
                label.setMinHeight(Region.USE_PREF_SIZE);
                // before the next optional line already made, else before the assignee
                Node before = assignee;
                for (int i = optionalLines.indexOf(this) + 1; i < optionalLines.size(); i++) {
                    if (optionalLines.get(i).label != null) {
                        before = optionalLines.get(i).label;
                        break;
                    }
                }
                box.getChildren().add(box.getChildren().indexOf(before), label);
            }
            label.setText(text);
            label.setVisible(true);
            label.setManaged(true);
            return Optional.of(label);
        }

        void hide() {
            if (label != null) {
                label.setVisible(false);
                label.setManaged(false);
            }
        }
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static void style(Label label, String styleClass, boolean on) {
        if (on && !label.getStyleClass().contains(styleClass)) {
            label.getStyleClass().add(styleClass);
        } else if (!on) {
            label.getStyleClass().remove(styleClass);
        }
    }

    private void updatePending() {
        CardSummary card = getItem();
        boolean pending = card != null && model.pending().contains(card.id());
        if (pending && !box.getStyleClass().contains(PENDING)) {
            box.getStyleClass().add(PENDING);
        } else if (!pending) {
            box.getStyleClass().remove(PENDING);
        }
    }
}
