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
        System.exit(commandLine().execute(args));
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
