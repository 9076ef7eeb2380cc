package network.higherself.console.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure only one console uses a data folder at a time: an OS file lock on {@code console.lock}, holding the
 * owner's process id so that a second console can say which process has it.
 *
 * <p>A folder this process already holds is refused before its lock file is opened again: on Linux (POSIX
 * locks) closing <em>any</em> channel to a file releases every lock the process holds on it, so probing the
 * file with a second channel and closing it would silently hand the folder to the next console that asks.
 */
final class InstanceLock implements AutoCloseable {

    /** The folders (real paths) this process holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path folder) {
        Path key = realPath(folder);
        if (!HELD.add(key)) {
            throw alreadyOpen(folder, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            return acquireFile(folder, key);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static InstanceLock acquireFile(Path folder, Path key) {
        Path file = folder.resolve("console.lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = readOwner(channel);
                channel.close(); // this process holds no lock on the file (see HELD), so closing releases nothing
                throw alreadyOpen(folder, owner);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new InstanceLock(key, channel, lock);
        } catch (IOException e) {
            throw new StoreException("The data folder " + folder + " cannot be locked for use (" + e.getMessage()
                    + "). Check that it is writable, or choose another with --data-dir.", e);
        }
    }

    private static StoreException alreadyOpen(Path folder, String owner) {
        return new StoreException("The console is already open on " + folder + " in another window"
                + (owner.isEmpty() ? "" : " (process " + owner + ")")
                + ". Switch to that window, or close it first; to run a second console, give it another folder with --data-dir.");
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private static String readOwner(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        channel.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending or the folder is gone: the OS releases the lock with the process anyway
        } finally {
            HELD.remove(key);
        }
    }

    static boolean exists(Path folder) {
        return Files.exists(folder.resolve("console.lock"));
    }
}
