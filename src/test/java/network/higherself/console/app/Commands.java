package network.higherself.console.app;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs one command of the command line on a data folder, as a person would type it, for tests. */
public final class Commands {

    private Commands() {
    }

    /** {@code --data-dir DIR ARGS...}: its exit status; what it printed is appended to {@code out} and {@code err}. */
    public static int run(Path dir, StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Launcher.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(Stream.concat(Stream.of("--data-dir", dir.toString()), Stream.of(args)).toArray(String[]::new));
    }
}
