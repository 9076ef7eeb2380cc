package network.higherself.console.ui.today;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import network.higherself.console.store.CardSummary;
import network.higherself.console.today.TodayGroup;
import network.higherself.console.today.TodayLine;
import network.higherself.console.ui.common.Fxml;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.util.function.Consumer;

/**
 * The Today view: its frame (title, date, "Open Today first", refresh) is TodayView.fxml; its groups and lines are made
 * from the view model's data. Each line is a button: a click, Enter or Space opens its card on its board.
 */
public final class TodayView extends BorderPane {

    public static final String ID = "today-view";
    /** The style class of a line (a button that opens its card). */
    public static final String LINE = "today-line";
    static final String HEADING = "today-heading";

    private final TodayViewModel model;
    private Consumer<CardSummary> onOpen = c -> {
    };

    @FXML
    private Label date;
    @FXML
    private Label message;
    @FXML
    private CheckBox opensFirst;
    @FXML
    private Button refresh;
    @FXML
    private VBox groups;

    public TodayView(TodayViewModel model) {
        this.model = model;
        Fxml.load("TodayView.fxml", this, this);
    }

    public TodayViewModel model() {
        return model;
    }

    /** What opening a line does (the window shows the card's board with the card selected). */
    public void onOpen(Consumer<CardSummary> action) {
        this.onOpen = action;
    }

    /** Puts the keyboard focus on the first line, if there is one. */
    public void focusFirstLine() {
        groups.lookupAll("." + LINE).stream().findFirst().ifPresent(javafx.scene.Node::requestFocus);
    }

    @FXML
    private void initialize() {
        setId(ID);
        date.textProperty().bind(model.dateProperty());
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        opensFirst.selectedProperty().bindBidirectional(model.opensFirstProperty());
        refresh.disableProperty().bind(model.loadingProperty());
        model.groups().addListener((ListChangeListener<TodayGroup>) c -> show());
        show();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    private void show() {
        groups.getChildren().clear();
        for (TodayGroup g : model.groups()) {
            Label heading = new Label(TodayViewModel.heading(g));
            heading.getStyleClass().add(HEADING);
            VBox lines = new VBox(4);
            for (TodayLine l : g.lines()) {
                lines.getChildren().add(line(l));
            }
            groups.getChildren().add(new VBox(6, heading, lines));
        }
    }

    private Button line(TodayLine l) {
        Label title = new Label(l.card().title());
        title.getStyleClass().add("today-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        // the reason whole, on more lines when the window is narrow (a Text follows its wrapping width in its height;
        // a wrapped label in a button's graphic is measured on one line and cut with "…")
        javafx.scene.text.Text why = new javafx.scene.text.Text(l.why().replace('\n', ' '));
        why.getStyleClass().add("today-why");
        Label where = new Label(model.where(l));
        where.getStyleClass().add("today-where");
        where.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(14, title, why, gap, where);
        why.wrappingWidthProperty().bind(javafx.beans.binding.Bindings.max(80, row.widthProperty()
                .subtract(title.widthProperty()).subtract(where.widthProperty()).subtract(3 * 14 + 4)));
        row.setAlignment(Pos.CENTER_LEFT);
        Button b = new Button(null, row);
        b.getStyleClass().addAll(LINE, "flat");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(0);
        row.setPrefWidth(0); // as wide as the view gives, never wider: the reason gives way
        b.setGraphic(row);
        b.setMinHeight(Region.USE_PREF_SIZE);
        b.setUserData(l.card());
        b.setOnAction(e -> onOpen.accept(l.card()));
        return b;
    }

    /** The "Today" icon the sidebar shows. */
    public static FontIcon icon() {
        return new FontIcon(MaterialDesignC.CALENDAR_TODAY);
    }
}
