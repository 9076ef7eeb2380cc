package network.higherself.console.app;

import network.higherself.console.demo.DemoData;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.StoreException;
import network.higherself.console.workflow.InvalidWorkflowException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code higher-self-console [--data-dir DIR]}: opens the console window. */
@Command(name = "higher-self-console", mixinStandardHelpOptions = true, versionProvider = ConsoleVersion.class,
        description = "The Higher Self staff console. Without a command, opens the console window.")
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Folder for the console's data (default: HSC_DATA_DIR, else the user's data folder).")
    Path dataDir;

    /**
     * The one clock of the console: everything that needs the time (the enforcement point's audit times, the
     * agents' timed events, countdowns, backup names) is given this clock; nothing else reads the system clock.
     * Tests replace it.
     */
    Clock clock = Clock.systemDefaultZone();

    @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "10",
            description = "Lock the console after N minutes without input (default: ${DEFAULT-VALUE}).")
    int idleMinutes;

    @Option(names = "--encrypt", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Create a new data folder encrypted (H2's AES cipher): its passphrase is asked for now and at "
                    + "every start, and stored nowhere.")
    boolean encrypt;

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "An encrypted data folder's passphrase, on the first line of FILE (readable by you only); "
                    + "else HSC_PASSPHRASE, else typed at the terminal.")
    Path passphraseFile;

    @Option(names = "--exit-after-first-frame", hidden = true,
            description = "Close the window once its first frame is drawn (CI's check that the package starts).")
    boolean exitAfterFirstFrame;

    @Option(names = "--no-demo", description = "In a new data folder, start empty: the first start creates the administrator's account.")
    boolean noDemo;

    DataFolder dataFolder() {
        return DataFolder.resolve(dataDir);
    }

    Clock clock() {
        return clock;
    }

    /** Where a command gets an encrypted folder's passphrase. */
    network.higherself.console.store.Passphrases passphrases() {
        return new PassphraseSource(passphraseFile);
    }

    @Override
    public Integer call() {
        if (idleMinutes < 1) {
            System.err.println("--idle-minutes must be 1 or more (it was " + idleMinutes + ").");
            return 2;
        }
        DataFolder folder = dataFolder();
        java.nio.file.Path log = ConsoleLog.writeTo(folder, System.err::println);
        org.slf4j.LoggerFactory.getLogger(ConsoleCommand.class).info("Higher Self Console {} starts on the data folder {}",
                ConsoleVersion.version(), folder);
        // the sign-in window shows at once; the folder opens meanwhile, in the background (see DesktopStart.run)
        return DesktopStart.run(folder, clock, () -> open(folder), ConsoleCommand::refused,
                java.time.Duration.ofMinutes(idleMinutes), log, exitAfterFirstFrame);
    }

    /** Opens the data folder for the window: its services, and the demo data in a new one (unless --no-demo). */
    private DesktopStart.Opened open(DataFolder folder) {
        Services services = Services.open(folder, clock, passphraseFile != null ? passphrases() : new WindowPassphrases(),
                encrypt);
        try {
            services.database().notices().forEach(System.err::println);
            String notice = String.join(" ", services.database().notices());
            if (services.database().created() && DemoData.isEmpty(services.database()) && !noDemo) {
                int cards = services.demoData().seed();
                String demo = "New data folder: demo data was created (" + cards + " cards).";
                System.out.println(demo + " " + folder);
                notice = notice.isEmpty() ? demo : notice + " " + demo;
            }
            return new DesktopStart.Opened(services, notice);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** Why the folder could not be opened, printed and shown in a dialog; the exit status. */
    private static int refused(Throwable e) {
        if (e instanceof InvalidWorkflowException) {
            return refuseToStart("A workflow definition is not valid",
                    e.getMessage() + "\n\nFix or remove the file named above, then start the console again.");
        } else if (e instanceof StoreException) {
            return refuseToStart("The console's data cannot be opened", e.getMessage());
        } else if (e instanceof PasswordPrompt.Unavailable) {
            return refuseToStart("The passphrase cannot be read", e.getMessage());
        } else if (e instanceof RuntimeException unexpected) {
            throw unexpected; // the command line's last resort (UnexpectedError) says it in words
        }
        throw new IllegalStateException(e);
    }

    private static int refuseToStart(String header, String message) {
        System.err.println("The console cannot start: " + header.toLowerCase() + ".");
        System.err.println(message);
        DesktopStart.showStartupError(header, message);
        return 1;
    }
}
