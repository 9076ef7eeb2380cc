package network.higherself.console.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the database file looks like before H2 is let near it, read with plain file I/O: missing, empty, not an H2
 * file at all, or an H2 file — then whether H2 closed it cleanly and whether it is whole.
 *
 * <p>An H2 2.x file starts with two copies of a text header of one block each ({@code H:2,block:…,clean:1,…}). H2
 * drops {@code clean:1} from it at the first write after opening and puts it back when it closes the file (found by
 * trying: a file copied from a running console, or left by a killed one, lacks it). H2 writes the file in whole
 * blocks of 4096 bytes, so a length that is not a multiple of that is a file cut short or added to.
 */
record DatabaseFile(Kind kind, long size, boolean cleanlyClosed) {

    /** What H2's AES cipher writes at the start of an encrypted file (its header block; the H2 file follows it). */
    static final String ENCRYPTED_HEADER = "H2encrypt\n";

    static final int BLOCK = 4096;

    enum Kind {
        MISSING,
        /** Zero bytes: H2 would silently make a new database of it. */
        EMPTY,
        /** Not an H2 file. */
        FOREIGN("it is not an H2 database file at all"),
        /** A folder where the file belongs. */
        FOLDER("it is a folder"),
        /** A pipe or a device: reading it could wait for ever. */
        SPECIAL("it is not a regular file, but a pipe or a device"),
        /** Encrypted with H2's AES cipher, looked at without a key. */
        ENCRYPTED("it is encrypted, and the data folder has no " + Encryption.MARKER + " saying how its key is made: "
                + "put that file back (a backup's manifest holds its lines, from \"cipher:\" on)"),
        /** Encrypted, and the key given does not read it (a wrong passphrase). */
        WRONG_KEY,
        H2;

        private final String why;

        Kind() {
            this(null);
        }

        Kind(String why) {
            this.why = why;
        }

        /** Why a file of this kind is not a console database, or null when it may be one. */
        String whyNot() {
            return why;
        }
    }

    /** Whether the file's length is whole blocks, as H2 writes it. */
    boolean whole() {
        return size % BLOCK == 0;
    }

    static DatabaseFile inspect(Path file) throws IOException {
        return inspect(file, null);
    }

    /** Whether the file starts as H2's AES cipher writes a file (whatever its key). */
    static boolean encrypted(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(ENCRYPTED_HEADER.length());
            return new String(start, StandardCharsets.ISO_8859_1).equals(ENCRYPTED_HEADER);
        }
    }

    /**
     * Looks at {@code file}; an encrypted file is read through H2's cipher with {@code key} (the file key, or null
     * when there is none: the file is then only said to be encrypted).
     */
    static DatabaseFile inspect(Path file, char[] key) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new DatabaseFile(Kind.MISSING, 0, false);
        }
        if (Files.isDirectory(file)) {
            return new DatabaseFile(Kind.FOLDER, 0, false);
        }
        if (!Files.isRegularFile(file)) {
            return new DatabaseFile(Kind.SPECIAL, 0, false);
        }
        long size = Files.size(file);
        if (size == 0) {
            return new DatabaseFile(Kind.EMPTY, 0, false);
        }
        byte[] start;
        if (encrypted(file)) {
            if (key == null) {
                return new DatabaseFile(Kind.ENCRYPTED, size, false);
            }
            start = decryptedStart(file, size, key);
            if (start == null) {
                return new DatabaseFile(Kind.WRONG_KEY, size, false);
            }
        } else {
            start = new byte[(int) Math.min(size, 2L * BLOCK)];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(start, 0, start.length);
                if (n < start.length) {
                    throw new IOException("the file ended after " + n + " bytes while it was read");
                }
            }
        }
        List<String> headers = new ArrayList<>();
        for (int offset = 0; offset < start.length; offset += BLOCK) {
            String header = headerAt(start, offset);
            if (header != null) {
                headers.add(header);
            }
        }
        if (headers.isEmpty()) {
            return new DatabaseFile(Kind.FOREIGN, size, false);
        }
        boolean clean = headers.stream().allMatch(h -> List.of(h.split(",")).contains("clean:1"));
        return new DatabaseFile(Kind.H2, size, clean);
    }

    /**
     * The first two blocks of an encrypted file as H2 reads them through its cipher, or null when the key reads no
     * H2 header there (a wrong key: H2's cipher has no check of its own, it decrypts to noise).
     */
    private static byte[] decryptedStart(Path file, long size, char[] key) throws IOException {
        byte[] bytes = org.h2.store.fs.encrypt.FilePathEncrypt.getPasswordBytes(key);
        try (java.nio.channels.FileChannel raw = java.nio.channels.FileChannel.open(file);
             org.h2.store.fs.encrypt.FileEncrypt in = new org.h2.store.fs.encrypt.FileEncrypt(file.toString(), bytes, raw)) {
            long length = in.size();
            if (length < BLOCK) {
                return null;
            }
            java.nio.ByteBuffer start = java.nio.ByteBuffer.allocate((int) Math.min(length - length % BLOCK, 2L * BLOCK));
            while (start.hasRemaining()) {
                if (in.read(start, start.position()) < 0) {
                    throw new IOException("the file ended after " + start.position() + " bytes while it was read");
                }
            }
            return headerAt(start.array(), 0) == null ? null : start.array();
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The H2 store header in the block at {@code offset}, or null when that block does not hold one. */
    private static String headerAt(byte[] bytes, int offset) {
        int end = Math.min(bytes.length, offset + BLOCK);
        int stop = offset;
        while (stop < end && bytes[stop] != '\n' && bytes[stop] != 0) {
            stop++;
        }
        String text = new String(bytes, offset, stop - offset, StandardCharsets.ISO_8859_1);
        return text.startsWith("H:2,") && text.contains(",fletcher:") ? text : null;
    }
}
