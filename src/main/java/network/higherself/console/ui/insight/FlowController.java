package network.higherself.console.ui.insight;

import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import network.higherself.console.insight.CumulativeFlow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds flow.fxml to the flow's view model: a band per state, the first state on top and the final states at the
 * bottom (where finished work piles up), coloured in the workflow's order, with a legend in that order.
 */
public final class FlowController {

    /** How many band colours insight.css defines (flow-band-0 and on). */
    static final int COLOURS = 14;

    private final FlowViewModel model;

    @FXML
    private StackedAreaChart<Number, Number> chart;
    @FXML
    private NumberAxis days;
    @FXML
    private NumberAxis cards;
    @FXML
    private FlowPane legend;
    @FXML
    private Label summary;
    @FXML
    private Label problem;

    public FlowController(FlowViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        days.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number day) {
                return FlowViewModel.DAY.format(LocalDate.ofEpochDay(day.longValue()));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("the axis only shows days");
            }
        });
        summary.textProperty().bind(model.summaryProperty());
        problem.textProperty().bind(model.problemProperty());
        model.flowProperty().addListener((o, a, f) -> show(f));
        show(model.flowProperty().get());
    }

    private void show(CumulativeFlow f) {
        if (f == null) {
            return;
        }
        long first = f.days().get(0).toEpochDay();
        long last = f.days().get(f.days().size() - 1).toEpochDay();
        days.setLowerBound(first);
        days.setUpperBound(Math.max(last, first + 1));
        days.setTickUnit(tickUnit(last - first + 1));
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        List<CumulativeFlow.Band> bands = f.bands();
        for (int i = bands.size() - 1; i >= 0; i--) {
            CumulativeFlow.Band band = bands.get(i);
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(band.label());
            for (int d = 0; d < f.days().size(); d++) {
                s.getData().add(new XYChart.Data<>(f.days().get(d).toEpochDay(), band.cards().get(d)));
            }
            series.add(s);
        }
        CountAxis.fit(cards, java.util.stream.IntStream.range(0, f.days().size()).mapToLong(f::total).max().orElse(0));
        chart.getData().setAll(series);
        legend.getChildren().clear();
        for (int i = 0; i < bands.size(); i++) {
            String colour = "flow-band-" + (i % COLOURS);
            series.get(bands.size() - 1 - i).getNode().getStyleClass().add(colour);
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", colour);
            Label name = new Label(bands.get(i).label() + (bands.get(i).last() ? " (final)" : ""));
            HBox item = new HBox(swatch, name);
            item.getStyleClass().add("legend-item");
            legend.getChildren().add(item);
        }
    }

    /** A tick a day for two weeks, a week for ten, then a fortnight, then about a month. */
    static double tickUnit(long days) {
        if (days <= 14) {
            return 1;
        }
        if (days <= 70) {
            return 7;
        }
        return days <= 180 ? 14 : 30;
    }
}
