package network.higherself.console.insight;

import network.higherself.console.workflow.AgentResponsibility;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import org.eclipse.elk.alg.layered.options.CuttingStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.ValidifyStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays a workflow out as a diagram with Eclipse ELK's layered algorithm, left to right: states in layers in the
 * definition's order, the transitions routed orthogonally between them with room for their labels, a transition to
 * an earlier state (revision back to review) drawn as an arrow going back. A workflow too long for one row is
 * wrapped into rows. A pure function of the definition, the card counts and the measure of text.
 */
public final class DiagramLayout {

    static final double PAD_X = 12;
    static final double PAD_Y = 9;
    static final double LINE_GAP = 3;
    static final double BADGE_GAP = 10;
    static final double BADGE_PAD = 6;
    static final double MIN_BOX_WIDTH = 120;
    static final double LABEL_PAD_X = 5;
    static final double LABEL_PAD_Y = 2;
    static final double DOT = 14;
    /** Wider than this in one row (about two screens), a workflow is wrapped into rows. */
    static final double MAX_ROW_WIDTH = 2400;
    /** The shapes tried for the rows of a wrapped workflow, width to height: the first that reads well is taken. */
    private static final double[] WRAP_ASPECTS = {2.0, 3.0, 1.4};
    /** What a route may add to twice the way between its boxes before it counts as a detour. */
    private static final double DETOUR_SLACK = 100;
    /** How far off a box's outline an arrow's end may be (ELK's coordinates are fractions of a pixel). */
    static final double BORDER_TOLERANCE = 0.5;

    private DiagramLayout() {
    }

    /**
     * @param cards        how many cards each state holds (a state missing from it holds none)
     * @param currentState the state of the card to highlight with its legal next events, or {@code null}
     */
    public static WorkflowDiagram layout(Workflow w, Map<String, Long> cards, String currentState, TextMeasure measure) {
        return layout(measure(w, cards, measure), currentState);
    }

    /**
     * The workflow's text measured, the first half of a layout: a window measures on its own thread (where its fonts
     * live) and lays out in the background.
     *
     * @param cards how many cards each state holds (a state missing from it holds none)
     */
    public static Measured measure(Workflow w, Map<String, Long> cards, TextMeasure measure) {
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (State s : w.states()) {
            String agent = w.agentFor(s.id()).map(AgentResponsibility::displayName).orElse("");
            boxes.put(s.id(), Box.measure(s, agent, cards.getOrDefault(s.id(), 0L), measure));
        }
        List<Double> labels = new ArrayList<>();
        for (Transition t : w.transitions()) {
            labels.add(measure.width(Labels.humanize(t.event()), TextStyle.EVENT));
        }
        return new Measured(w, boxes, labels);
    }

    /** A workflow with the size of every box and the width of every event's label. */
    public static final class Measured {
        private final Workflow workflow;
        private final Map<String, Box> boxes;
        private final List<Double> labels;

        private Measured(Workflow workflow, Map<String, Box> boxes, List<Double> labels) {
            this.workflow = workflow;
            this.boxes = Map.copyOf(boxes);
            this.labels = List.copyOf(labels);
        }
    }

    /**
     * The second half of a layout, which may run on any thread.
     *
     * @param currentState the state of the card to highlight with its legal next events, or {@code null}
     */
    public static WorkflowDiagram layout(Measured m, String currentState) {
        Workflow w = m.workflow;
        String current = currentState != null && w.hasState(currentState) ? currentState : null;
        WorkflowDiagram row = layout(m, current, 0);
        if (row.width() <= MAX_ROW_WIDTH) {
            return row;
        }
        for (double aspect : WRAP_ASPECTS) {
            WorkflowDiagram wrapped = layout(m, current, aspect);
            // ELK's wrapping can lose the route of an edge that goes back across a cut, and a loop drawn from one row
            // to another is hard to follow: such a layout is not taken
            if (isWhole(wrapped) && loopsAcrossRows(w, wrapped) <= 1) {
                return wrapped;
            }
        }
        return row;
    }

