package network.higherself.console.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure only one console uses a data folder at a time: an OS file lock on {@code console.lock}, holding the
 * owner's process id so that a second console can say which process has it.
 *
 * <p>The process id is written in one write of a fixed width over whatever the file held (never truncate, then
 * write), and cleared at a clean close while the lock is still held. A refused console still has to allow for the
 * moment between the holder's lock and its write (or a process id left by a console that was killed): it reads until
 * the file names a running process, trying the lock again meanwhile, for up to {@link #OWNER_WAIT}.
 *
 * <p>A folder this process already holds is refused before its lock file is opened again: on Linux (POSIX
 * locks) closing <em>any</em> channel to a file releases every lock the process holds on it, so probing the
 * file with a second channel and closing it would silently hand the folder to the next console that asks.
 */
final class InstanceLock implements AutoCloseable {

    static final String FILE_NAME = "console.lock";
    /** A process id, padded with spaces to this width and ended by a line feed. */
    static final int WIDTH = 20;
    static final Duration OWNER_WAIT = Duration.ofSeconds(2);

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
            throw alreadyOpen(folder, ProcessHandle.current().pid());
        }
        try {
            return acquireFile(folder, key);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static InstanceLock acquireFile(Path folder, Path key) {
        Path file = folder.resolve(FILE_NAME);
        try {
            FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), OwnerOnly.fileAttributes(folder));
            long deadline = System.nanoTime() + OWNER_WAIT.toNanos();
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    channel.write(ByteBuffer.wrap(record(ProcessHandle.current().pid())), 0);
                    channel.truncate(WIDTH); // only a file left by an older console is longer
                    channel.force(false);
                    OwnerOnly.restrict(file); // a lock file made before the console made its files owner-only
                    return new InstanceLock(key, channel, lock);
                }
                Long owner = runningOwner(channel);
                if (owner != null || System.nanoTime() > deadline) {
                    channel.close(); // this process holds no lock on the file (see HELD), so closing releases nothing
                    throw alreadyOpen(folder, owner);
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new StoreException("The data folder " + folder + " cannot be locked for use (" + e.getMessage()
                    + "). Check that it is writable, or choose another with --data-dir.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Opening the data folder " + folder + " was interrupted.", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    static byte[] record(long pid) {
        String text = String.format("%-" + (WIDTH - 1) + "d\n", pid);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The sentence for a refusal; it fits a second window and a command alike. */
    private static StoreException alreadyOpen(Path folder, Long owner) {
        String who = owner == null ? "Another console" : "Another console (process " + owner + ")";
        return new FolderInUse(who + " has the data folder " + folder + " open. Close that console first, or give "
                + "this one another folder with --data-dir.");
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    /** The process the lock file names, if it names one that is running; null while it is empty or stale. */
    private static Long runningOwner(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(WIDTH + 12);
        channel.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
        if (!text.matches("\\d{1,18}")) {
            return null;
        }
        long pid = Long.parseLong(text);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : null;
    }

    @Override
    public void close() {
        try {
            channel.truncate(0); // while still locked: a console that finds the folder free never reads our id
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending or the folder is gone: the OS releases the lock with the process anyway
        } finally {
            HELD.remove(key);
        }
    }
}
