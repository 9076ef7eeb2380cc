package network.higherself.console.store;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An encrypted data folder: H2's AES cipher ({@code CIPHER=AES}) over the database file, keyed by a passphrase the
 * console asks for at every start and never stores.
 *
 * <p>The folder is marked by {@value #MARKER}, which holds no secret: only how the file key is derived from the
 * passphrase (PBKDF2-HMAC-SHA256, its iteration count and a random salt). H2 itself stretches a file password with
 * 10 PBKDF2 iterations only, so a guess costs an attacker next to nothing; the console gives H2 a key it derived with
 * {@value #ITERATIONS} iterations instead, as it does for the staff's passwords. A backup's manifest carries the same
 * lines, so that the copy can be opened again with the passphrase alone.
 */
public final class Encryption {

    /** The marker file in the data folder. */
    public static final String MARKER = "console.encryption";
    static final int ITERATIONS = 600_000;
    /** The shortest passphrase a new encrypted folder accepts. */
    public static final int MIN_LENGTH = 8;
    private static final String KDF = "PBKDF2-HMAC-SHA256";

    /** How a folder's file key is derived from its passphrase (no secret in it). */
    public record Marker(int iterations, byte[] salt) {

        /** The lines of the marker (and of a backup's manifest): the cipher, the derivation, its count and salt. */
        public String text() {
            return "cipher: AES (H2)\nkey derivation: " + KDF + "\niterations: " + iterations + "\nsalt: "
                    + Base64.getEncoder().encodeToString(salt) + "\n";
        }

        /** The marker's lines as {@link #text()} writes them, among other lines (a manifest); null when absent. */
        static Marker parse(String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            if (!KDF.equals(fields.get("key derivation")) || fields.get("salt") == null || fields.get("iterations") == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(fields.get("iterations"));
                byte[] salt = Base64.getDecoder().decode(fields.get("salt"));
                return n < 1 || salt.length < 16 ? null : new Marker(n, salt);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private Encryption() {
    }

    static Path markerOf(Path folder) {
        return folder.resolve(MARKER);
    }

    /** Whether the data folder is marked as encrypted. */
    public static boolean marked(Path folder) {
        return Files.exists(markerOf(folder), LinkOption.NOFOLLOW_LINKS);
    }

    /** The folder's marker; a marker that cannot be read is refused with a sentence. */
    static Marker read(Path folder) {
        Path file = markerOf(folder);
        try {
            Marker m = Marker.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (m == null) {
                throw new StoreException(file + " marks the data folder as encrypted, but it does not say how its key is "
                        + "made (it was changed or damaged). The database cannot be opened without it: put back the "
                        + MARKER + " file from a backup's manifest (the lines from \"cipher:\" to \"salt:\").");
            }
            return m;
        } catch (IOException e) {
            throw new StoreException(file + " cannot be read (" + e.getMessage() + "): it says how the encrypted "
                    + "database's key is made. Check that it is readable for you.", e);
        }
    }

    /** Marks a new folder as encrypted, with a new random salt. */
    static Marker create(Path folder) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Marker m = new Marker(ITERATIONS, salt);
        write(folder, m);
        return m;
    }

    /** Writes {@code m} as the folder's marker (owner-only), replacing any marker there. */
    static void write(Path folder, Marker m) {
        Path file = markerOf(folder);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, OwnerOnly.fileAttributes(folder));
            Files.writeString(file, "This data folder's database is encrypted. Its passphrase is asked for at every "
                    + "start and is not stored anywhere; this file only says how the key is made from it.\n" + m.text(),
                    StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("The data folder " + folder + " cannot be marked as encrypted (" + e.getMessage()
                    + "). Check that it is writable, or choose another with --data-dir.", e);
        }
    }

    /** The key H2 is given for the file: the passphrase stretched by the marker's derivation, as hex. */
    static char[] fileKey(Marker m, char[] passphrase) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, m.salt(), m.iterations(), 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            char[] hex = HexFormat.of().formatHex(key).toCharArray();
            Arrays.fill(key, (byte) 0);
            return hex;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
