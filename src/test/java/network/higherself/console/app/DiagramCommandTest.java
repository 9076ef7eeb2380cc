package network.higherself.console.app;

import network.higherself.console.store.CardQueries;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** diagram --board ... --out FILE.svg / FILE.png, on demo data: the workflow drawn with the board's card counts. */
class DiagramCommandTest {

    @TempDir
    static Path dir;
    private static Path data;

    private String out;
    private String err;

    @BeforeAll
    static void demo() {
        data = dir.resolve("data");
        assertThat(new DiagramCommandTest().run("init-demo")).isZero();
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Launcher.commandLine(user -> Optional.empty());
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int status = cl.execute(all);
        out = o.toString();
        err = e.toString();
        return status;
    }

    @Test
    void theSvgHoldsEveryStateWithItsCardCountAndEveryTransition() throws Exception {
        Path svg = dir.resolve("gallery.svg");
        assertThat(run("diagram", "--board", "WF-GALLERY-EXH", "--out", svg.toString())).as(err).isZero();
        assertThat(out).isEqualTo("Gallery exhibits drawn (11 states, 10 transitions) to " + svg + ".\n");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        Map<String, Long> shown = new HashMap<>();
        int transitions = 0;
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            String cls = g.getAttribute("class");
            if (cls.startsWith("state")) {
                NodeList texts = g.getElementsByTagNameNS("*", "text");
                for (int t = 0; t < texts.getLength(); t++) {
                    Element text = (Element) texts.item(t);
                    if (text.getAttribute("class").equals("count")) {
                        shown.put(g.getAttribute("data-state"), Long.parseLong(text.getTextContent()));
                    }
                }
            } else if (cls.startsWith("transition")) {
                transitions++;
            }
        }
        try (Database db = Database.open(new DataFolder(data), Clock.systemDefaultZone())) {
            Map<String, Long> counts = new CardQueries(db.dataSource()).countsByState("WF-GALLERY-EXH");
            assertThat(shown).hasSize(11).isEqualTo(counts);
        }
        assertThat(transitions).isEqualTo(10);
    }

    @Test
    void thePngIsTheWindowsPictureOfTheWorkflowAtTwiceItsSize() throws Exception {
        Path png = dir.resolve("bookings.png");
        assertThat(run("diagram", "--board", "WF-WELL-BOOK", "--out", png.toString())).as(err).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(1600);
        assertThat(image.getHeight()).isGreaterThan(400);
        // the background is the light theme's, not transparent or black
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void anEarlierFileOfThatNameIsReplacedWhole() throws Exception {
        Path svg = dir.resolve("consult.svg");
        Files.writeString(svg, "an older file, ".repeat(100_000));
        assertThat(run("diagram", "--board", "WF-CONSULT", "--out", svg.toString())).as(err).isZero();
        assertThat(Files.readString(svg)).startsWith("<?xml").doesNotContain("an older file").endsWith("</svg>\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
