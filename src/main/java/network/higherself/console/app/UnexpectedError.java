package network.higherself.console.app;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The last resort of the command line: an error no command turned into its own sentence is written, with its stack
 * trace, to a new file only its owner can read (the platform's temporary folder), and the person gets one sentence
 * that says where it is. Never a stack trace on the screen. Every bad input the tests know has its own sentence
 * before it gets here.
 */
final class UnexpectedError implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        err.println("The " + commandLine.getCommandName() + " command stopped on a problem the console did not expect, "
                + "so it may not have done what was asked. " + detailsWrittenTo(e, commandLine.getCommandName()));
        err.flush();
        return 1;
    }

    /** Writes {@code e} down and says where, or says that it could not be. */
    static String detailsWrittenTo(Throwable e, String command) {
        try {
            Path file = Files.createTempFile("higher-self-console-error-", ".txt"); // rw------- on POSIX systems
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                w.println("Higher Self Console, command " + command + " (the file's time is when it failed)");
                e.printStackTrace(w);
            }
            return "The details are in " + file + ": send that file to whoever looks after the console.";
        } catch (IOException | RuntimeException io) {
            return "Its details could not be written down either (" + io.getMessage() + "): run the command again, "
                    + "and if it fails the same way, tell whoever looks after the console what you ran.";
        }
    }
}
