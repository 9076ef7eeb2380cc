package network.higherself.console.app;

import network.higherself.console.staff.Actor;
import network.higherself.console.sync.ServerAddress;
import network.higherself.console.sync.Sync;
import network.higherself.console.sync.SyncException;
import network.higherself.console.sync.SyncServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code sync connect | status | now | conflicts | disconnect}: this data folder's connection to a sync server, for
 * the people who set it up and for scripts. The server's password is never stored: it comes from
 * {@code --server-password-file} or the environment variable {@value #SERVER_PASSWORD} each time.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Shares this data folder with other desktops through a PostgreSQL server (off until connected).")
final class SyncCommand implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code sync} alone: says which subcommands there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code sync} with its subcommands; those that sign in read passwords from {@code passwords} or {@code stdin}. */
    static picocli.CommandLine commandLine(PasswordPrompt passwords, InputStream stdin) {
        picocli.CommandLine sync = new picocli.CommandLine(new SyncCommand());
        sync.addSubcommand(new Connect(passwords, stdin));
        sync.addSubcommand(new Status());
        sync.addSubcommand(new Now());
        sync.addSubcommand(new Conflicts());
        sync.addSubcommand(new Disconnect(passwords, stdin));
        sync.addSubcommand(new ForgetPassword(passwords, stdin));
        return sync;
    }

    /** Where the sync server's password comes from when no file is given. */
    static final String SERVER_PASSWORD = "HSC_SYNC_PASSWORD";

    /**
     * The server's password: from a file only its owner may read, else the environment, else (for a connected data
     * folder) the one remembered here, sealed; null for none.
     */
    static final class ServerPassword {
        @Option(names = "--server-password-file", paramLabel = "FILE",
                description = "Read the server's password from the first line of FILE, which only you may read "
                        + "(chmod 600). Without it, the environment variable " + SERVER_PASSWORD + " is read, then the "
                        + "password remembered on this computer (sync connect --remember-password).")
        Path file;

        String password(Function<String, String> env) {
            if (file != null) {
                return new String(PasswordInput.fromFile(file));
            }
            return env.apply(SERVER_PASSWORD);
        }

        String password(Function<String, String> env, Sync sync) {
            String given = password(env);
            return given != null ? given : sync.rememberedPassword().orElse(null);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private static String when(java.time.Instant at) {
        return WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    /** The server this data folder is connected to, with the password given now; empty after saying why. */
    private static Optional<ServerAddress> connected(Services services, ServerPassword password, PrintWriter err) {
        Optional<Sync.Settings> s = services.sync().settings();
        if (s.isEmpty()) {
            err.println("This data folder is not connected to a sync server: run 'sync connect --url URL --user NAME --as ADMIN'.");
            return Optional.empty();
        }
        return Optional.of(new ServerAddress(s.get().url(), s.get().user(), password.password(System::getenv, services.sync())));
    }

    /** Signs the person in and prints what {@code action} says, or why not (exit status 1). */
    private static int asSignedIn(Services services, SignInOptions signIn, PasswordPrompt passwords, InputStream stdin,
                                  PrintWriter out, PrintWriter err, Function<Actor, String> action) {
        Optional<Actor> actor = signIn.signIn(services, passwords, stdin, err);
        if (actor.isEmpty()) {
            return 1;
        }
        try {
            out.println(action.apply(actor.get()));
            return 0;
        } catch (SyncException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    @Command(name = "connect", mixinStandardHelpOptions = true,
            description = "Connects this data folder to a sync server: tried first; a new server is set up (its own "
                    + "migrations) and gets this desktop's cards; a data folder without cards downloads the server's.")
    static final class Connect extends DataCommand {
        @Option(names = "--url", required = true, paramLabel = "URL",
                description = "jdbc:postgresql://HOST:PORT/DATABASE; the driver's TLS options go after '?', e.g. "
                        + "?sslmode=verify-full&sslrootcert=/path/root.crt")
        String url;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "This desktop's user on the server.")
        String user;

        @Mixin
        ServerPassword serverPassword;

        @Option(names = "--remember-password", description = "Keep the server's password on this computer, sealed with a "
                + "key in your configuration folder (never in plain text, never in the data folder), so the window syncs "
                + "without asking.")
        boolean remember;

        @Mixin
        SignInOptions signIn;

        private final PasswordPrompt passwords;
        private final InputStream stdin;

        Connect(PasswordPrompt passwords, InputStream stdin) {
            this.passwords = passwords;
            this.stdin = stdin;
        }

        @Override
        int run(Services services, PrintWriter out, PrintWriter err) {
            return asSignedIn(services, signIn, passwords, stdin, out, err, actor -> services.sync().connect(
                    new ServerAddress(url, user, serverPassword.password(System::getenv)), actor, remember,
                    Sync.Progress.NONE));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Says whether this data folder syncs, where to, what waits to be sent and what is in conflict.")
    static final class Status extends DataCommand {
        @Override
        int run(Services services, PrintWriter out, PrintWriter err) {
            Sync.Status s = services.sync().status();
            if (s.settings().isEmpty()) {
                // changes made meanwhile do not wait: connecting to a new server uploads every card as it is
                out.println("Sync is off: this data folder is not connected to a server.");
                return 0;
            }
            Sync.Settings st = s.settings().get();
            out.println("Connected to " + new ServerAddress(st.url(), st.user(), null).shortUrl() + " as " + st.user() + " since "
                    + when(st.connectedAt()) + ".");
            out.println("Server events taken: " + st.lastSeq() + ". Changes waiting to be sent: " + s.pending()
                    + ". Open conflicts: " + s.openConflicts() + (s.openConflicts() == 0 ? "." : " (see 'sync conflicts')."));
            return 0;
        }
    }

    @Command(name = "now", mixinStandardHelpOptions = true,
            description = "Sends what this desktop has not sent and takes what the others did, once, and prints what it did.")
    static final class Now extends DataCommand {
        @Mixin
        ServerPassword serverPassword;

        @Override
        int run(Services services, PrintWriter out, PrintWriter err) {
            Optional<ServerAddress> address = connected(services, serverPassword, err);
            if (address.isEmpty()) {
                return 1;
            }
            try (SyncServer server = new SyncServer(address.get())) {
                out.println(services.sync().now(server).describe());
                return 0;
            } catch (SyncException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true,
            description = "Lists the changes of this desktop that lost to another desktop's (or that the server refused).")
    static final class Conflicts extends DataCommand {
        @Override
        int run(Services services, PrintWriter out, PrintWriter err) {
            List<Sync.Conflict> open = services.sync().openConflicts(null);
            if (open.isEmpty()) {
                out.println("No open conflicts.");
                return 0;
            }
            for (Sync.Conflict c : open) {
                out.println("#" + c.id() + " " + when(c.foundAt()) + " " + c.actor() + ": " + c.what() + "; instead, "
                        + c.instead() + ".");
            }
            out.println("Each person sees their own in the console's window, where they apply it again or let it go.");
            return 0;
        }
    }

    @Command(name = "disconnect", mixinStandardHelpOptions = true,
            description = "Disconnects this data folder from its sync server; its data stays.")
    static final class Disconnect extends DataCommand {
        @Mixin
        SignInOptions signIn;

        private final PasswordPrompt passwords;
        private final InputStream stdin;

        Disconnect(PasswordPrompt passwords, InputStream stdin) {
            this.passwords = passwords;
            this.stdin = stdin;
        }

        @Override
        int run(Services services, PrintWriter out, PrintWriter err) {
            return asSignedIn(services, signIn, passwords, stdin, out, err, actor -> services.sync().disconnect(actor));
        }
    }

    @Command(name = "forget-password", mixinStandardHelpOptions = true,
            description = "Forgets the server's password remembered on this computer; the window then asks for it.")
    static final class ForgetPassword extends DataCommand {
        @Mixin
        SignInOptions signIn;

        private final PasswordPrompt passwords;
        private final InputStream stdin;

        ForgetPassword(PasswordPrompt passwords, InputStream stdin) {
            this.passwords = passwords;
            this.stdin = stdin;
        }

        @Override
        int run(Services services, PrintWriter out, PrintWriter err) {
            return asSignedIn(services, signIn, passwords, stdin, out, err, actor -> services.sync().rememberPassword(null, actor));
        }
    }
}
