package network.higherself.console.insight;

import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import network.higherself.console.workflow.WorkflowLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG opens in any XML parser and holds one group per state and per transition, with their names. */
class DiagramSvgTest {

    static List<Workflow> workflows() {
        return WorkflowCatalog.bundled().all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void theSvgParsesAndHoldsOneElementPerStateAndPerTransition(Workflow w) throws Exception {
        String current = w.states().get(2).id();
        WorkflowDiagram d = DiagramLayout.layout(w, Map.of(current, 4L), current, TextMeasure.helvetica());
        Document svg = parse(DiagramSvg.write(d));

        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        List<Element> states = groups(svg, "state");
        assertThat(states).extracting(g -> g.getAttribute("data-state"))
                .containsExactlyElementsOf(w.states().stream().map(s -> s.id()).toList());
        List<Element> transitions = groups(svg, "transition");
        assertThat(transitions).extracting(g -> g.getAttribute("data-from") + ">" + g.getAttribute("data-event") + ">" + g.getAttribute("data-to"))
                .containsExactlyElementsOf(w.transitions().stream().map(t -> t.from() + ">" + t.event() + ">" + t.to()).toList());
        for (int i = 0; i < states.size(); i++) {
            assertThat(states.get(i).getTextContent()).contains(w.states().get(i).label());
        }
        for (int i = 0; i < transitions.size(); i++) {
            assertThat(transitions.get(i).getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(1);
            assertThat(transitions.get(i).getTextContent()).contains(d.arrows().get(i).label());
        }
        Element currentBox = states.stream().filter(g -> g.getAttribute("data-state").equals(current)).findFirst().orElseThrow();
        assertThat(classes(currentBox)).contains("current");
        assertThat(currentBox.getTextContent()).contains("4");
        assertThat(transitions.stream().filter(g -> classes(g).contains("next")).map(g -> g.getAttribute("data-event")))
                .containsExactlyElementsOf(w.transitionsFrom(current).stream().map(t -> t.event()).toList());
        assertThat(states.stream().filter(g -> classes(g).contains("final")).map(g -> g.getAttribute("data-state")))
                .containsExactlyInAnyOrderElementsOf(w.finalStates());
        assertThat(states.stream().filter(g -> classes(g).contains("initial")).map(g -> g.getAttribute("data-state")))
                .containsExactly(w.initialState().id());
    }

    @Test
    void markupAndControlCharactersInADefinitionCannotBreakTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("WF-TEST.json");
        String definition = Files.readString(Path.of(DiagramSvgTest.class.getResource("/definitions/valid/small.json").toURI()))
                .replace("\"In review\"", "\"Review <b>now</b> & \\\"then\\\" \\u0007 ]]> </svg>\"")
                .replace("\"Test Agent\"", "\"Agent <script>alert(1)</script>\"");
        Files.writeString(file, definition);
        Workflow w = new WorkflowLoader().load(file).workflow().orElseThrow();

        Document svg = parse(DiagramSvg.write(DiagramLayout.layout(w, Map.of(), "review", TextMeasure.helvetica())));

        assertThat(groups(svg, "state")).hasSize(3);
        assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(svg.getElementsByTagNameNS("*", "b").getLength()).isZero();
        assertThat(svg.getDocumentElement().getTextContent()).contains("Review <b>now</b> & \"then\" \uFFFD ]]> </svg>")
                .contains("Agent <script>alert(1)</script>");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> groups(Document svg, String cls) {
        NodeList all = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if (classes(g).contains(cls)) {
                out.add(g);
            }
        }
        return out;
    }

    private static List<String> classes(Element e) {
        return List.of(e.getAttribute("class").split(" "));
    }
}
