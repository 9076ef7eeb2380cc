package network.higherself.console.ui.insight;

import javafx.fxml.FXML;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;

import java.time.LocalDate;

/** Binds period.fxml to the period's view model: the two days, the presets, what is wrong with the days picked. */
public final class PeriodController {

    private final PeriodViewModel model;

    @FXML
    private DatePicker first;
    @FXML
    private DatePicker last;
    @FXML
    private Label problem;

    public PeriodController(PeriodViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        first.valueProperty().bindBidirectional(model.firstProperty());
        last.valueProperty().bindBidirectional(model.lastProperty());
        // nothing has happened after today: those days cannot be picked
        first.setDayCellFactory(p -> new UpToToday(model));
        last.setDayCellFactory(p -> new UpToToday(model));
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
    }

    @FXML
    private void lastFourWeeks() {
        model.lastWeeks(PeriodViewModel.PRESET_WEEKS[0]);
    }

    @FXML
    private void lastThirteenWeeks() {
        model.lastWeeks(PeriodViewModel.PRESET_WEEKS[1]);
    }

    @FXML
    private void lastYear() {
        model.lastWeeks(PeriodViewModel.PRESET_WEEKS[2]);
    }

    private static final class UpToToday extends DateCell {
        private final PeriodViewModel model;

        UpToToday(PeriodViewModel model) {
            this.model = model;
        }

        @Override
        public void updateItem(LocalDate day, boolean empty) {
            super.updateItem(day, empty);
            setDisable(empty || day.isAfter(model.today()));
        }
    }
}
