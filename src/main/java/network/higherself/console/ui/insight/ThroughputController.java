package network.higherself.console.ui.insight;

import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import network.higherself.console.insight.Throughput;
import network.higherself.console.workflow.Labels;

import java.util.ArrayList;
import java.util.List;

/** Binds throughput.fxml to the throughput's view model: a bar per week and final state. */
public final class ThroughputController {

    private final ThroughputViewModel model;

    @FXML
    private BarChart<String, Number> chart;
    @FXML
    private CategoryAxis weeks;
    @FXML
    private NumberAxis cards;
    @FXML
    private Label summary;
    @FXML
    private Label problem;

    public ThroughputController(ThroughputViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        problem.textProperty().bind(model.problemProperty());
        model.throughputProperty().addListener((o, a, t) -> show(t));
        show(model.throughputProperty().get());
    }

    private void show(Throughput t) {
        if (t == null) {
            return;
        }
        List<String> labels = t.weeks().stream().map(w -> FlowViewModel.DAY.format(w.monday())).toList();
        weeks.getCategories().setAll(labels);
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (String state : t.finalStates()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(Labels.humanize(state));
            for (int i = 0; i < t.weeks().size(); i++) {
                s.getData().add(new XYChart.Data<>(labels.get(i), t.weeks().get(i).finished().get(state)));
            }
            series.add(s);
        }
        CountAxis.fit(cards, t.weeks().stream().flatMap(w -> w.finished().values().stream()).mapToLong(Long::longValue)
                .max().orElse(0));
        chart.getData().setAll(series);
    }
}
