package network.higherself.console.app;

import network.higherself.console.store.Passphrases;
import network.higherself.console.workflow.Escaping;

import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The command line's passphrase for an encrypted data folder, read like its passwords: the first line of
 * {@code --passphrase-file FILE} (only its owner may read it), else the environment variable {@value #VARIABLE}, else
 * typed at the terminal (not echoed; a new one twice). A file or the variable gives one try (the same text would fail
 * again); the terminal gives three, saying after each wrong one why.
 */
final class PassphraseSource implements Passphrases {

    static final String VARIABLE = "HSC_PASSPHRASE";

    private final Path file;

    PassphraseSource(Path file) {
        this.file = file;
    }

    @Override
    public char[] ask(Ask ask) {
        if (file != null) {
            return ask.attempt() == 1 ? PasswordInput.fromFile(file, "passphrase") : null;
        }
        String env = System.getenv(VARIABLE);
        if (env != null && !env.isEmpty()) {
            return ask.attempt() == 1 ? env.toCharArray() : null;
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        if (ask.problem() != null) {
            console.printf("%s%n", ask.problem());
        }
        String folder = Escaping.controls(ask.folder().toString());
        if (!ask.creating()) {
            return nonEmpty(console.readPassword("Passphrase of %s (try %d of %d): ", folder, ask.attempt(), TRIES));
        }
        for (int i = 0; i < TRIES; i++) {
            char[] first = nonEmpty(console.readPassword("A new passphrase for %s (at least 8 characters): ", folder));
            if (first == null) {
                return null;
            }
            char[] again = console.readPassword("The same passphrase again: ");
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (same) {
                return first;
            }
            Arrays.fill(first, '\0');
            console.printf("The two passphrases differ: type them again.%n");
        }
        return null;
    }

    private static char[] nonEmpty(char[] typed) {
        return typed == null || typed.length == 0 ? null : typed;
    }
}
