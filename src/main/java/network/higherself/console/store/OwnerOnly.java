package network.higherself.console.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds every card, the audit trail and the staff's password hashes: it and what the console writes
 * in it are readable by their owner only ({@code rwx------} for folders, {@code rw-------} for files) where the file
 * system has POSIX permissions. Elsewhere (Windows, a FAT stick) nothing is changed: the folder keeps what the system
 * gives it (on Windows, {@code %APPDATA%} is the user's own, readable by them, SYSTEM and administrators).
 *
 * <p>The folder is made owner-only before anything is created in it, so a file H2 creates with the umask's
 * {@code rw-r--r--} is never reachable by another user, even before it is tightened too.
 */
public final class OwnerOnly {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** Whether the file system of {@code path} (which must exist) has POSIX permissions. */
    static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }

    /** Creates {@code dir} and its missing parents; each folder this creates is owner-only (on POSIX file systems). */
    public static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && posix(existing)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Creates {@code file} empty and owner-only (on POSIX file systems) unless it exists; an existing file is made
     * owner-only. The log's files are made so before the logger writes a line in them.
     */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, fileAttributes(file.getParent()));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            restrict(file);
        }
    }

    /** The attribute that creates a file owner-only, where {@code folder}'s file system has POSIX permissions. */
    static FileAttribute<?>[] fileAttributes(Path folder) {
        return posix(folder) ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Takes every permission of the group and of others away from {@code path} (a symbolic link is left alone);
     * returns the permissions it had when it changed them, or null when there was nothing to change (or no POSIX
     * permissions to change).
     */
    static String restrict(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || Files.isSymbolicLink(path) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Set<PosixFilePermission> now = view.readAttributes().permissions();
        if (now.stream().noneMatch(OTHERS::contains)) {
            return null;
        }
        Set<PosixFilePermission> owner = EnumSet.copyOf(now);
        owner.removeAll(OTHERS);
        view.setPermissions(owner);
        return PosixFilePermissions.toString(now);
    }

    /**
     * Makes the data folder owner-only, with the files directly in it and in {@code backups/} (the user's own
     * {@code workflows/} folder is left as it is: the folder around it already keeps others out). Returns a sentence
     * for the person when the data folder itself could be read by others, null otherwise; files the console wrote
     * itself with looser permissions (H2's trace file) are tightened without a word.
     */
    static String tighten(Path folder) {
        String notice = null;
        try {
            String before = restrict(folder);
            if (before != null) {
                notice = "The data folder " + folder + " could be read by other users of this computer (" + before
                        + "); it is now readable by you only.";
                LOG.info("Tightened the permissions of {} from {} to rwx------", folder, before);
            }
            restrictFilesIn(folder);
            Path backups = folder.resolve(Database.BACKUPS);
            if (Files.isDirectory(backups, LinkOption.NOFOLLOW_LINKS)) {
                restrict(backups);
                restrictFilesIn(backups);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.warn("The permissions in {} could not be restricted to their owner: {}", folder, e.toString());
            notice = "The data folder " + folder + " could not be made readable by you only (" + e.getMessage()
                    + "). Check its permissions: it holds the staff's password hashes and all the data.";
        }
        return notice;
    }

    private static void restrictFilesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    String before = restrict(f);
                    if (before != null) {
                        LOG.info("Tightened the permissions of {} from {} to owner only", f, before);
                    }
                }
            }
        }
    }
}
