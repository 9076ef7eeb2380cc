package network.higherself.console.ui.help;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.higherself.console.ui.common.BackgroundExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the About box shows: the version, the data folder, the log, the database's size (read in the background) and
 * whether sync is on (and where to).
 */
public final class AboutViewModel {

    static final String SYNC_OFF = "Off: this console keeps its data on this computer only.";

    private final String version;
    private final Path dataFolder;
    private final Path log;
    private final Path databaseFile;
    private final StringProperty databaseSize = new SimpleStringProperty("…");
    private final String sync;

    /** {@code log} is null when the console keeps no log this time; sync is off. */
    public AboutViewModel(String version, Path dataFolder, Path log, Path databaseFile) {
        this(version, dataFolder, log, databaseFile, null);
    }

    /** {@code syncTo} says where the console syncs to ("desk_b at jdbc:postgresql://…"), null when sync is off. */
    public AboutViewModel(String version, Path dataFolder, Path log, Path databaseFile, String syncTo) {
        this.version = version;
        this.dataFolder = dataFolder;
        this.log = log;
        this.databaseFile = databaseFile;
        this.sync = syncTo == null ? SYNC_OFF : "On: shared with the other desktops through " + syncTo + ".";
    }

    /** Reads the database file's size in the background. */
    public void load(BackgroundExecutor executor) {
        executor.run(() -> Files.size(databaseFile), bytes -> databaseSize.set(size(bytes)),
                e -> databaseSize.set("unknown (" + databaseFile + " cannot be read: " + e.getMessage() + ")"));
    }

    /** A size as people read it: bytes, KB, MB or GB (of 1,000), one decimal above a kilobyte. */
    static String size(long bytes) {
        if (bytes < 1_000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1_000 && unit < units.length - 1) {
            value /= 1_000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public String version() {
        return version;
    }

    public String dataFolder() {
        return dataFolder.toString();
    }

    public String log() {
        return log == null ? "None this time: the log folder could not be made (see the message at start)." : log.toString();
    }

    public ReadOnlyStringProperty databaseSizeProperty() {
        return databaseSize;
    }

    public String sync() {
        return sync;
    }
}
