package network.higherself.console.app;

import javafx.application.Platform;
import network.higherself.console.insight.DiagramLayout;
import network.higherself.console.insight.DiagramSvg;
import network.higherself.console.insight.TextMeasure;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.ui.insight.DiagramFiles;
import network.higherself.console.ui.insight.DiagramPane;
import network.higherself.console.ui.insight.FxText;
import network.higherself.console.workflow.Workflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** {@code diagram --board WF-... --out FILE.svg|FILE.png}: draws a board's workflow. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = "Draws a board's workflow: its states as boxes (each with its agent and how many cards it holds), "
                + "its transitions as arrows labelled with their events, the start and the final states marked. "
                + "SVG needs nothing else; PNG is drawn by the window's toolkit, which needs a graphical desktop.")
final class DiagramCommand extends DataCommand {

    @Option(names = "--board", required = true, paramLabel = "WF-ID", description = "The workflow, e.g. WF-GALLERY-EXH.")
    String board;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it: a name ending in .svg or .png.")
    Path out;

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        Optional<Workflow> found = board(services, board, err);
        if (found.isEmpty()) {
            return 1;
        }
        Workflow w = found.get();
        String name = this.out.getFileName() == null ? "" : this.out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            err.println(DiagramFiles.shown(this.out) + ": the file's name must end in .svg (a drawing any browser "
                    + "opens) or .png (a picture).");
            return 1;
        }
        Map<String, Long> cards = services.queries().countsByState(w.id());
        byte[] bytes;
        if (png) {
            Optional<String> problem = startToolkit();
            if (problem.isPresent()) {
                err.println(problem.get());
                return 1;
            }
            bytes = onToolkit(() -> {
                FxText fonts = new FxText();
                return DiagramPane.png(DiagramLayout.layout(w, cards, null, fonts), fonts);
            });
        } else {
            bytes = DiagramSvg.write(DiagramLayout.layout(w, cards, null, TextMeasure.helvetica())).getBytes(StandardCharsets.UTF_8);
        }
        try {
            DiagramFiles.write(this.out, bytes);
        } catch (IOException e) {
            err.println(DiagramFiles.problem(this.out, e));
            return 1;
        }
        out.println(w.board() + " drawn (" + w.states().size() + " states, " + w.transitions().size() + " transitions) to "
                + DiagramFiles.shown(this.out) + ".");
        return 0;
    }

    /** Starts JavaFX (once a process), in the light theme; the reason in a sentence when there is no desktop. */
    private static Optional<String> startToolkit() {
        try {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.join();
        } catch (IllegalStateException alreadyRunning) {
            // started before in this process
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return Optional.of("A PNG is drawn with the console's window toolkit, which could not start here ("
                    + e.getMessage() + "): it needs a graphical desktop (on Linux a DISPLAY, or run the command under "
                    + "xvfb-run). Write an .svg instead: it needs none.");
        }
        Platform.setImplicitExit(false);
        return Optional.empty();
    }

    private static byte[] onToolkit(java.util.concurrent.Callable<byte[]> work) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Theme.applyLight();
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while drawing the PNG", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The PNG could not be drawn: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
