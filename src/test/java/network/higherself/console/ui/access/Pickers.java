package network.higherself.console.ui.access;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

/** Picks an item of a combo box as a person does: a click on the box, a click on the item's name in its list. */
public final class Pickers {

    private Pickers() {
    }

    public static void pick(FxRobot robot, String comboId, String shown) throws Exception {
        ComboBox<?> combo = robot.lookup("#" + comboId).queryComboBox();
        robot.clickOn(combo);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> combo.isShowing());
        Node item = robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(shown)).query();
        robot.clickOn(item);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !combo.isShowing());
    }
}
