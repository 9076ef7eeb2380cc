package network.higherself.console.app;

import network.higherself.console.workflow.Escaping;

import java.io.Console;
import java.util.Optional;

/**
 * Where a command gets the password of the person it acts for when no {@code --password-file} or
 * {@code --password-stdin} is given: the environment variable {@value #VARIABLE}, else the terminal (not echoed).
 * Tests give their own.
 */
@FunctionalInterface
interface PasswordPrompt {

    String VARIABLE = "HSC_PASSWORD";

    /**
     * The password of {@code username}, or empty when there is no way to ask for one.
     *
     * @throws Unavailable when there was a source, but it gave no password (the sentence says why)
     */
    Optional<char[]> passwordFor(String username);

    static PasswordPrompt environmentOrTerminal() {
        return username -> {
            String env = System.getenv(VARIABLE);
            if (env != null && !env.isEmpty()) {
                return Optional.of(env.toCharArray());
            }
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] typed = console.readPassword("Password for %s: ", Escaping.controls(username));
            return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
        };
    }

    /** A password source that was named but gave no password: a file others can read, an empty line... */
    final class Unavailable extends RuntimeException {
        Unavailable(String sentence) {
            super(sentence, null, false, false);
        }
    }
}
