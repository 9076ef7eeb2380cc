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

/**
 * Makes sure only one console uses a data folder at a time: an OS file lock on {@code console.lock}, holding the
 * owner's process id so that a second console can say which process has it.
 */
final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path folder) {
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
                channel.close();
                throw new StoreException("The console is already open on " + folder + " in another window"
                        + (owner.isEmpty() ? "" : " (process " + owner + ")")
                        + ". Switch to that window, or close it first; to run a second console, give it another folder with --data-dir.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            throw new StoreException("The data folder " + folder + " cannot be locked for use (" + e.getMessage()
                    + "). Check that it is writable, or choose another with --data-dir.", e);
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
        }
    }

    static boolean exists(Path folder) {
        return Files.exists(folder.resolve("console.lock"));
    }
}