    /**
     * How many transitions to a state earlier in the definition (loops back) take a detour: a route more than twice as
     * long as the way between the two boxes, as when a loop runs from one wrapped row around to another.
     */
    static int loopsAcrossRows(Workflow w, WorkflowDiagram d) {
        List<String> order = w.states().stream().map(State::id).toList();
        int across = 0;
        for (WorkflowDiagram.Arrow a : d.arrows()) {
            if (order.indexOf(a.transition().to()) <= order.indexOf(a.transition().from())) {
                WorkflowDiagram.Rect from = d.state(a.transition().from()).orElseThrow().bounds();
                WorkflowDiagram.Rect to = d.state(a.transition().to()).orElseThrow().bounds();
                double way = Math.abs(from.x() + from.width() / 2 - to.x() - to.width() / 2)
                        + Math.abs(from.y() + from.height() / 2 - to.y() - to.height() / 2);
                if (length(a.points()) > 2 * way + DETOUR_SLACK) {
                    across++;
                }
            }
        }
        return across;
    }

    private static double length(List<WorkflowDiagram.Point> route) {
        double length = 0;
        for (int i = 1; i < route.size(); i++) {
            length += Math.hypot(route.get(i).x() - route.get(i - 1).x(), route.get(i).y() - route.get(i - 1).y());
        }
        return length;
    }

