package network.higherself.console.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How long the console takes to start, against the floor, measured in the same run and alternated (one of each, then
 * the next round), seven rounds by default. Prints figures and ratios; a benchmark, not a test: nothing here fails on a
 * slow machine.
 *
 * <ul>
 *   <li>The window: from the process's start to its first frame drawn, for the console as it is shipped ({@code java
 *   -jar target/higher-self-console.jar} with the launcher's JVM options and its class-data archive, if built) and for
 *   a bare JavaFX window with one label ({@link BareWindow}, plain {@code java}). Both print the same line when their
 *   first frame is drawn (the console's {@code --exit-after-first-frame}); the time is taken here, from just before the
 *   process is started to that line. Goal: the console at most 1.2 times the bare window.</li>
 *   <li>{@code list --board B} on the demo data, wall and CPU time (user and system, of the process and its threads),
 *   against {@link PlainList}, a plain JDBC program reading the same rows from the same H2 file. Goal: at most 2
 *   times.</li>
 * </ul>
 *
 * <p>Run with {@code mvn -B -q -Pstart-bench package exec:exec -DskipTests} (the jar and target/lib are what is
 * measured). It needs a display: the one in DISPLAY, else an Xvfb it starts on a free display number and stops at the
 * end. Properties: {@code start.rounds} (7), {@code start.jvm} (the console's JVM options: {@code launcher}, the
 * default, for those of the launcher; {@code none} for plain {@code java -jar}; or the options themselves), {@code start.board} (WF-WELL-BOOK), {@code start.dir} (the demo data folder, made once by {@code
 * init-demo}).
 */
public final class StartBenchmark {

    private static final Pattern FRAME = Pattern.compile("^First frame shown (\\d+) ms");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    private StartBenchmark() {
    }

    record Run(double wallMs, double selfMs, double cpuMs) {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(System.getProperty("start.target", "target")).toAbsolutePath();
        Path jar = target.resolve("higher-self-console.jar");
        Path lib = target.resolve("lib");
        if (!Files.exists(jar)) {
            System.err.println(jar + " is missing: run the benchmark with `mvn -B -q -Pstart-bench package exec:exec -DskipTests`.");
            System.exit(2);
        }
        int rounds = Integer.getInteger("start.rounds", 7);
        String board = System.getProperty("start.board", "WF-WELL-BOOK");
        Path data = Path.of(System.getProperty("start.dir", "/tmp/hsc-start-bench")).toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jvm = System.getProperty("start.jvm", "launcher");
        List<String> consoleJvm = options(jvm.equals("launcher") ? launcherOptions(target) : jvm.equals("none") ? "" : jvm);
        String testClasses = target.resolve("test-classes").toString();
        String fxPath = testClasses + ":" + jars(lib, "javafx-");
        String h2Path = testClasses + ":" + jars(lib, "h2-");

        List<String> console = new ArrayList<>(List.of(java));
        console.addAll(consoleJvm);
        console.addAll(List.of("-jar", jar.toString(), "--data-dir", data.toString()));
        if (!Files.exists(data.resolve("console.mv.db"))) {
            System.out.println("Making the demo data in " + data + " (not measured)");
            List<String> init = new ArrayList<>(console);
            init.add("init-demo");
            run(init, Path.of("/dev/null"), false);
        }
        List<String> window = new ArrayList<>(console);
        window.add("--exit-after-first-frame");
        List<String> bare = List.of(java, "-cp", fxPath, BareWindow.class.getName());
        List<String> list = new ArrayList<>(console);
        list.addAll(List.of("list", "--board", board));
        List<String> plain = List.of(java, "-cp", h2Path, PlainList.class.getName(), data.toString(), board);

        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            int n = freeDisplay();
            display = ":" + n;
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            System.out.println("Started Xvfb on " + display + " (stopped at the end)");
        }
        try {
            System.out.printf(Locale.ROOT, "Start-up benchmark: %d rounds, alternated; load average %s; cores %d%n", rounds,
                    loadAverage(), Runtime.getRuntime().availableProcessors());
            System.out.println("console: " + String.join(" ", window));
            System.out.println("bare:    " + String.join(" ", bare));
            // each kind once, not counted: the day's automatic backup, the file cache, the archive's pages
            Path listOut = Files.createTempFile("hsc-list", ".txt");
            Path plainOut = Files.createTempFile("hsc-plain", ".txt");
            frame(window, display);
            frame(bare, display);
            run(list, listOut, true);
            run(plain, plainOut, true);
            long listed = Files.lines(listOut).count();
            long read = Files.lines(plainOut).count();
            System.out.println("list prints " + listed + " lines, the plain JDBC program " + read + " (" + board + ")");
            List<Run> consoleRuns = new ArrayList<>();
            List<Run> bareRuns = new ArrayList<>();
            List<Run> listRuns = new ArrayList<>();
            List<Run> plainRuns = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                consoleRuns.add(frame(window, display));
                bareRuns.add(frame(bare, display));
                listRuns.add(run(list, Path.of("/dev/null"), true));
                plainRuns.add(run(plain, Path.of("/dev/null"), true));
                System.out.printf(Locale.ROOT, "round %d: console %.0f ms (it says %.0f), bare %.0f ms (it says %.0f); "
                                + "list %.0f ms wall %.0f ms CPU, plain JDBC %.0f ms wall %.0f ms CPU%n", r + 1,
                        last(consoleRuns).wallMs, last(consoleRuns).selfMs, last(bareRuns).wallMs, last(bareRuns).selfMs,
                        last(listRuns).wallMs, last(listRuns).cpuMs, last(plainRuns).wallMs, last(plainRuns).cpuMs);
            }
            double c = median(consoleRuns, Run::wallMs);
            double b = median(bareRuns, Run::wallMs);
            double lw = median(listRuns, Run::wallMs);
            double pw = median(plainRuns, Run::wallMs);
            double lc = median(listRuns, Run::cpuMs);
            double pc = median(plainRuns, Run::cpuMs);
            System.out.println();
            System.out.printf(Locale.ROOT, "Window (process start to first frame, median of %d): console %.0f ms, bare "
                    + "window %.0f ms: %.2fx (goal <= 1.2x)%n", rounds, c, b, c / b);
            System.out.printf(Locale.ROOT, "  as the processes say it (from their start instant): console %.0f ms, bare "
                    + "%.0f ms: %.2fx%n", median(consoleRuns, Run::selfMs), median(bareRuns, Run::selfMs),
                    median(consoleRuns, Run::selfMs) / median(bareRuns, Run::selfMs));
            System.out.printf(Locale.ROOT, "list --board %s (median of %d): %.0f ms wall, %.0f ms CPU; plain JDBC %.0f ms "
                    + "wall, %.0f ms CPU: %.2fx wall, %.2fx CPU (goal <= 2x)%n", board, rounds, lw, lc, pw, pc, lw / pw, lc / pc);
            System.out.println("load average at the end: " + loadAverage());
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts the process and waits for its first-frame line; the wall time is from just before the start to the line. */
    private static Run frame(List<String> command, String display) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        long start = System.nanoTime();
        Process p = pb.start();
        double wall = -1;
        double self = -1;
        List<String> seen = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = FRAME.matcher(line);
                if (wall < 0 && m.find()) {
                    wall = (System.nanoTime() - start) / 1e6;
                    self = Double.parseDouble(m.group(1));
                } else if (seen.size() < 40) {
                    seen.add(line);
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (wall < 0) {
            throw new IllegalStateException("No first frame from " + command + ":\n" + String.join("\n", seen));
        }
        return new Run(wall, self, -1);
    }

    /**
     * Runs the command through bash, whose {@code times} gives the user and system CPU time of the process (all its
     * threads) once it has ended; standard output goes to {@code out}.
     */
    private static Run run(List<String> command, Path out, boolean timed) throws IOException, InterruptedException {
        String quoted = command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", quoted + " >'" + out + "' 2>/dev/null; s=$?; times; exit $s");
        long start = System.nanoTime();
        Process p = pb.redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        if (status != 0) {
            throw new IllegalStateException(command + " ended with status " + status + ":\n" + text);
        }
        if (!timed) {
            return new Run(wall, -1, -1);
        }
        Matcher m = TIMES.matcher(text.lines().reduce((a, b) -> b).orElse("")); // the second line: the children's times
        if (!m.find()) {
            throw new IllegalStateException("No CPU times in: " + text);
        }
        double cpu = (Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4))) * 1000;
        return new Run(wall, -1, cpu);
    }

    /** The JVM options the launcher (installer/build.sh) gives the console, with the archive when it was built. */
    private static String launcherOptions(Path target) {
        String options = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1";
        Path archive = target.resolve("higher-self-console.jsa");
        return Files.exists(archive) ? options + " -XX:SharedArchiveFile=" + archive + " -Xshare:auto" : options;
    }

    private static List<String> options(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String jars(Path lib, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).map(Path::toString).sorted()
                    .collect(Collectors.joining(":"));
        }
    }

    private static int freeDisplay() {
        for (int n = 90; n < 200; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("No free X display number between :90 and :199");
    }

    private static Run last(List<Run> runs) {
        return runs.get(runs.size() - 1);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> of) {
        double[] v = runs.stream().mapToDouble(of).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
