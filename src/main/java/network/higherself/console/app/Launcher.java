package network.higherself.console.app;

import picocli.CommandLine;

import java.io.InputStream;

/**
 * The entry point. Without a command it opens the console window; with one (see {@code --help}) it runs that
 * command and exits with its status.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit((opensWindow(args) ? windowOnly() : commandLine()).execute(args));
    }

    /** The names of the commands: {@code args} naming none of them (nor help or version) open the window. */
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("backup", "check-workflows", "diagram", "export",
            "import", "init-demo", "list", "move", "restore", "run-agents", "sync", "verify-audit", "help");

    /**
     * Whether {@code args} open the window: then the command line is built without its subcommands, whose models picocli
     * builds by reflection (measured: 0.1 s on a quiet machine, 0.9 s at load average 10 on 2 cores, before the window).
     */
    static boolean opensWindow(String[] args) {
        for (String a : args) {
            if (COMMANDS.contains(a) || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    /** The console command alone: what opening the window parses. */
    static CommandLine windowOnly() {
        CommandLine cl = new CommandLine(new ConsoleCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new UnexpectedError());
        return cl;
    }

    /** The whole command line: the console command and its subcommands, one class each. */
    public static CommandLine commandLine() {
        return commandLine(PasswordPrompt.environmentOrTerminal());
    }

    /** The command line with another source of passwords (tests cannot set HSC_PASSWORD). */
    static CommandLine commandLine(PasswordPrompt passwords) {
        return commandLine(passwords, System.in);
    }

    /** The command line with another source of passwords and another standard input ({@code --password-stdin}). */
    static CommandLine commandLine(PasswordPrompt passwords, InputStream stdin) {
        CommandLine cl = new CommandLine(new ConsoleCommand());
        cl.addSubcommand(new BackupCommand());
        cl.addSubcommand(new CheckWorkflowsCommand());
        cl.addSubcommand(new DiagramCommand());
        cl.addSubcommand(new ExportCommand(passwords, stdin));
        cl.addSubcommand(new ImportCommand(passwords, stdin));
        cl.addSubcommand(new InitDemoCommand());
        cl.addSubcommand(new ListCommand());
        cl.addSubcommand(new MoveCommand(passwords, stdin));
        cl.addSubcommand(new RestoreCommand());
        cl.addSubcommand(new RunAgentsCommand());
        cl.addSubcommand(SyncCommand.commandLine(passwords, stdin));
        cl.addSubcommand(new VerifyAuditCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new UnexpectedError());
        return cl;
    }
}
