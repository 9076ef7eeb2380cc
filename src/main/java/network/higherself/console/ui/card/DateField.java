package network.higherself.console.ui.card;

import atlantafx.base.controls.Calendar;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Popover;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import network.higherself.console.card.FieldText;
import network.higherself.console.card.FieldType;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.time.LocalDate;

/**
 * A date typed like 2026-12-01, or picked from a calendar behind the icon at its right. The text is what counts:
 * what the person typed is never replaced behind their back (a DatePicker reverts text it cannot read).
 */
final class DateField extends CustomTextField {

    static final String STYLE = "date-field";
    static final String PICK_STYLE = "date-pick";

    DateField() {
        getStyleClass().add(STYLE);
        setPromptText("YYYY-MM-DD");
        setPrefColumnCount(9);
        FontIcon pick = new FontIcon(MaterialDesignC.CALENDAR_MONTH_OUTLINE);
        pick.getStyleClass().add(PICK_STYLE);
        pick.setCursor(Cursor.HAND);
        Tooltip.install(pick, new Tooltip("Pick a date"));
        pick.setOnMouseClicked(e -> showCalendar());
        setRight(pick);
    }

    /** The typed date, a problem, or nothing (empty text). */
    FieldText.Parsed parse() {
        return FieldText.parse(FieldType.DATE, getText());
    }

    void setDate(LocalDate date) {
        setText(FieldText.format(FieldType.DATE, date));
    }

    private void showCalendar() {
        Object typed = parse().value();
        // with no date typed, the calendar opens on its own idea of today: the console reads no system clock here
        Calendar calendar = new Calendar(typed instanceof LocalDate d ? d : null);
        Popover popover = new Popover(calendar);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_CENTER);
        calendar.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                setDate(now);
                popover.hide();
                requestFocus();
            }
        });
        popover.show(this);
    }
}
