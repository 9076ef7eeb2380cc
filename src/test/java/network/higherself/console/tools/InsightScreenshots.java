package network.higherself.console.tools;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import network.higherself.console.app.Services;
import network.higherself.console.demo.DemoData;
import network.higherself.console.insight.DiagramLayout;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.HistoryQueries;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.Png;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.ui.insight.DiagramPane;
import network.higherself.console.ui.insight.DiagramViewModel;
import network.higherself.console.ui.insight.FxText;
import network.higherself.console.ui.insight.InsightSource;
import network.higherself.console.ui.insight.InsightWindows;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Takes the screenshots of the workflows drawn and of the insight window on fresh demo data: every workflow as the
 * command line draws it, the window's diagram (a card selected), cumulative flow, cycle times and throughput of two
 * boards, and a third board in the dark theme. Run:
 * {@code mvn -B -q -Pscreenshots test-compile exec:exec -Dscreenshots.main=network.higherself.console.tools.InsightScreenshots}
 */
public final class InsightScreenshots {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("hsc-insight-tour");
        Services services = Services.open(new DataFolder(data), Clock.systemDefaultZone());
        services.demoData().seed();
        services.agents().runner().run();
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // one window after another: none may be the last
        onFx(() -> {
            Theme.applyLight();
            return null;
        });
        InsightSource source = InsightSource.of(new HistoryQueries(services.database().dataSource()), services.queries());
        InsightWindows windows = new InsightWindows(source, executor, services.clock(), noOpener());
        Stage owner = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new javafx.scene.layout.Pane(), 10, 10));
            return s;
        });

        FxText fonts = onFx(FxText::new);
        for (Workflow w : services.workflows().all()) {
            // the diagram alone, as the command line draws it
            byte[] png = onFx(() -> DiagramPane.png(DiagramLayout.layout(w, source.cardsByState(w.id()), null, fonts), fonts));
            Files.write(out.resolve("diagram-" + w.id() + ".png"), png);
            System.out.println("  " + out.resolve("diagram-" + w.id() + ".png"));
        }

        // the window: a booking selected on its board, the charts of the last four weeks; Content in the dark theme
        for (String id : List.of("WF-WELL-BOOK", "WF-GALLERY-EXH", "WF-CONT-CYCLE")) {
            Workflow w = services.workflows().get(id);
            boolean dark = id.equals("WF-CONT-CYCLE");
            String suffix = dark ? "-dark" : "-" + id;
            State middle = w.states().get(w.states().size() / 3);
            List<CardSummary> cards = services.queries().firstPage(w.id(), middle.id(), 1);
            DiagramViewModel.SelectedCard card = cards.isEmpty() ? null
                    : new DiagramViewModel.SelectedCard(cards.get(0).id(), cards.get(0).title(), cards.get(0).state());
            onFx(() -> {
                if (dark) {
                    Theme.applyDark();
                }
                return null;
            });
            InsightWindows.Opened window = onFx(() -> windows.show(owner, w, card));
            onFx(() -> {
                window.stage().setWidth(1360);
                window.stage().setHeight(820);
                return null;
            });
            await(() -> window.model().diagram().diagramProperty().get() != null
                    && window.model().cycleTimes().resultProperty().get() != null
                    && window.model().throughput().throughputProperty().get() != null
                    && window.model().flow().flowProperty().get() != null);
            snap(window, 0, out.resolve("insight-diagram" + suffix + ".png"));
            snap(window, 1, out.resolve("insight-flow" + suffix + ".png"));
            snap(window, 2, out.resolve("insight-cycle" + suffix + ".png"));
            if (!dark) {
                snap(window, 3, out.resolve("insight-throughput" + suffix + ".png"));
            }
            onFx(() -> {
                window.stage().hide();
                Theme.applyLight();
                return null;
            });
        }
        executor.close();
        services.close();
        Platform.exit();
        System.out.println("Screenshots written to " + out.toAbsolutePath());
    }

    private static void snap(InsightWindows.Opened window, int tab, Path file) throws Exception {
        onFx(() -> {
            window.controller().tabs().getSelectionModel().select(tab);
            return null;
        });
        Thread.sleep(700); // let the tab lay out and render
        byte[] png = onFx(() -> Png.encode(window.stage().getScene().snapshot(null)));
        Files.write(file, png);
        System.out.println("  " + file);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onFx(ready::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the insight window did not get ready within a minute");
            }
            Thread.sleep(100);
        }
    }

    private static CardOpener noOpener() {
        return new CardOpener() {
            @Override
            public void open(javafx.stage.Window owner, long cardId, Runnable then) {
            }

            @Override
            public void create(javafx.stage.Window owner, Workflow workflow, Runnable then) {
            }
        };
    }
}
