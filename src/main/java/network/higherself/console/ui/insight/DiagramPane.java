package network.higherself.console.ui.insight;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import network.higherself.console.ui.common.Png;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import network.higherself.console.insight.DiagramSvg;
import network.higherself.console.insight.WorkflowDiagram;

import java.util.List;

/**
 * A workflow diagram drawn with JavaFX shapes, exactly where its layout put them; colours come from the theme's
 * tokens (insight.css), so it follows the light and dark theme. Each state is a group with the id
 * {@code diagram-state-ID}, each transition a group with the id {@code diagram-transition-N} (N its place in the
 * definition).
 */
public final class DiagramPane extends Pane {

    public static final String STYLE = "diagram";
    /** The insight window's stylesheet, which colours the diagram. */
    public static final String STYLESHEET = DiagramPane.class.getResource("insight.css").toExternalForm();
    private static final double PNG_SCALE = 2;

    public DiagramPane(WorkflowDiagram d, FxText fonts) {
        getStyleClass().add(STYLE);
        setPrefSize(d.width(), d.height());
        setMinSize(d.width(), d.height());
        setMaxSize(d.width(), d.height());

        Group start = new Group(circle(d.start().dot()), line(d.start().line()), head(d.start().head()));
        start.getStyleClass().add("diagram-start");
        getChildren().add(start);

        for (int i = 0; i < d.arrows().size(); i++) {
            WorkflowDiagram.Arrow a = d.arrows().get(i);
            Rectangle labelBox = rect(a.labelBox(), "diagram-label-box", 3);
            Group g = new Group(line(a.line()), head(a.head()), labelBox, text(a.text(), "diagram-label", fonts));
            g.setId("diagram-transition-" + i);
            g.getStyleClass().add("diagram-transition");
            if (a.next()) {
                g.getStyleClass().add("next");
            }
            Tooltip.install(g, new Tooltip(a.label() + ": " + label(d, a.transition().from()) + " \u2192 "
                    + label(d, a.transition().to())));
            getChildren().add(g);
        }

        for (WorkflowDiagram.StateBox s : d.states()) {
            Group g = new Group(rect(s.bounds(), "diagram-box", 6));
            if (s.last()) {
                g.getChildren().add(rect(s.inner(), "diagram-inner", 4));
            }
            g.getChildren().add(text(s.name(), "diagram-name", fonts));
            s.agentLine().ifPresent(t -> g.getChildren().add(text(t, "diagram-agent", fonts)));
            g.getChildren().addAll(rect(s.badge(), "diagram-badge", s.badge().height()), text(s.count(), "diagram-count", fonts));
            g.setId("diagram-state-" + s.stateId());
            g.getStyleClass().add("diagram-state");
            if (s.last()) {
                g.getStyleClass().add("final");
            }
            if (s.current()) {
                g.getStyleClass().add("current");
            }
            Tooltip.install(g, new Tooltip(DiagramSvg.tooltip(s)));
            getChildren().add(g);
        }
    }

    /** The drawing as a picture, at twice its size so that it stays sharp when shown larger. */
    public WritableImage snapshot() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        p.setTransform(Transform.scale(PNG_SCALE, PNG_SCALE));
        return snapshot(p, null);
    }

    /**
     * The PNG of a diagram drawn on its own, in the light theme (which the caller has applied), for the command line.
     * Runs on the JavaFX thread.
     */
    public static byte[] png(WorkflowDiagram d, FxText fonts) {
        DiagramPane pane = new DiagramPane(d, fonts);
        Scene scene = new Scene(new Group(pane));
        scene.getStylesheets().add(STYLESHEET);
        pane.applyCss();
        pane.layout();
        return Png.encode(pane.snapshot());
    }

    private static String label(WorkflowDiagram d, String stateId) {
        return d.state(stateId).map(WorkflowDiagram.StateBox::label).orElse(stateId);
    }

    private static Node circle(WorkflowDiagram.Rect r) {
        Circle c = new Circle(r.x() + r.width() / 2, r.y() + r.height() / 2, r.width() / 2);
        c.getStyleClass().add("diagram-dot");
        return c;
    }

    private static Polyline line(List<WorkflowDiagram.Point> points) {
        Polyline p = new Polyline(coordinates(points));
        p.getStyleClass().add("diagram-line");
        return p;
    }

    private static Polygon head(List<WorkflowDiagram.Point> points) {
        Polygon p = new Polygon(coordinates(points));
        p.getStyleClass().add("diagram-head");
        return p;
    }

    private static double[] coordinates(List<WorkflowDiagram.Point> points) {
        double[] xy = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            xy[2 * i] = points.get(i).x();
            xy[2 * i + 1] = points.get(i).y();
        }
        return xy;
    }

    private static Rectangle rect(WorkflowDiagram.Rect r, String style, double arc) {
        Rectangle rect = new Rectangle(r.x(), r.y(), r.width(), r.height());
        rect.setArcWidth(arc * 2);
        rect.setArcHeight(arc * 2);
        rect.getStyleClass().add(style);
        return rect;
    }

    private static Text text(WorkflowDiagram.Text t, String style, FxText fonts) {
        Text text = new Text(t.x(), t.baseline(), t.text());
        text.setFont(fonts.font(t.style()));
        text.setBoundsType(TextBoundsType.LOGICAL);
        text.getStyleClass().add(style);
        return text;
    }
}
