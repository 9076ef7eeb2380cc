package network.higherself.console.app;

import network.higherself.console.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command with bad input, as a clumsy user or an intruder would give it: unknown boards, states, cards and
 * events, wrong passwords, missing files, folders and pipes where files belong, damaged definitions and data
 * folders, 10,000-character values, control characters. Each must be refused with a sentence of its own and a
 * non-zero exit status; nothing a person sees (standard output, standard error, the log on the console) may hold a
 * stack trace ({@code Exception}, {@code at network.}).
 */
class CommandLineRefusalsTest {

    @TempDir
    static Path dir;
    static Path demo;
    static String booking;

    private static final String LONG = "a".repeat(10_000);
    private static final String FORGED = "x\nForged: all is well\tok";
    private static PrintStream realOut;
    private static PrintStream realErr;

    /** What one run showed: its status and everything written anywhere a person would see it. */
    record Run(int status, String shown) {
    }

    @BeforeAll
    static void demoData() {
        realOut = System.out;
        realErr = System.err;
        demo = dir.resolve("demo");
        Run made = run(null, "--data-dir", demo.toString(), "init-demo");
        assertThat(made.status()).as(made.shown()).isZero();
        Run listed = run(null, "--data-dir", demo.toString(), "list", "--board", "WF-WELL-BOOK", "--state", "quote_provided");
        booking = listed.shown().lines().filter(l -> l.matches("\\d+\t.*")).findFirst().orElseThrow().split("\t")[0];
    }

    @AfterAll
    static void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    /** Runs the command line in this JVM, with System.out and System.err caught too (logging goes there). */
    static Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream system = new ByteArrayOutputStream();
        PrintStream caught = new PrintStream(system, true, StandardCharsets.UTF_8);
        PrintStream wasOut = System.out;
        PrintStream wasErr = System.err;
        System.setOut(caught);
        System.setErr(caught);
        try {
            CommandLine cl = Launcher.commandLine(user -> Optional.empty(),
                    stdin == null ? new ByteArrayInputStream(new byte[0]) : stdin);
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int status = cl.execute(args);
            return new Run(status, out + "" + err + system.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(wasOut);
            System.setErr(wasErr);
        }
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A refusal: a non-zero status, a sentence that says {@code expected}, no trace of the code, no forged line. */
    private static DynamicTest refused(String name, InputStream stdin, String expected, String... args) {
        return DynamicTest.dynamicTest(name, () -> {
            CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> run(stdin, args));
            Run r = running.get(120, TimeUnit.SECONDS); // a pipe or a lock must not make it wait for ever
            assertThat(r.shown()).as("what %s showed", name)
                    .doesNotContain("Exception").doesNotContain("at network.").doesNotContain("\tat ")
                    .doesNotContain("Caused by").contains(expected);
            assertThat(r.shown().lines()).as("no line forged by a value").noneMatch(l -> l.startsWith("Forged: "));
            assertThat(r.shown().length()).as("no 10,000-character value echoed whole").isLessThan(6_000);
            assertThat(r.status()).as("exit status of %s: %s", name, r.shown()).isNotZero();
        });
    }

    private static String[] in(Path data, String... args) {
        return Stream.concat(Stream.of("--data-dir", data.toString()), Stream.of(args)).toArray(String[]::new);
    }

    private static String[] onDemo(String... args) {
        return in(demo, args);
    }

    private static Path fifo(Path where) throws IOException, InterruptedException {
        Files.createDirectories(where.getParent());
        assertThat(new ProcessBuilder("mkfifo", where.toString()).start().waitFor()).isZero();
        return where;
    }

