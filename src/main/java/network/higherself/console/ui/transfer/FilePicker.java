package network.higherself.console.ui.transfer;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the person for a CSV file to read or to write (the system's file chooser; tests give their own). */
public interface FilePicker {

    /** A file to read; empty when the person changed their mind. */
    Optional<Path> open(Window owner, String title);

    /** A file to write, starting from {@code suggested}; empty when the person changed their mind. */
    Optional<Path> save(Window owner, String title, String suggested);

    /** The system's file chooser, for CSV files. */
    static FilePicker system() {
        return new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title) {
                return Optional.ofNullable(chooser(title, null).showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String suggested) {
                return Optional.ofNullable(chooser(title, suggested).showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title, String suggested) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
                if (suggested != null) {
                    c.setInitialFileName(suggested);
                }
                return c;
            }
        };
    }
}
