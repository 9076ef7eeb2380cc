package network.higherself.console.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps its data: {@code --data-dir}, else {@code HSC_DATA_DIR}, else the platform's user
 * data folder ({@code $XDG_DATA_HOME}, {@code ~/.local/share}, {@code %APPDATA%} or
 * {@code ~/Library/Application Support}) with a {@code higher-self-console} folder inside.
 */
public record DataFolder(Path path) {

    public static final String APP_FOLDER = "higher-self-console";

    public static DataFolder resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static DataFolder resolve(Path explicit, Map<String, String> env, String osName, String home) {
        if (explicit != null) {
            return new DataFolder(explicit.toAbsolutePath().normalize());
        }
        String fromEnv = env.get("HSC_DATA_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataFolder(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path base;
        if (os.contains("win") && env.get("APPDATA") != null) {
            base = Path.of(env.get("APPDATA"));
        } else if (os.contains("mac")) {
            base = Path.of(home, "Library", "Application Support");
        } else if (env.get("XDG_DATA_HOME") != null && !env.get("XDG_DATA_HOME").isBlank()) {
            base = Path.of(env.get("XDG_DATA_HOME"));
        } else {
            base = Path.of(home, ".local", "share");
        }
        return new DataFolder(base.resolve(APP_FOLDER).toAbsolutePath().normalize());
    }

    /** User-supplied workflow definitions that replace bundled ones of the same id. */
    public Path workflowsDir() {
        return path.resolve("workflows");
    }

    /** The console's log, rolled over into {@code console.1.log} ... beside it (see app/ConsoleLog). */
    public Path logFile() {
        return path.resolve("logs").resolve("console.log");
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
