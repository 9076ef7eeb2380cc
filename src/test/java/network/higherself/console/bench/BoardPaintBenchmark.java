package network.higherself.console.bench;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.app.Services;
import network.higherself.console.demo.BulkCards;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.ColumnFilter;
import network.higherself.console.store.DataFolder;
import network.higherself.console.ui.board.BoardView;
import network.higherself.console.ui.board.BoardViewModel;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Opens a board whose one column holds 100,000 cards and prints the time to first paint and the JVM's resident
 * memory (goal: under 300 ms and 350 MB), next to the same figures for a board of the same shape (12 columns) whose
 * biggest column holds 5 cards. A benchmark that prints figures, not a test: nothing here fails on a slow machine.
 *
 * <p>Run headless (Monocle, software rendering) with {@code mvn -B -q -Ppaint test-compile exec:exec}; see the
 * {@code paint} profile in pom.xml. {@code -Dpaint.jvm="..."} passes JVM flags and properties to the measuring
 * JVM, e.g. {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, {@code -Dpaint.rounds=5} (warm rounds),
 * {@code -Dpaint.verbose=true} (each open's reads and the full query plans),
 * {@code -XX:NativeMemoryTracking=summary} (what the resident memory is made of), {@code -Dpaint.histogram=true}.
 *
 * <p>Preparing the data is not measured: the first run fills {@code /tmp/hsc-paint-bench} ({@code -Dpaint.dir})
 * in a separate JVM (about 20 s); later runs reuse it. The measuring JVM has run no query before the first board.
 *
 * <p>What "first paint" means here: the clock starts on the JavaFX thread when the board is requested (the view
 * model and view are constructed, put in the window's scene, and {@code load} is called) and stops when the
 * render thread has finished drawing the frame of the first pulse whose layout put a real card (not a
 * placeholder) in cell 0 of the measured column. That frame is found with a post-layout pulse listener (which
 * sees the laid-out cells) and JavaFX's per-scene {@link PerformanceTracker} (whose "frame rendered" task runs
 * when the render thread is done with a frame of that scene). Before arming the tracker, the listener waits for
 * frames already on their way to finish, so the frame counted is the one with the cards in it. The marks printed
 * per open are: model ready (counts and every column's first page are in the lists), laid out, painted; and the
 * CPU time the process and the JavaFX, background and render threads used meanwhile, which says how much work an
 * open was even when other work on the machine stretches its wall-clock time.
 *
 * <p>Measured, in order: the cold open (the first board of the JVM: class loading, interpreted code, JIT), the
 * scroll to the last card, the reads alone, the query plans, then warm rounds: building each board again, and
 * switching back to a board already built (MainWindow keeps built boards and reloads them).
 */
public final class BoardPaintBenchmark {

    static final String BIG_WORKFLOW = "WF-WELL-BOOK";
    static final String BIG_STATE = "inquiry";
    static final int BIG = 100_000;
    /** A board of the same shape (12 columns) whose biggest column holds 5 cards. */
    static final String SMALL_WORKFLOW = "WF-CONT-CYCLE";
    static final String SMALL_STATE = "ideation";
    static final int SMALL = 5;
    /** A few cards in other columns of both boards, at the same column positions: {column index, count}. */
    private static final int[][] FEW = {{1, 3}, {2, 2}, {3, 1}, {6, 2}, {11, 4}};

    private static final String MARKER = "paint-bench-prepared.txt";
    private static final String MARKER_TEXT = "v1 " + BIG_WORKFLOW + "/" + BIG_STATE + "=" + BIG + " "
            + SMALL_WORKFLOW + "/" + SMALL_STATE + "=" + SMALL;
    private static final int MIDDLE = BIG / 2;
    private static final int LAST = (BIG - 1) / 60 * 60;
    private static final int WARM_ROUNDS = Integer.getInteger("paint.rounds", 3);
    /** -Dpaint.verbose=true: every read of each open, and the full query plans. */
    static final boolean VERBOSE = Boolean.getBoolean("paint.verbose");

    private final Services services;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final Actor actor = Actor.staff("bench", Role.MANAGER);
    private Stage stage;
    private Scene scene;
    /** The open waiting for its frame; the render thread hands it the time the frame was done. */
    private final AtomicReference<Frame> armed = new AtomicReference<>();
    private Method waitForRendering;

    /** The boards' queries, over a data source that records each read (kind, offset, time). */
    private final ReadLog reads;
    private final CardQueries boardQueries;

    private BoardPaintBenchmark(Services services) {
        this.services = services;
        this.reads = new ReadLog(services.database().dataSource());
        this.boardQueries = new CardQueries(reads.dataSource());
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--prepare")) {
            prepare(Path.of(args[1]));
            return;
        }
        long mainAt = uptimeMs();
        Path dir = Path.of(System.getProperty("paint.dir", "/tmp/hsc-paint-bench")).toAbsolutePath();
        ensurePrepared(dir);

        System.out.println("== Board first-paint benchmark ==");
        System.out.println("data: " + dir + "  |  " + BIG_WORKFLOW + "/" + BIG_STATE + ": " + fmt(BIG) + " cards, "
                + SMALL_WORKFLOW + "/" + SMALL_STATE + ": " + SMALL + " cards");
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, max heap " + mb(Runtime.getRuntime().maxMemory())
                + " MB, GC " + ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        System.out.println("JVM flags: " + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-D")).toList() + "; glass.platform=" + System.getProperty("glass.platform")
                + ", prism.order=" + System.getProperty("prism.order"));
        System.out.println("load average (other work on this machine): " + loadAverage());

        long t = System.nanoTime();
        Platform.setImplicitExit(false);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            Cpu.fxThread = Thread.currentThread();
            started.countDown();
        });
        started.await();
        long fxStart = System.nanoTime() - t;

        t = System.nanoTime();
        Services services = Services.open(new DataFolder(dir), Clock.systemDefaultZone());
        long dbOpen = System.nanoTime() - t;
        try {
            // H2 reuses the result of an identical query on the same connection when no table changed: off, so
            // that a repeated open reads the database as the first one did.
            try (Connection c = services.database().dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
            }
            BoardPaintBenchmark bench = new BoardPaintBenchmark(services);
            long windowMs = bench.showWindow();
            System.out.printf(Locale.ROOT, "start-up (not part of first paint): main() at %d ms of JVM uptime, "
                            + "JavaFX %d ms, database + Hibernate %d ms, empty themed window %d ms%n",
                    mainAt, ms(fxStart), ms(dbOpen), windowMs);
            bench.run();
        } finally {
            services.close();
            Platform.exit();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Workflow big = services.workflows().get(BIG_WORKFLOW);
        Workflow small = services.workflows().get(SMALL_WORKFLOW);

        Thread.sleep(500); // let start-up's background compilation and pool housekeeping settle, as a person would
        System.out.println();
        System.out.println("-- cold: the first board opened in this JVM (" + fmt(BIG) + "-card column) --");
        long coldAt = System.currentTimeMillis();
        Open coldBig = open(big, BIG_STATE);
        long uptimeAtPaint = uptimeMs();
        if (VERBOSE) {
            System.out.println("  (cold open from " + java.time.Instant.ofEpochMilli(coldAt) + " to "
                    + java.time.Instant.now() + ")");
        }
        Memory afterPaint = Memory.read();
        System.out.println("  first paint  " + coldBig + "   (JVM uptime " + uptimeAtPaint + " ms)");
        System.out.println("  memory after first paint: " + afterPaint);
        nativeMemory();
        Open coldScroll = scrollToEnd(BIG_STATE, BIG - 1);
        Memory afterScroll = Memory.read();
        System.out.println("  scroll to card " + fmt(BIG) + "  " + coldScroll);
        System.out.println("  memory after scrolling:   " + afterScroll);

        System.out.println();
        System.out.println("-- the same reads alone (CardQueries/JDBC, warm; min of 5, first in brackets) --");
        baseline(big, small);

        System.out.println();
        System.out.println("-- query plans (H2 EXPLAIN ANALYZE of CardQueries' own page and count SQL) --");
        explain();

        System.out.println();
        System.out.println("-- warm: " + WARM_ROUNDS + " rounds, each building, opening and scrolling the 5-card board, "
                + "then the " + fmt(BIG) + "-card one; then switching back to each (views kept, as MainWindow does) --");
        List<Open> smallOpens = new ArrayList<>();
        List<Open> bigOpens = new ArrayList<>();
        List<Open> smallScrolls = new ArrayList<>();
        List<Open> bigScrolls = new ArrayList<>();
        List<Open> smallBacks = new ArrayList<>();
        List<Open> bigBacks = new ArrayList<>();
        for (int round = 1; round <= WARM_ROUNDS; round++) {
            settle();
            Open so = open(small, SMALL_STATE);
            Open ss = scrollToEnd(SMALL_STATE, SMALL - 1);
            settle();
            Open bo = open(big, BIG_STATE);
            Open bs = scrollToEnd(BIG_STATE, BIG - 1);
            onFx(() -> list(bo.view, BIG_STATE).scrollTo(0));
            onFx(() -> scene.setRoot(so.view));
            settle();
            Open bb = switchTo(bo.view, BIG_STATE);
            settle();
            Open sb = switchTo(so.view, SMALL_STATE);
            smallOpens.add(so);
            smallScrolls.add(ss);
            smallBacks.add(sb);
            bigOpens.add(bo);
            bigScrolls.add(bs);
            bigBacks.add(bb);
            System.out.println("  round " + round + ", 5 cards:  built " + so);
            System.out.println("      scrolled to the last card " + ss.paintMs + " ms" + (ss.nothingDrawn ? " (nothing to redraw)" : ""));
            System.out.println("      switched back " + sb);
            System.out.println("  round " + round + ", " + fmt(BIG) + " cards:  built " + bo);
            System.out.println("      scrolled to the last card " + bs.paintMs + " ms" + (bs.nothingDrawn ? " (nothing to redraw)" : ""));
            System.out.println("      switched back " + bb);
        }
        System.out.println();
        System.out.println("-- swimlanes by priority on the " + fmt(BIG) + "-card board (4 lanes x 12 columns of lists; "
                + WARM_ROUNDS + " rounds, built each time) --");
        List<Open> laneOpens = new ArrayList<>();
        for (int round = 1; round <= WARM_ROUNDS; round++) {
            settle();
            Open lo = open(big, null, "priority");
            laneOpens.add(lo);
            System.out.println("  round " + round + ":  built " + lo);
        }
        Memory end = Memory.read();

        double smallOpen = median(smallOpens);
        double bigOpen = median(bigOpens);
        double smallScroll = median(smallScrolls);
        double bigScroll = median(bigScrolls);
        double smallBack = median(smallBacks);
        double bigBack = median(bigBacks);
        System.out.println();
        System.out.println("== summary ==");
        System.out.printf(Locale.ROOT, "first paint, cold (first board of the JVM), %s cards: %d ms   (goal < 300 ms: %s)%n",
                fmt(BIG), coldBig.paintMs, coldBig.paintMs < 300 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "first paint, warm, board built (median):  %s cards %.0f ms, 5 cards %.0f ms, ratio %.2f%n",
                fmt(BIG), bigOpen, smallOpen, bigOpen / smallOpen);
        System.out.printf(Locale.ROOT, "first paint, switching back (median):     %s cards %.0f ms, 5 cards %.0f ms, ratio %.2f%n",
                fmt(BIG), bigBack, smallBack, bigBack / smallBack);
        double laneOpen = median(laneOpens);
        System.out.printf(Locale.ROOT, "first paint, warm, in lanes by priority (median): %.0f ms, against %.0f ms without "
                + "lanes: ratio %.2f%n", laneOpen, bigOpen, laneOpen / bigOpen);
        System.out.printf(Locale.ROOT, "scroll to the last card, warm (median):   %s cards %.0f ms, 5 cards %.0f ms, ratio %.2f "
                + "(cold %s: %d ms)%n", fmt(BIG), bigScroll, smallScroll, bigScroll / smallScroll, fmt(BIG), coldScroll.paintMs);
        System.out.printf(Locale.ROOT, "resident memory: %d MB after first paint, %d MB after scrolling, %d MB at the end, "
                        + "peak %d MB   (goal < 350 MB: %s)%n", afterPaint.rssMb, afterScroll.rssMb, end.rssMb, end.hwmMb,
                Math.max(afterPaint.rssMb, afterScroll.rssMb) < 350 ? "met" : "NOT met");
        System.out.println("load average now: " + loadAverage());
        System.gc();
        Memory gc = Memory.read();
        System.out.println("after System.gc(): " + gc);
        if (Boolean.getBoolean("paint.histogram")) {
            String h = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{new String[0]}, new String[]{String[].class.getName()});
            h.lines().limit(15).forEach(System.out::println);
            if (System.getProperty("paint.heapdump") != null) {
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                        .dumpHeap(System.getProperty("paint.heapdump"), true);
            }
        }
        executor.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Opening and scrolling, timed to the rendered frame

    /** Times from "board requested" to the frame that shows cell 0 of {@code state} with a real card. */
    private Open open(Workflow workflow, String state) throws Exception {
        return open(workflow, state, null);
    }

    /**
     * As {@link #open(Workflow, String)}, the board in swimlanes by {@code lanes} (null: none): then the list timed is
     * the first lane's first column's ({@code state} is not used).
     */
    private Open open(Workflow workflow, String state, String lanes) throws Exception {
        Open o = new Open();
        Frame painted = new Frame();
        Platform.runLater(() -> {
            o.start = System.nanoTime();
            reads.clear();
            BoardViewModel model = new BoardViewModel(workflow, services.cards(), services.limits(), boardQueries, executor,
                    () -> actor, services.clock());
            model.layout().lanesProperty().set(lanes);
            BoardView view = new BoardView(model, NO_OPENER);
            o.view = view;
            scene.setRoot(view);
            view.load(() -> {
                o.readyAt = System.nanoTime();
                whenPainted(lanes == null ? list(view, state) : (ListView<?>) view.lookup(".board-lane .column-cards"), 0, o,
                        painted);
            });
        });
        await(painted, o);
        return o;
    }

    /** Times from putting back a board built before (MainWindow keeps them) and reloading it to its frame. */
    private Open switchTo(BoardView view, String state) throws Exception {
        Open o = new Open();
        o.view = view;
        Frame painted = new Frame();
        Platform.runLater(() -> {
            reads.clear();
            o.start = System.nanoTime();
            scene.setRoot(view);
            view.load(() -> {
                o.readyAt = System.nanoTime();
                whenPainted(list(view, state), 0, o, painted);
            });
        });
        await(painted, o);
        return o;
    }

    /** Runs {@code r} on the JavaFX thread and waits for it and for the pulse after it. */
    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            r.run();
            Platform.requestNextPulse();
            Platform.runLater(done::countDown);
        });
        done.await(30, TimeUnit.SECONDS);
    }

    /** Times from {@code scrollTo(index)} to the frame that shows cell {@code index} with a real card. */
    private Open scrollToEnd(String state, int index) throws Exception {
        Open o = new Open();
        Frame painted = new Frame();
        Platform.runLater(() -> {
            ListView<?> list = list((BoardView) scene.getRoot(), state);
            reads.clear();
            o.start = System.nanoTime();
            o.readyAt = o.start;
            list.scrollTo(index);
            whenPainted(list, index, o, painted);
        });
        await(painted, o);
        return o;
    }

    /** On the JavaFX thread: once a pulse has laid out a real card in cell {@code index}, waits for its frame. */
    private void whenPainted(ListView<?> list, int index, Open o, Frame painted) {
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (o.laidOutAt == 0) {
                if (!showsCard(list, index)) {
                    Platform.requestNextPulse(); // keep looking until a layout shows the card
                    return;
                }
                o.laidOutAt = System.nanoTime();
                waitForFramesInFlight(); // so that the next frame done is this pulse's
                armed.set(painted);
                Platform.requestNextPulse();
                return;
            }
            // The next pulse: this pulse's frame, if there was one, is drawn once the frames in flight are. If
            // none came, the pulse that laid the card out had nothing new to draw (the card was on screen).
            waitForFramesInFlight();
            if (armed.compareAndSet(painted, null)) {
                painted.done(o.laidOutAt, true);
            }
            Platform.runLater(() -> scene.removePostLayoutPulseListener(check[0]));
        };
        scene.addPostLayoutPulseListener(check[0]);
        Platform.requestNextPulse();
    }

    /** A frame waited for: when the render thread finished it (or, if nothing was redrawn, when it was laid out). */
    private static final class Frame {
        final CountDownLatch latch = new CountDownLatch(1);
        volatile long at;
        volatile boolean nothingDrawn;

        void done(long nanos, boolean nothing) {
            at = nanos;
            nothingDrawn = nothing;
            latch.countDown();
        }
    }

    private static boolean showsCard(ListView<?> list, int index) {
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> cell && cell.isVisible() && !cell.isEmpty() && cell.getIndex() == index
                    && cell.getItem() != null) {
                return true;
            }
        }
        return false;
    }

    private void await(Frame painted, Open o) throws InterruptedException {
        if (!painted.latch.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no frame showed the cards within 120 s");
        }
        o.paintedAt = painted.at;
        o.nothingDrawn = painted.nothingDrawn;
        o.paintMs = ms(o.paintedAt - o.start);
        o.reads = reads.summary(o.paintedAt);
        o.cpu = Cpu.now().minus(o.cpuAtStart);
    }

    /** Waits (on the JavaFX thread) until frames already handed to the render thread are drawn. */
    private void waitForFramesInFlight() {
        try {
            if (waitForRendering == null) {
                Class<?> collector = Class.forName("com.sun.javafx.tk.quantum.PaintCollector");
                Method instance = collector.getDeclaredMethod("getInstance");
                instance.setAccessible(true);
                Method wait = collector.getDeclaredMethod("waitForRenderingToComplete");
                wait.setAccessible(true);
                waitForRendering = wait;
                waitForRenderingTarget = instance.invoke(null);
            }
            waitForRendering.invoke(waitForRenderingTarget);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot wait for JavaFX rendering: " + e, e);
        }
    }

    private Object waitForRenderingTarget;

    /** Shows an empty themed window (as the console does before a board is chosen) and waits for its first frame. */
    private long showWindow() throws InterruptedException {
        long t = System.nanoTime();
        Frame shown = new Frame();
        Platform.runLater(() -> {
            Theme.applyLight();
            stage = new Stage();
            scene = new Scene(new StackPane(new Label("Higher Self Console")), 1500, 900);
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            tracker.setOnRenderedFrameTask(() -> {
                Frame waiting = armed.getAndSet(null);
                if (waiting != null) {
                    waiting.done(System.nanoTime(), false);
                }
            });
            stage.setScene(scene);
            stage.show();
            armed.set(shown);
            Platform.requestNextPulse();
        });
        if (!shown.latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the window's first frame was not rendered: is the frame-rendered hook working?");
        }
        return ms(shown.at - t);
    }

    private static ListView<?> list(BoardView view, String state) {
        return (ListView<?>) view.lookup("#cards-" + state);
    }

    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
    }

    /** With -XX:NativeMemoryTracking=summary: what the resident memory is made of (committed MB by category). */
    private static void nativeMemory() {
        if (!ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
            return;
        }
        try {
            String out = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[]{new String[]{"summary", "scale=MB"}}, new String[]{String[].class.getName()});
            List<String> parts = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?m)^[-\\s]*(\\w[\\w ]*?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)").matcher(out);
            while (m.find()) {
                if (!m.group(2).equals("0")) {
                    parts.add(m.group(1).strip() + " " + m.group(2));
                }
            }
            System.out.println("  native memory tracking (committed MB): " + String.join(", ", parts));
        } catch (Exception e) {
            System.out.println("  native memory tracking unavailable: " + e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The reads alone, and their plans

    private void baseline(Workflow big, Workflow small) throws Exception {
        CardQueries q = boardQueries;
        ColumnFilter all = ColumnFilter.ALL;
        timed("COUNT of the " + fmt(BIG) + "-card column", () -> q.count(BIG_WORKFLOW, BIG_STATE, all));
        timed("COUNT of the 5-card column", () -> q.count(SMALL_WORKFLOW, SMALL_STATE, all));
        timed("first page (60) of the " + fmt(BIG) + "-card column", () -> q.page(BIG_WORKFLOW, BIG_STATE, all, 0, 60, BIG).size());
        timed("first page of the 5-card column", () -> q.page(SMALL_WORKFLOW, SMALL_STATE, all, 0, 60, SMALL).size());
        timed("middle page (offset " + fmt(MIDDLE) + ", the worst) of the " + fmt(BIG),
                () -> q.page(BIG_WORKFLOW, BIG_STATE, all, MIDDLE, 60, BIG).size());
        timed("last page (offset " + fmt(LAST) + ") of the " + fmt(BIG) + "-card column",
                () -> q.page(BIG_WORKFLOW, BIG_STATE, all, LAST, 60, BIG).size());
        timed("last page, column size not passed (reads from the start)",
                () -> q.page(BIG_WORKFLOW, BIG_STATE, all, LAST, 60).size());
        timed("everything an open of the " + fmt(BIG) + "-card board reads", () -> boardReads(q, big));
        timed("everything an open of the 5-card board reads", () -> boardReads(q, small));
        long count = q.count(BIG_WORKFLOW, BIG_STATE, all);
        if (count != BIG) {
            System.out.println("  WARNING: the big column holds " + count + " cards, not " + BIG
                    + ": delete the data folder and run again");
        }
    }

    /** What BoardViewModel.refresh reads: the limits, every column's count, then every column's first page. */
    private static int boardReads(CardQueries q, Workflow w) {
        q.limits(w.id());
        int n = 0;
        for (State s : w.states()) {
            n += (int) q.count(w.id(), s.id(), ColumnFilter.ALL);
        }
        for (State s : w.states()) {
            q.page(w.id(), s.id(), ColumnFilter.ALL, 0, 60, -1);
        }
        return n;
    }

    private static void timed(String what, Callable<?> read) throws Exception {
        long first = 0;
        long best = Long.MAX_VALUE;
        Object result = null;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            result = read.call();
            long d = System.nanoTime() - t;
            if (i == 0) {
                first = d;
            }
            best = Math.min(best, d);
        }
        System.out.printf(Locale.ROOT, "  %-58s %7.1f ms  (%.1f)   -> %s%n", what, best / 1e6, first / 1e6, result);
    }

    /** EXPLAIN ANALYZE of the statements the board runs, as it runs them (caught by the read log). */
    private void explain() throws Exception {
        ColumnFilter all = ColumnFilter.ALL;
        try (Connection c = services.database().dataSource().getConnection()) {
            boardQueries.page(BIG_WORKFLOW, BIG_STATE, all, 0, 60, BIG);
            plan(c, "page at offset 0", reads.last());
            boardQueries.page(BIG_WORKFLOW, BIG_STATE, all, MIDDLE, 60, BIG);
            plan(c, "page at offset " + fmt(MIDDLE), reads.last());
            boardQueries.page(BIG_WORKFLOW, BIG_STATE, all, LAST, 60, BIG);
            plan(c, "page at offset " + fmt(LAST), reads.last());
            boardQueries.count(BIG_WORKFLOW, BIG_STATE, all);
            plan(c, "count", reads.last());
        }
    }

    private static void plan(Connection c, String what, ReadLog.Read read) throws SQLException {
        StringBuilder text = new StringBuilder();
        long t = System.nanoTime();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN ANALYZE " + read.inlined())) {
            while (rs.next()) {
                text.append(rs.getString(1));
            }
        }
        long d = System.nanoTime() - t;
        String p = text.toString().replaceAll("\\s+", " ");
        boolean index = p.contains("CARD_COLUMN");
        boolean sorted = p.contains("index sorted");
        System.out.printf(Locale.ROOT, "  %s: card_column index %s, %s; %s (%.1f ms)%n", what,
                index ? "used" : "NOT used",
                sorted ? "order from the index" : what.equals("count") ? "no ORDER BY" : "SORTED AFTER READING",
                scans(p), d / 1e6);
        if (VERBOSE) {
            System.out.println("    " + p);
        }
    }

    /** The scan counts H2 reports, e.g. "CARD_COLUMN: 100000 rows scanned". */
    private static String scans(String plan) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("/\\* PUBLIC\\.(CARD_COLUMN)[^*]*\\*/ (?:/\\* WHERE [^*]*\\*/ )?/\\* scanCount: (\\d+)").matcher(plan);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT) + " " + fmt(Integer.parseInt(m.group(2))));
        }
        return found.isEmpty() ? "no scan count" : "index entries read: " + String.join(", ", found);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Preparing the data (in another JVM, not measured)

    private static void ensurePrepared(Path dir) throws IOException, InterruptedException {
        Path marker = dir.resolve(MARKER);
        if (Files.exists(marker) && Files.readString(marker).strip().equals(MARKER_TEXT)) {
            return;
        }
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        System.out.println("Preparing " + dir + " in a separate JVM (once; later runs reuse it)...");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BoardPaintBenchmark.class.getName(), "--prepare", dir.toString()).inheritIO().start();
        if (p.waitFor() != 0 || !Files.exists(marker)) {
            throw new IllegalStateException("preparing " + dir + " failed");
        }
    }

    private static void prepare(Path dir) throws IOException {
        long t = System.nanoTime();
        Clock clock = Clock.systemDefaultZone();
        try (Services s = Services.open(new DataFolder(dir), clock)) {
            BulkCards bulk = new BulkCards(s.database().dataSource(), s.workflows(), clock);
            bulk.insertInto(BIG_WORKFLOW, BIG_STATE, BIG);
            bulk.insertInto(SMALL_WORKFLOW, SMALL_STATE, SMALL);
            for (String wf : List.of(BIG_WORKFLOW, SMALL_WORKFLOW)) {
                List<State> states = s.workflows().get(wf).states();
                for (int[] few : FEW) {
                    bulk.insertInto(wf, states.get(few[0]).id(), few[1]);
                }
            }
            Map<String, Long> counts = s.queries().countsByState(BIG_WORKFLOW);
            if (counts.getOrDefault(BIG_STATE, 0L) != BIG) {
                throw new IllegalStateException("expected " + BIG + " cards in " + BIG_STATE + ", found " + counts);
            }
        }
        Files.writeString(dir.resolve(MARKER), MARKER_TEXT + "\n");
        System.out.printf(Locale.ROOT, "Prepared in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final CardOpener NO_OPENER = new CardOpener() {
        @Override
        public void open(Window owner, long cardId, Runnable then) {
        }

        @Override
        public void create(Window owner, Workflow workflow, Runnable then) {
        }
    };

    /** One timed open or scroll: nanoTime marks, the total in ms, and the CPU time it took. */
    private static final class Open {
        final Cpu cpuAtStart = Cpu.now();
        Cpu cpu;
        BoardView view;
        long start;
        volatile long readyAt;
        volatile long laidOutAt;
        long paintedAt;
        long paintMs;
        boolean nothingDrawn;
        String reads = "";

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%4d ms  (model ready %d, laid out %d%s)", paintMs, ms(readyAt - start),
                    ms(laidOutAt - start), nothingDrawn ? ", nothing to redraw" : "") + "\n      cpu: " + cpu
                    + (VERBOSE ? "\n      reads: " + reads : "");
        }
    }

    /**
     * CPU time used by the process and by the threads that make a paint: the JavaFX thread, the background
     * executor and the render thread (the rest is mostly JIT compilation and GC). Read at both ends of an open,
     * it says how much work the open was, whatever else the machine was doing meanwhile.
     */
    private record Cpu(long process, long fx, long background, long render) {
        private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        /** The JavaFX application thread (under Monocle it is called "Event Thread"). */
        static volatile Thread fxThread;

        static Cpu now() {
            long fx = 0;
            long bg = 0;
            long render = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                String name = t.getName();
                if (t == fxThread) {
                    fx += THREADS.getThreadCpuTime(t.getId());
                } else if (name.equals("hsc-background")) {
                    bg += THREADS.getThreadCpuTime(t.getId());
                } else if (name.startsWith("QuantumRenderer")) {
                    render += THREADS.getThreadCpuTime(t.getId());
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Cpu(process, fx, bg, render);
        }

        Cpu minus(Cpu o) {
            return new Cpu(process - o.process, fx - o.fx, background - o.background, render - o.render);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "process %d ms = JavaFX thread %d + background %d + render %d + other %d",
                    ms(process), ms(fx), ms(background), ms(render), ms(process - fx - background - render));
        }
    }

    /** Resident set size (now and peak) from /proc/self/status, and the Java heap. */
    private record Memory(long rssMb, long hwmMb, long heapUsedMb, long heapCommittedMb, long nonHeapMb) {
        static Memory read() throws IOException {
            long rss = 0;
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
            Runtime r = Runtime.getRuntime();
            long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
            return new Memory(rss / 1024, hwm / 1024, mb(r.totalMemory() - r.freeMemory()), mb(r.totalMemory()), mb(nonHeap));
        }

        private static long kb(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "RSS %d MB (peak %d), heap used %d MB of %d committed, non-heap %d MB",
                    rssMb, hwmMb, heapUsedMb, heapCommittedMb, nonHeapMb);
        }
    }

    private static double median(List<Open> opens) {
        List<Long> v = opens.stream().map(o -> o.paintMs).sorted().toList();
        int n = v.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long uptimeMs() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static String fmt(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