    private static Path folderWith(String name, String file, byte[] content) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.write(folder.resolve(file), content);
        return folder;
    }

    private static Path workflowsWith(String name, String file, String content) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name).resolve("workflows"));
        Files.writeString(folder.resolve(file), content);
        return folder.getParent();
    }

    private static String bundled(String name) throws IOException {
        try (InputStream in = CommandLineRefusalsTest.class.getResourceAsStream("/workflows/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @TestFactory
    List<DynamicTest> checkWorkflows() throws Exception {
        Path defs = Files.createDirectories(dir.resolve("defs"));
        Path longId = Files.writeString(defs.resolve("WF-WELL-BOOK.json"),
                bundled("WF-WELL-BOOK.json").replace("\"inquiry\"", "\"" + LONG + "\""));
        Path controls = Files.writeString(Files.createDirectories(defs.resolve("c")).resolve("WF-WELL-BOOK.json"),
                bundled("WF-WELL-BOOK.json").replace("\"inquiry\"", "\"inq\\nForged: all is well\""));
        Path garbage = Files.write(defs.resolve("garbage.json"), new byte[]{0, (byte) 0xff, 0x13, 0x7f, '{', 0});
        Path damaged = Files.writeString(defs.resolve("WF-CONSULT.json"), bundled("WF-CONSULT.json").substring(0, 700));
        Path folder = Files.createDirectories(defs.resolve("WF-MKTG-CAMP.json"));
        Path pipe = fifo(defs.resolve("WF-SFTR-PUB.json"));
        Path empty = Files.writeString(defs.resolve("empty.json"), "");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(refused("missing file", null, "no such file", "check-workflows", defs.resolve("none.json").toString()));
        tests.add(refused("a folder as file", null, "is a folder, not a file", "check-workflows", folder.toString()));
        tests.add(refused("a pipe", null, "is not a regular file", "check-workflows", pipe.toString()));
        tests.add(refused("damaged definition", null, "malformed JSON", "check-workflows", damaged.toString()));
        tests.add(refused("garbage bytes", null, "malformed JSON", "check-workflows", garbage.toString()));
        tests.add(refused("empty file", null, "is empty", "check-workflows", empty.toString()));
        tests.add(refused("10,000-character state id", null, "(10000 characters) must be a lower-case letter",
                "check-workflows", longId.toString()));
        tests.add(refused("control characters in an id", null, "'inq\\nForged: all is well' must be a lower-case letter",
                "check-workflows", controls.toString()));
        tests.add(DynamicTest.dynamicTest("10,000-character file name", () -> {
            Run r = run(null, "check-workflows", LONG + ".json");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.shown()).as("the FILE: problem line names the file it is about").isEqualTo(LONG + ".json: no such file\n");
        }));
        tests.add(refused("no file", null, "Missing required parameter: 'FILE'", "check-workflows"));
        return tests;
    }

    @TestFactory
    List<DynamicTest> dataFolders() throws Exception {
        Path aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path garbageDb = folderWith("garbage-db", "console.mv.db", "this is not a database, just text".repeat(200).getBytes());
        Path fifoDefinition = fifo(dir.resolve("fifo-def").resolve("workflows").resolve("WF-CONSULT.json")).getParent().getParent();
        Path folderDefinition = dir.resolve("folder-def");
        Files.createDirectories(folderDefinition.resolve("workflows").resolve("WF-CONSULT.json"));
        Path damaged = workflowsWith("damaged-def", "WF-CONSULT.json", "{\"id\": \"WF-CONSULT\", ");
        Path misnamed = workflowsWith("misnamed-def", "consult.json", bundled("WF-CONSULT.json"));
        Path workflowsFile = Files.createDirectories(dir.resolve("workflows-file"));
        Files.writeString(workflowsFile.resolve("workflows"), "a file where the folder belongs");
        Path lockFolder = Files.createDirectories(dir.resolve("lock-folder").resolve("console.lock")).getParent();
        Path databaseFolder = Files.createDirectories(dir.resolve("db-folder").resolve("console.mv.db")).getParent();
        Path databasePipe = fifo(dir.resolve("db-pipe").resolve("console.mv.db")).getParent();
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] command : List.of(new String[]{"init-demo"}, new String[]{"list", "--board", "WF-CONSULT"},
                new String[]{"run-agents"}, new String[]{"verify-audit"},
                new String[]{"move", "--card", "1", "--event", "concept_approved", "--as", "amara", "--password-stdin"})) {
            String name = command[0];
            tests.add(refused(name + ": data folder is a file", stdin(DemoData.DEMO_PASSWORD), "cannot be created", in(aFile, command)));
            tests.add(refused(name + ": garbage database", stdin(DemoData.DEMO_PASSWORD), "is not a console database", in(garbageDb, command)));
            tests.add(refused(name + ": a pipe as definition", stdin(DemoData.DEMO_PASSWORD), "is not a regular file", in(fifoDefinition, command)));
            tests.add(refused(name + ": a folder as definition", stdin(DemoData.DEMO_PASSWORD), "is a folder, not a file", in(folderDefinition, command)));
            tests.add(refused(name + ": damaged definition", stdin(DemoData.DEMO_PASSWORD), "malformed JSON", in(damaged, command)));
            tests.add(refused(name + ": definition named otherwise", stdin(DemoData.DEMO_PASSWORD), "so it must be named WF-CONSULT.json", in(misnamed, command)));
            tests.add(refused(name + ": workflows is a file", stdin(DemoData.DEMO_PASSWORD), "is not a folder", in(workflowsFile, command)));
            tests.add(refused(name + ": lock file is a folder", stdin(DemoData.DEMO_PASSWORD), "cannot be locked", in(lockFolder, command)));
            tests.add(refused(name + ": database is a folder", stdin(DemoData.DEMO_PASSWORD), "is not a console database", in(databaseFolder, command)));
            tests.add(refused(name + ": database is a pipe", stdin(DemoData.DEMO_PASSWORD), "is not a console database", in(databasePipe, command)));
        }
        tests.add(DynamicTest.dynamicTest("10,000-character data folder", () -> {
            Run r = run(null, "--data-dir", dir.resolve(LONG).toString(), "list", "--board", "WF-CONSULT");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.shown()).as("the sentence names the folder it is about").startsWith("The data folder " + dir.resolve(LONG))
                    .contains("cannot be created").doesNotContain("Exception").doesNotContain("at network.");
        }));
        return tests;
    }

    @TestFactory
    List<DynamicTest> list() {
        return List.of(
                refused("unknown board", null, "There is no board 'WF-NOPE'", onDemo("list", "--board", "WF-NOPE")),
                refused("10,000-character board", null, "There is no board 'aaaa", onDemo("list", "--board", LONG)),
                refused("control characters in board", null, "There is no board 'x\\nForged: all is well\\tok'", onDemo("list", "--board", FORGED)),
                refused("unknown state", null, "has no state 'limbo'", onDemo("list", "--board", "WF-CONSULT", "--state", "limbo")),
                refused("10,000-character state", null, "(10000 characters)", onDemo("list", "--board", "WF-CONSULT", "--state", LONG)),
                refused("control characters in state", null, "has no state 'x\\nForged", onDemo("list", "--board", "WF-CONSULT", "--state", FORGED)),
                refused("unknown format", null, "Invalid value for option '--format'", onDemo("list", "--board", "WF-CONSULT", "--format", "xml")),
                refused("no board", null, "Missing required option: '--board=WF-ID'", onDemo("list")));
    }

    @TestFactory
    List<DynamicTest> diagram() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder.svg"));
        Path outFile = dir.resolve("out.svg");
        return List.of(
                refused("diagram: unknown board", null, "There is no board 'WF-NOPE'",
                        onDemo("diagram", "--board", "WF-NOPE", "--out", outFile.toString())),
                refused("diagram: 10,000-character board", null, "There is no board 'aaaa",
                        onDemo("diagram", "--board", LONG, "--out", outFile.toString())),
                refused("diagram: control characters in board", null, "There is no board 'x\\nForged: all is well\\tok'",
                        onDemo("diagram", "--board", FORGED, "--out", outFile.toString())),
                refused("diagram: neither svg nor png", null, "the file's name must end in .svg",
                        onDemo("diagram", "--board", "WF-CONSULT", "--out", dir.resolve("out.pdf").toString())),
                refused("diagram: control characters in the file's name", null, "the file's name must end in .svg",
                        onDemo("diagram", "--board", "WF-CONSULT", "--out", dir.resolve(FORGED).toString())),
                refused("diagram: a folder that does not exist", null, "the folder does not exist",
                        onDemo("diagram", "--board", "WF-CONSULT", "--out", dir.resolve("nowhere").resolve("out.svg").toString())),
                refused("diagram: a folder where the file belongs", null, "that is a folder",
                        onDemo("diagram", "--board", "WF-CONSULT", "--out", folder.toString())),
                refused("diagram: 10,000-character file name", null, "The picture could not be saved",
                        onDemo("diagram", "--board", "WF-CONSULT", "--out", dir.resolve(LONG + ".svg").toString())),
                refused("diagram: no file", null, "Missing required option: '--out=FILE'",
                        onDemo("diagram", "--board", "WF-CONSULT")));
    }

    @TestFactory
    List<DynamicTest> move() throws Exception {
        Path openFile = dir.resolve("open.pw");
        Files.writeString(openFile, DemoData.DEMO_PASSWORD + "\n");
        Files.setPosixFilePermissions(openFile, PosixFilePermissions.fromString("rw-r--r--"));
        Path pipe = fifo(dir.resolve("pw-pipe"));
        InputStream password = stdin(DemoData.DEMO_PASSWORD);
        return List.of(
                refused("unknown card", stdin(DemoData.DEMO_PASSWORD), "There is no card #999999",
                        onDemo("move", "--card", "999999", "--event", "client_accepted_quote", "--as", "theo", "--password-stdin")),
                refused("card not a number", null, "Invalid value for option '--card'",
                        onDemo("move", "--card", "one", "--event", "client_accepted_quote", "--as", "theo")),
                refused("card out of range", null, "Invalid value for option '--card'",
                        onDemo("move", "--card", "99999999999999999999999", "--event", "client_accepted_quote", "--as", "theo")),
                refused("unknown event", stdin(DemoData.DEMO_PASSWORD), "cannot be fired from Quote provided",
                        onDemo("move", "--card", booking, "--event", "payment_received", "--as", "theo", "--password-stdin")),
                refused("10,000-character event", null, "(10000 characters) is not an event",
                        onDemo("move", "--card", booking, "--event", LONG, "--as", "theo")),
                refused("control characters in event", null, "'x\\nForged: all is well\\tok' is not an event",
                        onDemo("move", "--card", booking, "--event", FORGED, "--as", "theo")),
                refused("wrong password", stdin("not the password"), "That user name and password do not match",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "lucia", "--password-stdin")),
                refused("unknown user", stdin("whatever it is"), "That user name and password do not match",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "mallory", "--password-stdin")),
                refused("10,000-character user name", stdin("whatever it is"), "That user name and password do not match",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", LONG, "--password-stdin")),
                refused("control characters in user name", stdin("whatever it is"), "That user name and password do not match",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", FORGED, "--password-stdin")),
                refused("no password anywhere", null, "A password is needed to act as theo",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "theo")),
                refused("an agent's name", null, "Solari is an agent",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "Solari")),
                refused("password file missing", null, "There is no password file",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "theo", "--password-file", dir.resolve("none.pw").toString())),
                refused("password file a folder", null, "is a folder",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "theo", "--password-file", dir.toString())),
                refused("password file a pipe", null, "is not a regular file",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "theo", "--password-file", pipe.toString())),
                refused("password file others can read", null, "can be read by other people",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "theo", "--password-file", openFile.toString())),
                refused("empty standard input", stdin(""), "The line on standard input is empty",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "theo", "--password-stdin")),
                refused("10,000-character password", stdin(LONG), "is longer than 4096 bytes",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "theo", "--password-stdin")),
                // the note's limit is the change pipeline's to state (issue 10, point 5): here, no trace and status 1
                refused("10,000-character note", password, "",
                        onDemo("move", "--card", booking, "--event", "client_accepted_quote", "--as", "theo", "--password-stdin", "--note", LONG)));
    }

    @TestFactory
    List<DynamicTest> otherCommands() {
        return List.of(
                refused("run-agents: not a time", null, "is not a date-time", onDemo("run-agents", "--at", "yesterday")),
                refused("run-agents: 10,000-character time", null, "is not a date-time", onDemo("run-agents", "--at", LONG)),
                refused("run-agents: control characters in time", null, "is not a date-time", onDemo("run-agents", "--at", FORGED)),
                refused("init-demo: negative count", null, "--cards must be 0 or more", onDemo("init-demo", "--cards", "-5")),
                refused("init-demo: count too large", null, "Invalid value for option '--cards'", onDemo("init-demo", "--cards", "99999999999")),
                refused("init-demo: count beyond what a benchmark needs", null, "--cards is at most 1,000,000", onDemo("init-demo", "--cards", "2000000000")),
                refused("unknown command", null, "Unmatched argument at index 2: 'frobnicate'", onDemo("frobnicate")),
                refused("unknown option", null, "Unknown option: '--frobnicate'", onDemo("list", "--board", "WF-CONSULT", "--frobnicate")),
                refused("verify-audit: unknown option", null, "Unknown option: '--expect-nothing'", onDemo("verify-audit", "--expect-nothing")));
    }

    @TestFactory
    List<DynamicTest> help() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] args : List.of(new String[]{"--help"}, new String[]{"list", "--help"}, new String[]{"move", "--help"},
                new String[]{"check-workflows", "--help"}, new String[]{"init-demo", "--help"}, new String[]{"run-agents", "--help"},
                new String[]{"verify-audit", "--help"}, new String[]{"diagram", "--help"})) {
            tests.add(DynamicTest.dynamicTest(String.join(" ", args), () -> {
                Run r = run(null, args);
                assertThat(r.status()).isZero();
                assertThat(r.shown()).contains("Usage:").doesNotContain("Exception").doesNotContain("at network.");
            }));
        }
        return tests;
    }
}
