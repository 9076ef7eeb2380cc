package network.higherself.console.insight;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workflow diagram as an SVG document: a group per state ({@code class="state"}) and per transition
 * ({@code class="transition"}), each with a tooltip, styled by one stylesheet inside the file whose colours are the
 * console theme's tokens, light, or dark where the viewer prefers dark. Written with the JDK's StAX writer, which
 * escapes every name and description.
 *
 * <p>Lay the diagram out with {@link TextMeasure#helvetica()}: the file names Helvetica, Arial and Liberation Sans,
 * which share those widths, so the text fits its boxes wherever it is opened.
 */
public final class DiagramSvg {

    private static final String SVG = "http://www.w3.org/2000/svg";
    public static final String FONTS = "Helvetica, Arial, 'Liberation Sans', sans-serif";

    /**
     * The light colours are written on each element (Primer light's tokens: bg-default, bg-subtle, base-4, fg-default,
     * fg-muted, base-5, accent-5, accent-0, base-1), so that every viewer shows them, even one that reads no CSS;
     * viewers that read CSS switch to Primer dark's where the person prefers dark.
     */
    private static final String DARK = """
            @media (prefers-color-scheme: dark) {
              .background, .label-box { fill: #0d1117; }
              .box { fill: #161b22; stroke: #6e7681; }
              .inner { stroke: #6e7681; }
              .current .box { fill: #0c2d6b; stroke: #58a6ff; }
              .name, .count { fill: #c9d1d9; }
              .agent, .label { fill: #8b949e; }
              .badge { fill: #30363d; }
              .current .badge { fill: #1f6feb; }
              .line { stroke: #8b949e; }
              .head, .dot { fill: #8b949e; }
              .next .line { stroke: #58a6ff; }
              .next .head, .next .label { fill: #58a6ff; }
            }
            """;

    private static final String BACKGROUND = "#ffffff";
    private static final String BOX = "#f6f8fa";
    private static final String OUTLINE = "#8c959f";
    private static final String TEXT = "#24292f";
    private static final String MUTED = "#57606a";
    private static final String LINE = "#6e7781";
    private static final String ACCENT = "#0969da";
    private static final String ACCENT_SUBTLE = "#ddf4ff";
    private static final String BADGE = "#eaeef2";

    private DiagramSvg() {
    }

    public static String write(WorkflowDiagram d) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("svg");
            x.writeDefaultNamespace(SVG);
            x.writeAttribute("width", n(d.width()));
            x.writeAttribute("height", n(d.height()));
            x.writeAttribute("viewBox", "0 0 " + n(d.width()) + " " + n(d.height()));
            x.writeAttribute("font-family", FONTS);
            element(x, "title", d.title());
            element(x, "style", DARK);
            rect(x, "background", new WorkflowDiagram.Rect(0, 0, d.width(), d.height()), 0, BACKGROUND, null, 0);

            x.writeStartElement("g");
            x.writeAttribute("class", "start");
            element(x, "title", "Cards start in " + d.states().stream().filter(WorkflowDiagram.StateBox::initial)
                    .map(WorkflowDiagram.StateBox::label).findFirst().orElse(""));
            x.writeEmptyElement("circle");
            x.writeAttribute("class", "dot");
            x.writeAttribute("cx", n(d.start().dot().x() + d.start().dot().width() / 2));
            x.writeAttribute("cy", n(d.start().dot().y() + d.start().dot().height() / 2));
            x.writeAttribute("r", n(d.start().dot().width() / 2));
            x.writeAttribute("fill", LINE);
            line(x, d.start().line(), d.start().head(), false);
            x.writeEndElement();

            for (WorkflowDiagram.Arrow a : d.arrows()) {
                x.writeStartElement("g");
                x.writeAttribute("class", a.next() ? "transition next" : "transition");
                x.writeAttribute("data-event", a.transition().event());
                x.writeAttribute("data-from", a.transition().from());
                x.writeAttribute("data-to", a.transition().to());
                element(x, "title", a.label() + ": " + label(d, a.transition().from()) + " \u2192 " + label(d, a.transition().to()));
                line(x, a.line(), a.head(), a.next());
                rect(x, "label-box", a.labelBox(), 3, BACKGROUND, null, 0);
                text(x, "label", a.text(), a.next() ? ACCENT : MUTED);
                x.writeEndElement();
            }

            for (WorkflowDiagram.StateBox s : d.states()) {
                List<String> classes = new ArrayList<>(List.of("state"));
                if (s.initial()) {
                    classes.add("initial");
                }
                if (s.last()) {
                    classes.add("final");
                }
                if (s.current()) {
                    classes.add("current");
                }
                x.writeStartElement("g");
                x.writeAttribute("class", String.join(" ", classes));
                x.writeAttribute("data-state", s.stateId());
                element(x, "title", tooltip(s));
                rect(x, "box", s.bounds(), 6, s.current() ? ACCENT_SUBTLE : BOX, s.current() ? ACCENT : OUTLINE,
                        s.current() ? 2.4 : 1.2);
                if (s.last()) {
                    rect(x, "inner", s.inner(), 4, "none", s.current() ? ACCENT : OUTLINE, 1.2);
                }
                text(x, "name", s.name(), TEXT);
                if (s.agentLine().isPresent()) {
                    text(x, "agent", s.agentLine().get(), MUTED);
                }
                rect(x, "badge", s.badge(), s.badge().height() / 2, s.current() ? ACCENT : BADGE, null, 0);
                text(x, "count", s.count(), s.current() ? BACKGROUND : TEXT);
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The diagram could not be written as SVG: " + e.getMessage(), e);
        }
        return out.toString() + "\n";
    }

    /** What a state's tooltip says: its name, description, agent and cards. */
    public static String tooltip(WorkflowDiagram.StateBox s) {
        StringBuilder b = new StringBuilder(s.label());
        if (s.initial()) {
            b.append(" (cards start here)");
        }
        if (s.last()) {
            b.append(" (final)");
        }
        b.append("\n").append(s.description());
        if (!s.agent().isEmpty()) {
            b.append("\nResponsible: ").append(s.agent());
        }
        b.append("\n").append(s.cards() == 1 ? "1 card" : s.cards() + " cards");
        if (s.current()) {
            b.append(", among them the selected card");
        }
        return b.toString();
    }

    private static String label(WorkflowDiagram d, String stateId) {
        return d.state(stateId).map(WorkflowDiagram.StateBox::label).orElse(stateId);
    }

    private static void line(XMLStreamWriter x, List<WorkflowDiagram.Point> line, List<WorkflowDiagram.Point> head,
                             boolean next) throws XMLStreamException {
        x.writeEmptyElement("polyline");
        x.writeAttribute("class", "line");
        x.writeAttribute("points", points(line));
        x.writeAttribute("fill", "none");
        x.writeAttribute("stroke", next ? ACCENT : LINE);
        x.writeAttribute("stroke-width", next ? "2.2" : "1.2");
        x.writeEmptyElement("polygon");
        x.writeAttribute("class", "head");
        x.writeAttribute("points", points(head));
        x.writeAttribute("fill", next ? ACCENT : LINE);
    }

    private static void rect(XMLStreamWriter x, String cls, WorkflowDiagram.Rect r, double radius, String fill,
                             String stroke, double strokeWidth) throws XMLStreamException {
        x.writeEmptyElement("rect");
        x.writeAttribute("class", cls);
        x.writeAttribute("x", n(r.x()));
        x.writeAttribute("y", n(r.y()));
        x.writeAttribute("width", n(r.width()));
        x.writeAttribute("height", n(r.height()));
        if (radius > 0) {
            x.writeAttribute("rx", n(radius));
        }
        x.writeAttribute("fill", fill);
        if (stroke != null) {
            x.writeAttribute("stroke", stroke);
            x.writeAttribute("stroke-width", n(strokeWidth));
        }
    }

    private static void text(XMLStreamWriter x, String cls, WorkflowDiagram.Text t, String fill) throws XMLStreamException {
        x.writeStartElement("text");
        x.writeAttribute("class", cls);
        x.writeAttribute("x", n(t.x()));
        x.writeAttribute("y", n(t.baseline()));
        x.writeAttribute("font-size", n(t.style().size()));
        if (t.style().bold()) {
            x.writeAttribute("font-weight", "bold");
        }
        x.writeAttribute("fill", fill);
        x.writeCharacters(xmlSafe(t.text()));
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    /** The text with each character XML 1.0 cannot hold (control characters, lone surrogates) as U+FFFD. */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            b.appendCodePoint(allowed ? c : 0xFFFD);
        }
        return b.toString();
    }

    private static String points(List<WorkflowDiagram.Point> points) {
        StringBuilder b = new StringBuilder();
        for (WorkflowDiagram.Point p : points) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(n(p.x())).append(',').append(n(p.y()));
        }
        return b.toString();
    }

    /** A number as SVG writes it: at most two decimals, a dot whatever the locale. */
    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
