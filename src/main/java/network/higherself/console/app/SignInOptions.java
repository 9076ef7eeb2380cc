package network.higherself.console.app;

import network.higherself.console.staff.Actor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The options of every command that acts as a staff member: who ({@code --as}) and where the password comes from
 * ({@code --password-file}, {@code --password-stdin}, else {@link PasswordPrompt}). A picocli mixin.
 */
final class SignInOptions {

    @Option(names = "--as", required = true, paramLabel = "NAME",
            description = "Your staff user name. The password comes from --password-file or --password-stdin, else from "
                    + "the environment variable " + PasswordPrompt.VARIABLE + ", else it is asked for on the terminal. "
                    + "Agents do not sign in: they act through the console's scheduler.")
    String as;

    @ArgGroup(exclusive = true)
    Source source;

    /** At most one of the two. */
    static final class Source {
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the password from the first line of FILE, which only you may read (chmod 600): "
                        + "a file others can read is refused.")
        Path file;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;
    }

    /**
     * Signs the person in, printing why not on {@code err}.
     *
     * @param prompt the fallback when neither option is given
     * @param stdin  standard input
     */
    Optional<Actor> signIn(Services services, PasswordPrompt prompt, InputStream stdin, PrintWriter err) {
        PasswordPrompt chosen = prompt;
        if (source != null && source.file != null) {
            chosen = username -> Optional.of(PasswordInput.fromFile(source.file));
        } else if (source != null && source.stdin) {
            chosen = username -> {
                if (System.console() != null) {
                    throw new PasswordPrompt.Unavailable("--password-stdin reads a password piped in, and this is a "
                            + "terminal, where the password would show as it is typed: leave the option out to be asked "
                            + "for it unseen.");
                }
                return Optional.of(PasswordInput.fromStream(stdin));
            };
        }
        return Actors.signIn(services, as, chosen, err);
    }
}
