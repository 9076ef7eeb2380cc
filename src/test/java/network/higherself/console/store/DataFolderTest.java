package network.higherself.console.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataFolderTest {

    @Test
    void anExplicitFolderWinsOverEverything() {
        DataFolder f = DataFolder.resolve(Path.of("/tmp/x"), Map.of("HSC_DATA_DIR", "/tmp/y"), "Linux", "/home/a");
        assertThat(f.path()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void theEnvironmentVariableComesNext() {
        assertThat(DataFolder.resolve(null, Map.of("HSC_DATA_DIR", "/tmp/y"), "Linux", "/home/a").path())
                .isEqualTo(Path.of("/tmp/y"));
    }

    @Test
    void eachPlatformHasItsUserDataFolder() {
        assertThat(DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/a").path())
                .isEqualTo(Path.of("/xdg/higher-self-console"));
        assertThat(DataFolder.resolve(null, Map.of(), "Linux", "/home/a").path())
                .isEqualTo(Path.of("/home/a/.local/share/higher-self-console"));
        assertThat(DataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/a").path())
                .isEqualTo(Path.of("/Users/a/Library/Application Support/higher-self-console"));
        assertThat(DataFolder.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", "/home/a").path())
                .isEqualTo(Path.of("/appdata/higher-self-console"));
    }
}
