package network.higherself.console.ui.help;

import network.higherself.console.ui.common.ImmediateExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the About box says, without a screen. */
class AboutViewModelTest {

    @TempDir
    Path dir;

    @Test
    void itShowsTheVersionPlacesAndTheDatabasesSizeReadInTheBackground() throws Exception {
        Path db = dir.resolve("console.mv.db");
        Files.write(db, new byte[6_600_000]);
        AboutViewModel model = new AboutViewModel("1.2.3", dir, dir.resolve("logs/console.log"), db);
        assertThat(model.databaseSizeProperty().get()).isEqualTo("…");
        model.load(new ImmediateExecutor());
        assertThat(model.databaseSizeProperty().get()).isEqualTo("6.6 MB");
        assertThat(model.version()).isEqualTo("1.2.3");
        assertThat(model.dataFolder()).isEqualTo(dir.toString());
        assertThat(model.log()).isEqualTo(dir.resolve("logs/console.log").toString());
        assertThat(model.sync()).isEqualTo("Off: this console keeps its data on this computer only.");
    }

    @Test
    void withSyncOnItSaysWhereTo() {
        AboutViewModel model = new AboutViewModel("1.2.3", dir, null, dir.resolve("console.mv.db"),
                "desk_b at jdbc:postgresql://server.example/hsc");
        assertThat(model.sync()).isEqualTo("On: shared with the other desktops through desk_b at jdbc:postgresql://server.example/hsc.");
    }

    @Test
    void aMissingDatabaseOrLogIsSaidInWords() {
        AboutViewModel model = new AboutViewModel("1.2.3", dir, null, dir.resolve("gone.mv.db"));
        model.load(new ImmediateExecutor());
        assertThat(model.databaseSizeProperty().get()).startsWith("unknown (" + dir.resolve("gone.mv.db") + " cannot be read");
        assertThat(model.log()).startsWith("None this time");
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertThat(AboutViewModel.size(1)).isEqualTo("1 byte");
        assertThat(AboutViewModel.size(999)).isEqualTo("999 bytes");
        assertThat(AboutViewModel.size(1_500)).isEqualTo("1.5 KB");
        assertThat(AboutViewModel.size(2_345_678_901L)).isEqualTo("2.3 GB");
    }
}
