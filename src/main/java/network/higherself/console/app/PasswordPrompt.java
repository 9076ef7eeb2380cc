package network.higherself.console.app;

import java.io.Console;
import java.util.Optional;

/**
 * Where a command gets the password of the person it acts for: the environment variable {@value #VARIABLE},
 * else the terminal (not echoed). Tests give their own.
 */
@FunctionalInterface
interface PasswordPrompt {

    String VARIABLE = "HSC_PASSWORD";

    /** The password of {@code username}, or empty when there is no way to ask for one. */
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
            char[] typed = console.readPassword("Password for %s: ", username);
            return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
        };
    }
}
