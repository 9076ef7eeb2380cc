package network.higherself.console.ui.insight;

import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import network.higherself.console.insight.WorkflowDiagram;
import network.higherself.console.ui.common.Png;

import java.io.File;

/**
 * Binds diagram.fxml to the diagram's view model: draws the diagram (DiagramPane) in the scroll pane, zooms it, and
 * saves it as PNG (the drawing's picture) or SVG.
 */
public final class DiagramController {

    private static final double[] ZOOMS = {0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2};

    private final DiagramViewModel model;
    private final FxText fonts;
    private final Group zoomed = new Group();
    private DiagramPane pane;
    /** The zoom picked, or NaN to fit the drawing into the view. */
    private double zoom = Double.NaN;

    @FXML
    private Label caption;
    @FXML
    private ScrollPane scroll;
    @FXML
    private Label message;
    @FXML
    private Button savePng;
    @FXML
    private Button saveSvg;

    public DiagramController(DiagramViewModel model, FxText fonts) {
        this.model = model;
        this.fonts = fonts;
    }

    @FXML
    private void initialize() {
        caption.textProperty().bind(model.captionProperty());
        message.textProperty().bind(model.messageProperty());
        scroll.setContent(zoomed);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> applyZoom());
        savePng.disableProperty().bind(model.diagramProperty().isNull());
        saveSvg.disableProperty().bind(model.diagramProperty().isNull());
        model.diagramProperty().addListener((o, a, d) -> draw(d));
        draw(model.diagramProperty().get());
    }

    /** The drawing on show (null until the diagram is laid out). */
    public DiagramPane pane() {
        return pane;
    }

    private void draw(WorkflowDiagram d) {
        if (d == null) {
            return;
        }
        pane = new DiagramPane(d, fonts);
        zoomed.getChildren().setAll(pane);
        applyZoom();
    }

    private void applyZoom() {
        if (pane == null) {
            return;
        }
        // the drawing is scaled inside a group, whose bounds (which the scroll pane reads) include the scale
        double scale = Double.isNaN(zoom) ? fitting() : zoom;
        pane.setScaleX(scale);
        pane.setScaleY(scale);
    }

    /** The scale that shows the whole drawing (never larger than its own size). */
    private double fitting() {
        Bounds view = scroll.getViewportBounds();
        if (view.getWidth() <= 0 || view.getHeight() <= 0) {
            return 1;
        }
        return Math.min(1, Math.min(view.getWidth() / pane.getPrefWidth(), view.getHeight() / pane.getPrefHeight()));
    }

    @FXML
    private void zoomIn() {
        double now = Double.isNaN(zoom) ? fitting() : zoom;
        for (double z : ZOOMS) {
            if (z > now + 0.01) {
                zoom = z;
                break;
            }
        }
        applyZoom();
    }

    @FXML
    private void zoomOut() {
        double now = Double.isNaN(zoom) ? fitting() : zoom;
        for (int i = ZOOMS.length - 1; i >= 0; i--) {
            if (ZOOMS[i] < now - 0.01) {
                zoom = ZOOMS[i];
                break;
            }
        }
        applyZoom();
    }

    @FXML
    private void fit() {
        zoom = Double.NaN;
        applyZoom();
    }

    @FXML
    private void actualSize() {
        zoom = 1;
        applyZoom();
    }

    @FXML
    private void savePng() {
        File file = choose("PNG picture", "png");
        if (file != null && pane != null) {
            model.savePng(file.toPath(), Png.encode(pane.snapshot()));
        }
    }

    @FXML
    private void saveSvg() {
        File file = choose("SVG drawing", "svg");
        if (file != null) {
            model.saveSvg(file.toPath());
        }
    }

    private File choose(String kind, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the workflow as " + kind);
        chooser.setInitialFileName(model.fileName(extension));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        Window owner = scroll.getScene() == null ? null : scroll.getScene().getWindow();
        File file = chooser.showSaveDialog(owner);
        if (file != null && !file.getName().toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)) {
            file = new File(file.getParentFile(), file.getName() + "." + extension);
        }
        return file;
    }
}