    /** Whether every arrow runs from the border of its state's box to the border of the box it leads to. */
    static boolean isWhole(WorkflowDiagram d) {
        for (WorkflowDiagram.Arrow a : d.arrows()) {
            if (a.points().size() < 2
                    || !d.state(a.transition().from()).orElseThrow().bounds().hasOnBorder(a.first(), BORDER_TOLERANCE)
                    || !d.state(a.transition().to()).orElseThrow().bounds().hasOnBorder(a.last(), BORDER_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /** @param aspect the width to height ratio to wrap the rows at, or 0 for one row */
    private static WorkflowDiagram layout(Measured m, String current, double aspect) {
        Workflow w = m.workflow;
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(24));
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, 12.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_NODE, 16.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
        graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        // keep the definition's order where the layout leaves a choice: the seed's order reads as the story
        graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        // a transition to a state earlier in the definition is a loop back (revision to review): drawn going back
        graph.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.MODEL_ORDER);
        if (aspect > 0) {
            // a long chain of states wrapped into rows reads like lines of text
            graph.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
            graph.setProperty(LayeredOptions.WRAPPING_CUTTING_STRATEGY, CuttingStrategy.ARD);
            graph.setProperty(LayeredOptions.WRAPPING_VALIDIFY_STRATEGY, ValidifyStrategy.NO);
            graph.setProperty(CoreOptions.ASPECT_RATIO, aspect);
        }

        // the start marker first: in the model's order nothing comes before it, so its arrow points forward
        ElkNode dot = ElkGraphUtil.createNode(graph);
        dot.setIdentifier("start");
        dot.setDimensions(DOT, DOT);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (State s : w.states()) {
            Box box = m.boxes.get(s.id());
            ElkNode n = ElkGraphUtil.createNode(graph);
            n.setIdentifier(s.id());
            n.setDimensions(box.width, box.height);
            nodes.put(s.id(), n);
        }
        ElkEdge startEdge = ElkGraphUtil.createSimpleEdge(dot, nodes.get(w.initialState().id()));

        List<ElkEdge> edges = new ArrayList<>();
        for (int i = 0; i < w.transitions().size(); i++) {
            Transition t = w.transitions().get(i);
            ElkEdge e = ElkGraphUtil.createSimpleEdge(nodes.get(t.from()), nodes.get(t.to()));
            ElkLabel label = ElkGraphUtil.createLabel(Labels.humanize(t.event()), e);
            label.setDimensions(m.labels.get(i) + 2 * LABEL_PAD_X, lineHeight(TextStyle.EVENT) + 2 * LABEL_PAD_Y);
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            edges.add(e);
        }

        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        List<WorkflowDiagram.StateBox> states = new ArrayList<>();
        for (State s : w.states()) {
            ElkNode n = nodes.get(s.id());
            states.add(m.boxes.get(s.id()).place(n.getX(), n.getY(), w.initialState().id().equals(s.id()),
                    w.isFinal(s.id()), s.id().equals(current)));
        }
        List<WorkflowDiagram.Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            Transition t = w.transitions().get(i);
            ElkEdge e = edges.get(i);
            ElkLabel l = e.getLabels().get(0);
            WorkflowDiagram.Rect labelBox = new WorkflowDiagram.Rect(l.getX(), l.getY(), l.getWidth(), l.getHeight());
            String text = l.getText();
            WorkflowDiagram.Text placed = new WorkflowDiagram.Text(text, TextStyle.EVENT, l.getX() + LABEL_PAD_X,
                    l.getY() + LABEL_PAD_Y + baseline(TextStyle.EVENT), m.labels.get(i));
            arrows.add(new WorkflowDiagram.Arrow(t, text, points(e), labelBox, placed, t.from().equals(current)));
        }
        WorkflowDiagram.Start start = new WorkflowDiagram.Start(
                new WorkflowDiagram.Rect(dot.getX(), dot.getY(), DOT, DOT), points(startEdge));
        return new WorkflowDiagram(w.id(), w.board() + " (" + w.id() + ")", graph.getWidth(), graph.getHeight(),
                states, arrows, start, Optional.ofNullable(current));
    }

    /** The edge's route: start, bends, end (ELK gives one section for an edge between two plain nodes). */
    private static List<WorkflowDiagram.Point> points(ElkEdge e) {
        List<WorkflowDiagram.Point> points = new ArrayList<>();
        for (ElkEdgeSection section : e.getSections()) {
            add(points, section.getStartX(), section.getStartY());
            for (ElkBendPoint b : section.getBendPoints()) {
                add(points, b.getX(), b.getY());
            }
            add(points, section.getEndX(), section.getEndY());
        }
        return points;
    }

    private static void add(List<WorkflowDiagram.Point> points, double x, double y) {
        WorkflowDiagram.Point p = new WorkflowDiagram.Point(x, y);
        if (points.isEmpty() || !points.get(points.size() - 1).equals(p)) {
            points.add(p);
        }
    }

    static double lineHeight(TextStyle style) {
        return Math.ceil(style.size() * 1.3);
    }

    /** Where the letters sit in a line of {@link #lineHeight}: caps and descenders both inside it. */
    static double baseline(TextStyle style) {
        return Math.round(style.size() * 1.0);
    }

    /** A state's box measured for its text, before it has a place. */
    private record Box(State state, String agent, long cards, double width, double height, double nameWidth,
                       double agentWidth, double countWidth, double badgeWidth) {

        static Box measure(State s, String agent, long cards, TextMeasure m) {
            double name = m.width(s.label(), TextStyle.STATE);
            double agentWidth = agent.isEmpty() ? 0 : m.width(agent, TextStyle.AGENT);
            double count = m.width(String.valueOf(cards), TextStyle.COUNT);
            double badge = Math.max(count + 2 * BADGE_PAD, lineHeight(TextStyle.COUNT) + 2);
            double width = Math.max(MIN_BOX_WIDTH, Math.ceil(Math.max(name + BADGE_GAP + badge, agentWidth) + 2 * PAD_X));
            double height = 2 * PAD_Y + lineHeight(TextStyle.STATE)
                    + (agent.isEmpty() ? 0 : LINE_GAP + lineHeight(TextStyle.AGENT));
            return new Box(s, agent, cards, width, height, name, agentWidth, count, badge);
        }

        WorkflowDiagram.StateBox place(double x, double y, boolean initial, boolean last, boolean current) {
            WorkflowDiagram.Rect bounds = new WorkflowDiagram.Rect(x, y, width, height);
            double nameTop = y + PAD_Y;
            WorkflowDiagram.Text name = new WorkflowDiagram.Text(state.label(), TextStyle.STATE, x + PAD_X,
                    nameTop + baseline(TextStyle.STATE), nameWidth);
            Optional<WorkflowDiagram.Text> agentLine = agent.isEmpty() ? Optional.empty()
                    : Optional.of(new WorkflowDiagram.Text(agent, TextStyle.AGENT, x + PAD_X,
                    nameTop + lineHeight(TextStyle.STATE) + LINE_GAP + baseline(TextStyle.AGENT), agentWidth));
            double badgeHeight = lineHeight(TextStyle.COUNT) + 2;
            double badgeTop = nameTop + (lineHeight(TextStyle.STATE) - badgeHeight) / 2;
            WorkflowDiagram.Rect badge = new WorkflowDiagram.Rect(x + width - PAD_X - badgeWidth, badgeTop, badgeWidth, badgeHeight);
            WorkflowDiagram.Text count = new WorkflowDiagram.Text(String.valueOf(cards), TextStyle.COUNT,
                    badge.x() + (badgeWidth - countWidth) / 2, badgeTop + 1 + baseline(TextStyle.COUNT), countWidth);
            return new WorkflowDiagram.StateBox(state.id(), state.label(), state.description(), agent, cards, bounds,
                    name, agentLine, badge, count, initial, last, current);
        }
    }
}
