package network.higherself.console.store;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An H2 file system ({@code jdbc:h2:faulty:/path}) over the real disk that records every file H2 opens and in which
 * mode, and whose writes fail the way a full disk's do ({@code IOException: No space left on device}) while
 * {@link #full} is set. H2's own code runs unchanged above it, so what reaches the console is what a full disk gives.
 */
public final class FaultyDisk extends FilePathWrapper {

    static final String SCHEME = "faulty";
    static final Database.H2Options OPTIONS = new Database.H2Options(SCHEME, "");

    /** While true, every write and every force fails as on a full disk. */
    static volatile boolean full;

    /** "mode path" for every file H2 opened, in order. */
    static final List<String> opened = new CopyOnWriteArrayList<>();

    static {
        FilePath.register(new FaultyDisk());
    }

    /** Registers the file system with H2 (once per JVM) and forgets what was recorded. */
    static void install() {
        full = false;
        opened.clear();
    }

    /** How many times H2 opened {@code path} in mode {@code mode} ("r" or "rw"). */
    static long opens(String mode, java.nio.file.Path path) {
        return opened.stream().filter(o -> o.equals(mode + " " + path.toAbsolutePath())).count();
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel base = getBase().open(mode);
        opened.add(mode + " " + getBase().toString());
        return new Channel(base);
    }

    /** A stream H2 writes a whole file with ({@code BACKUP TO}'s zip), failing as a full disk does while {@link #full}. */
    @Override
    public java.io.OutputStream newOutputStream(boolean append) throws IOException {
        return new java.io.FilterOutputStream(getBase().newOutputStream(append)) {
            @Override
            public void write(int b) throws IOException {
                check();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                check();
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                check();
                out.flush();
            }
        };
    }

    private static void check() throws IOException {
        if (full) {
            throw new IOException("No space left on device");
        }
    }

    /** The real file's channel, with writes that fail while the disk is "full". */
    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public synchronized int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check();
            return base.write(src);
        }

        @Override
        public synchronized int write(ByteBuffer src, long position) throws IOException {
            check();
            return base.write(src, position);
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            check();
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            check();
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
