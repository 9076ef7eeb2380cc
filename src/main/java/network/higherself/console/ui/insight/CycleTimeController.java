package network.higherself.console.ui.insight;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import network.higherself.console.insight.CycleTimes;
import network.higherself.console.insight.Spread;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binds cycle.fxml to the cycle times' view model: a bar chart of the median and 85th percentile per state, the
 * lead time, the slowest cards (a double click or Enter opens one).
 */
public final class CycleTimeController {

    private final CycleTimeViewModel model;

    @FXML
    private BarChart<Number, String> chart;
    @FXML
    private CategoryAxis states;
    @FXML
    private NumberAxis times;
    @FXML
    private Label note;
    @FXML
    private Label leadTime;
    @FXML
    private TableView<CycleTimeViewModel.Row> slowest;
    @FXML
    private TableColumn<CycleTimeViewModel.Row, String> titleColumn;
    @FXML
    private TableColumn<CycleTimeViewModel.Row, String> timeColumn;
    @FXML
    private TableColumn<CycleTimeViewModel.Row, String> whereColumn;
    @FXML
    private TableColumn<CycleTimeViewModel.Row, String> longestColumn;
    @FXML
    private Button open;
    @FXML
    private Label problem;

    public CycleTimeController(CycleTimeViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        column(titleColumn, CycleTimeViewModel.Row::title);
        column(timeColumn, CycleTimeViewModel.Row::time);
        column(whereColumn, CycleTimeViewModel.Row::where);
        column(longestColumn, CycleTimeViewModel.Row::longest);
        slowest.setItems(model.slowest());
        slowest.setPlaceholder(new Label("No card was finished in this period or is open."));
        slowest.setRowFactory(t -> {
            TableRow<CycleTimeViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        slowest.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(slowest.getSelectionModel().getSelectedItem());
            }
        });
        open.disableProperty().bind(slowest.getSelectionModel().selectedItemProperty().isNull());
        leadTime.textProperty().bind(model.leadTimeProperty());
        problem.textProperty().bind(model.problemProperty());
        model.resultProperty().addListener((o, a, r) -> show(r));
        show(model.resultProperty().get());
    }

    @FXML
    private void open() {
        model.open(slowest.getSelectionModel().getSelectedItem());
    }

    private static void column(TableColumn<CycleTimeViewModel.Row, String> c, Function<CycleTimeViewModel.Row, String> text) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setSortable(false);
    }

    private void show(CycleTimeViewModel.Result r) {
        if (r == null) {
            return;
        }
        CycleTimes t = r.times();
        TimeText.Unit unit = CycleTimeViewModel.unit(t);
        times.setLabel(unit.label() + " spent in the state");
        // a vertical category axis runs upwards: the first state on top
        List<String> labels = new ArrayList<>(t.states().stream().map(CycleTimes.StateTime::label).toList());
        java.util.Collections.reverse(labels);
        states.getCategories().setAll(labels);
        XYChart.Series<Number, String> median = new XYChart.Series<>();
        median.setName("Median: half the cards took at most this");
        XYChart.Series<Number, String> p85 = new XYChart.Series<>();
        p85.setName("85th percentile: 85 % took at most this");
        List<String> without = new ArrayList<>();
        for (CycleTimes.StateTime s : t.states()) {
            if (s.spread().isEmpty()) {
                without.add(s.label());
                continue;
            }
            Spread spread = s.spread().get();
            median.getData().add(new XYChart.Data<>(unit.of(spread.median()), s.label()));
            p85.getData().add(new XYChart.Data<>(unit.of(spread.p85()), s.label()));
        }
        double longest = t.states().stream().flatMap(s -> s.spread().stream()).mapToDouble(s -> unit.of(s.p85())).max().orElse(0);
        CountAxis.fit(times, (long) Math.ceil(longest), 6);
        chart.getData().setAll(List.of(median, p85));
        for (CycleTimes.StateTime s : t.states()) {
            s.spread().ifPresent(spread -> {
                String tip = s.label() + ": " + (spread.cards() == 1 ? "1 card" : spread.cards() + " cards")
                        + " left it in this period. Half took at most " + TimeText.of(spread.median()) + ", 85 % at most "
                        + TimeText.of(spread.p85()) + ", the slowest " + TimeText.of(spread.longest()) + ".";
                median.getData().stream().filter(d -> d.getYValue().equals(s.label()))
                        .forEach(d -> Tooltip.install(d.getNode(), new Tooltip(tip)));
                p85.getData().stream().filter(d -> d.getYValue().equals(s.label()))
                        .forEach(d -> Tooltip.install(d.getNode(), new Tooltip(tip)));
            });
        }
        note.setText(without.isEmpty() ? "A card's time in a state counts once it has left it; final states are not shown."
                : "No card left " + String.join(", ", without) + " in this period, so " + (without.size() == 1 ? "it has" : "they have")
                + " no bar. A card's time in a state counts once it has left it; final states are not shown.");
    }
}
