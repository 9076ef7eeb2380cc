package network.higherself.console.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What the window remembers between starts: size, position, last board, light or dark. Kept in the data folder. */
public final class WindowSettings {

    private static final Logger LOG = LoggerFactory.getLogger(WindowSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    public WindowSettings(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Window settings in {} could not be read and are ignored: {}", file, e.getMessage());
            }
        }
    }

    public double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public String text(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(values.getProperty(key, "false"));
    }

    public void put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                values.store(w, "Higher Self Console window");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Window settings could not be saved to {}: {}", file, e.getMessage());
        }
    }
}
