package network.higherself.console.ui.insight;

import network.higherself.console.workflow.Identifier;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes a saved picture whole or not at all: into a temporary file beside it, then moved over the name, so that a
 * full disk or a crash leaves any earlier file of that name as it was.
 */
public final class DiagramFiles {

    private DiagramFiles() {
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "that is a folder; give the name of a file in it");
        }
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Why {@code file} could not be written, in a sentence that says what to do. */
    public static String problem(Path file, Throwable e) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "you may not write in that folder; choose another one";
        } else if (e instanceof NoSuchFileException) {
            why = "the folder does not exist; choose another one";
        } else if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("no space left")) {
            why = "the disk is full; free some space or choose another disk";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = Identifier.brief(f.getReason());
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : Identifier.brief(e.getMessage());
        }
        return "The picture could not be saved to " + shown(file) + ": " + why + ".";
    }

    /** A file's name as a sentence repeats it: whole unless it is very long or holds control characters. */
    public static String shown(Path file) {
        String s = file.toString();
        return s.length() <= 200 && s.chars().noneMatch(Character::isISOControl) ? s : Identifier.brief(s);
    }
}
