package network.higherself.console.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's start parses the console command alone; everything else gets the whole command line. */
class LauncherTest {

    @Test
    void everyCommandNameGetsTheWholeCommandLine() {
        for (String name : Launcher.commandLine().getSubcommands().keySet()) {
            assertThat(Launcher.opensWindow(new String[]{"--data-dir", "/tmp/x", name, "--help"})).as(name).isFalse();
            assertThat(Launcher.opensWindow(new String[]{name})).as(name).isFalse();
        }
        assertThat(Launcher.opensWindow(new String[]{"--help"})).isFalse();
        assertThat(Launcher.opensWindow(new String[]{"--version"})).isFalse();
    }

    @Test
    void theWindowsOptionsOpenTheWindowAndParseAsBefore() {
        String[] args = {"--data-dir", "/tmp/x", "--idle-minutes", "5", "--no-demo"};
        assertThat(Launcher.opensWindow(args)).isTrue();
        ConsoleCommand console = Launcher.windowOnly().parseArgs(args).commandSpec().commandLine().getCommand();
        assertThat(console.idleMinutes).isEqualTo(5);
        assertThat(console.noDemo).isTrue();
        assertThat(Launcher.opensWindow(new String[]{})).isTrue();
    }
}
