package network.higherself.console.ui.staff;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;

/** What the staff screens share. */
final class Screens {

    private Screens() {
    }

    /** {@code content} centred when there is room, scrolling when the window is smaller than it. */
    static ScrollPane scrolling(Node content) {
        StackPane centre = new StackPane(content);
        centre.getStyleClass().add("sign-in-centre");
        ScrollPane scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll("edge-to-edge", "sign-in-scroll");
        return scroll;
    }
}
