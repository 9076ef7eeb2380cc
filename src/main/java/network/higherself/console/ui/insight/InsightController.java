package network.higherself.console.ui.insight;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;

/** Binds insight.fxml, the window's frame, to the board's insight view model. */
public final class InsightController {

    private final InsightViewModel model;

    @FXML
    private Label title;
    @FXML
    private ProgressIndicator loading;
    @FXML
    private TabPane tabs;
    @FXML
    private Label problem;

    public InsightController(InsightViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        title.setText(model.workflow().board() + " \u2014 " + model.workflow().name());
        loading.visibleProperty().bind(model.loadingProperty());
        problem.textProperty().bind(model.problemProperty());
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    public TabPane tabs() {
        return tabs;
    }
}
