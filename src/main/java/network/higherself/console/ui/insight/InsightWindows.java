package network.higherself.console.ui.insight;

import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The insight windows, one per board: its workflow drawn, its cumulative flow, cycle and lead times, throughput.
 * Opening a board's window again brings it to the front, with the card now selected on the board.
 */
public final class InsightWindows {

    private final InsightSource source;
    private final BackgroundExecutor executor;
    private final Clock clock;
    private final CardOpener opener;
    private final FxText fonts = new FxText();
    private final Map<String, Opened> open = new HashMap<>();

    /** A window on show. */
    public record Opened(Stage stage, InsightViewModel model, InsightController controller) {
    }

    /**
     * @param opener opens a card from the slowest cards' list (the window is read again when it closes)
     */
    public InsightWindows(InsightSource source, BackgroundExecutor executor, Clock clock, CardOpener opener) {
        this.source = source;
        this.executor = executor;
        this.clock = clock;
        this.opener = opener;
    }

    /**
     * Shows the board's window (making it the first time).
     *
     * @param card the card selected on the board, whose state and next events the diagram highlights, or null
     */
    public Opened show(Window owner, Workflow w, DiagramViewModel.SelectedCard card) {
        Opened window = open.get(w.id());
        if (window == null) {
            Stage stage = new Stage();
            InsightViewModel[] model = new InsightViewModel[1];
            LongConsumer openCard = id -> opener.open(stage, id, () -> model[0].refresh());
            model[0] = new InsightViewModel(w, source, executor, clock, fonts, openCard);
            Loaded loaded = load(model[0], fonts);
            stage.initOwner(owner);
            stage.setTitle(w.board() + ": workflow and charts");
            Scene scene = new Scene(loaded.root());
            scene.getStylesheets().add(DiagramPane.STYLESHEET);
            stage.setScene(scene);
            fitScreen(stage, owner, loaded.root());
            stage.setOnHidden(e -> open.remove(w.id()));
            window = new Opened(stage, model[0], loaded.controller());
            open.put(w.id(), window);
            model[0].diagram().selectedProperty().set(card);
            model[0].refresh();
            stage.show();
        } else {
            window.model().diagram().selectedProperty().set(card);
            window.model().refresh();
            window.stage().toFront();
        }
        return window;
    }

    /** Sizes the window to its layout, or to the owner's screen where that is smaller, and centres it there. */
    private static void fitScreen(Stage stage, Window owner, Parent root) {
        Rectangle2D screen = owner == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()))
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double width = Math.min(root.prefWidth(-1), screen.getWidth() * 0.95);
        double height = Math.min(root.prefHeight(-1), screen.getHeight() * 0.95);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
    }

    /** Closes every insight window (when the person signs out or the console locks: no one else may read them). */
    public void closeAll() {
        for (Opened window : java.util.List.copyOf(open.values())) {
            window.stage().close();
        }
    }

    /** The window's content and its frame's controller. */
    public record Loaded(Parent root, InsightController controller) {
    }

    /** Loads insight.fxml and the views it includes, each controller given its view model. */
    public static Loaded load(InsightViewModel model, FxText fonts) {
        Map<Class<?>, Supplier<Object>> controllers = Map.of(
                InsightController.class, () -> new InsightController(model),
                PeriodController.class, () -> new PeriodController(model.period()),
                DiagramController.class, () -> new DiagramController(model.diagram(), fonts),
                FlowController.class, () -> new FlowController(model.flow()),
                CycleTimeController.class, () -> new CycleTimeController(model.cycleTimes()),
                ThroughputController.class, () -> new ThroughputController(model.throughput()));
        FXMLLoader loader = new FXMLLoader(InsightWindows.class.getResource("insight.fxml"));
        loader.setControllerFactory(type -> {
            Supplier<Object> controller = controllers.get(type);
            if (controller == null) {
                throw new IllegalStateException("insight.fxml names a controller the window does not make: " + type);
            }
            return controller.get();
        });
        try {
            Parent root = loader.load();
            return new Loaded(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("The insight window's layout could not be read: " + e.getMessage(), e);
        }
    }
}
