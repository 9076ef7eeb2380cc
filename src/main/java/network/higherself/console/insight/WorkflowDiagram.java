package network.higherself.console.insight;

import network.higherself.console.workflow.Transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workflow drawn: every state a box, every transition an arrow with its event's name, laid out and ready to be
 * painted (in the window, as SVG, as PNG) without any further arithmetic. Coordinates are pixels from the top left.
 *
 * @param workflowId   the workflow's id
 * @param title        what the drawing shows, e.g. "Gallery exhibits (WF-GALLERY-EXH)"
 * @param width        the drawing's width, margins included
 * @param height       the drawing's height, margins included
 * @param states       one box per state, in the workflow's order
 * @param arrows       one arrow per transition, in the workflow's order
 * @param start        the start marker and its arrow to the initial state
 * @param currentState the state of the card the drawing was made for, if any
 */
public record WorkflowDiagram(String workflowId, String title, double width, double height, List<StateBox> states,
                              List<Arrow> arrows, Start start, Optional<String> currentState) {

    public WorkflowDiagram {
        states = List.copyOf(states);
        arrows = List.copyOf(arrows);
    }

    /** The box of a state. */
    public Optional<StateBox> state(String stateId) {
        return states.stream().filter(s -> s.stateId().equals(stateId)).findFirst();
    }

    /** A point of the drawing. */
    public record Point(double x, double y) {
    }

    /** A rectangle of the drawing. */
    public record Rect(double x, double y, double width, double height) {

        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }

        /** Whether the two share any area (touching edges do not count). */
        public boolean overlaps(Rect o) {
            return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
        }

        /** Whether {@code p} lies on this rectangle's outline, give or take {@code tolerance}. */
        public boolean hasOnBorder(Point p, double tolerance) {
            boolean withinX = p.x() >= x - tolerance && p.x() <= maxX() + tolerance;
            boolean withinY = p.y() >= y - tolerance && p.y() <= maxY() + tolerance;
            boolean onVertical = withinY && (Math.abs(p.x() - x) <= tolerance || Math.abs(p.x() - maxX()) <= tolerance);
            boolean onHorizontal = withinX && (Math.abs(p.y() - y) <= tolerance || Math.abs(p.y() - maxY()) <= tolerance);
            return onVertical || onHorizontal;
        }
    }

    /**
     * A line of text placed in the drawing.
     *
     * @param x        its left end
     * @param baseline the line its letters sit on
     * @param width    its width as measured when laid out
     */
    public record Text(String text, TextStyle style, double x, double baseline, double width) {
    }

    /**
     * A state's box.
     *
     * @param label       the state as people read it ("Quote provided")
     * @param description the definition's description of the state
     * @param agent       the agent responsible for the state ("Solari (Booking Agent)"), or empty
     * @param cards       how many cards are in the state now
     * @param bounds      the box
     * @param name        the state's label, placed
     * @param agentLine   the agent's name, placed (absent when no agent is responsible)
     * @param badge       the card count's badge
     * @param count       the card count, placed in its badge
     * @param initial     whether cards start here
     * @param last        whether the state is final (no way out)
     * @param current     whether the card the drawing was made for is here
     */
    public record StateBox(String stateId, String label, String description, String agent, long cards, Rect bounds,
                           Text name, Optional<Text> agentLine, Rect badge, Text count, boolean initial, boolean last,
                           boolean current) {

        /** A final state's second outline, inside the first: a double border marks the end of the way. */
        public Rect inner() {
            return new Rect(bounds.x() + 3, bounds.y() + 3, bounds.width() - 6, bounds.height() - 6);
        }
    }

    /**
     * A transition's arrow: a line through {@code points}, from the border of its state's box to the border of the
     * box it leads to, where its head is.
     *
     * @param label    the event as people read it ("Client accepted quote")
     * @param labelBox where the label sits
     * @param text     the label, placed in its box
     * @param next     whether it leaves the current card's state: one of the card's legal next events
     */
    public record Arrow(Transition transition, String label, List<Point> points, Rect labelBox, Text text, boolean next) {

        public Arrow {
            points = List.copyOf(points);
        }

        public Point first() {
            return points.get(0);
        }

        public Point last() {
            return points.get(points.size() - 1);
        }

        /** The line to draw: the route, stopping where the head begins. */
        public List<Point> line() {
            return lineTo(points);
        }

        /** The head: a triangle whose tip is the route's end, on the border of the box it leads to. */
        public List<Point> head() {
            return headAt(points);
        }
    }

    /** The start marker: a dot, and an arrow from it to the initial state's box. */
    public record Start(Rect dot, List<Point> points) {

        public Start {
            points = List.copyOf(points);
        }

        public List<Point> line() {
            return lineTo(points);
        }

        public List<Point> head() {
            return headAt(points);
        }
    }

    /** How long an arrow's head is, and half its width. */
    static final double HEAD_LENGTH = 9;
    static final double HEAD_HALF_WIDTH = 4.5;

    private static List<Point> lineTo(List<Point> points) {
        List<Point> line = new ArrayList<>(points);
        if (line.size() >= 2) {
            line.set(line.size() - 1, headBase(points));
        }
        return line;
    }

    private static List<Point> headAt(List<Point> points) {
        if (points.size() < 2) {
            return List.of();
        }
        Point base = headBase(points);
        Point tip = points.get(points.size() - 1);
        double dx = tip.x() - base.x();
        double dy = tip.y() - base.y();
        double length = Math.max(Math.hypot(dx, dy), 1e-9);
        double nx = -dy / length * HEAD_HALF_WIDTH;
        double ny = dx / length * HEAD_HALF_WIDTH;
        return List.of(tip, new Point(base.x() + nx, base.y() + ny), new Point(base.x() - nx, base.y() - ny));
    }

    /** Where the head's base is: {@link #HEAD_LENGTH} back from the tip along the last segment (less if it is shorter). */
    private static Point headBase(List<Point> points) {
        Point tip = points.get(points.size() - 1);
        Point from = points.get(points.size() - 2);
        double dx = tip.x() - from.x();
        double dy = tip.y() - from.y();
        double length = Math.hypot(dx, dy);
        double back = length == 0 ? 0 : Math.min(HEAD_LENGTH, length) / length;
        return new Point(tip.x() - dx * back, tip.y() - dy * back);
    }
}
