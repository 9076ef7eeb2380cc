package network.higherself.console.sync;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Seals the sync server's password when a person asks the console to remember it: AES-256-GCM with a random key
 * kept in the user's configuration folder ({@code $XDG_CONFIG_HOME/higher-self-console/sync-password.key} or
 * {@code ~/.config/…}; {@code %APPDATA%} on Windows, {@code ~/Library/Preferences} on macOS), readable by its owner
 * only, never inside the data folder. What the data folder holds is useless without that key, so a copied data
 * folder or a backup does not give the password away. Someone who can read both the user's home and the data folder
 * (the same user, an administrator) can; the console says so where it offers to remember.
 */
public final class PasswordSeal {

    /** The configuration folder for tests and unusual set-ups (a system property, then the environment). */
    public static final String CONFIG_DIR = "HSC_CONFIG_DIR";
    private static final String PREFIX = "aes-gcm:1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();

    public PasswordSeal(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** The seal whose key is in this user's configuration folder. */
    public static PasswordSeal forThisUser() {
        return new PasswordSeal(configFolder(System.getProperty("hsc.config.dir", System.getenv(CONFIG_DIR)), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home")).resolve("sync-password.key"));
    }

    static Path configFolder(String explicit, Map<String, String> env, String osName, String home) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path base;
        if (os.contains("win") && env.get("APPDATA") != null) {
            base = Path.of(env.get("APPDATA"));
        } else if (os.contains("mac")) {
            base = Path.of(home, "Library", "Preferences");
        } else if (env.get("XDG_CONFIG_HOME") != null && !env.get("XDG_CONFIG_HOME").isBlank()) {
            base = Path.of(env.get("XDG_CONFIG_HOME"));
        } else {
            base = Path.of(home, ".config");
        }
        return base.resolve("higher-self-console").toAbsolutePath().normalize();
    }

    public Path keyFile() {
        return keyFile;
    }

    /**
     * The password sealed with this user's key (made on first use, owner-only).
     *
     * @throws SyncException with a sentence when the key cannot be made or read
     */
    public String seal(String password) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(true), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return PREFIX + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has AES-GCM", e);
        }
    }

    /**
     * The password a {@link #seal} made; empty when it cannot be opened here (the key is gone, another user's or
     * computer's, or the value was changed): the person types the password again.
     */
    public Optional<String> open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = sealed.substring(PREFIX.length()).split(":", -1);
        try {
            if (parts.length != 2 || !Files.isRegularFile(keyFile)) {
                return Optional.empty();
            }
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(false), "AES"), new GCMParameterSpec(TAG_BITS, b64.decode(parts[0])));
            return Optional.of(new String(cipher.doFinal(b64.decode(parts[1])), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | SyncException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private byte[] key(boolean create) {
        try {
            if (Files.isRegularFile(keyFile)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
                if (key.length != 32) {
                    throw new SyncException("The key file " + keyFile + " is damaged: delete it and type the server's password again.");
                }
                return key;
            }
            if (!create) {
                throw new SyncException("No key at " + keyFile);
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.createDirectories(keyFile.getParent());
            ownerOnly(keyFile.getParent(), "rwx------");
            Path tmp = Files.createTempFile(keyFile.getParent(), ".sync-key", ".tmp");
            ownerOnly(tmp, "rw-------");
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, keyFile); // a rename in one folder, refused if another console made the key meanwhile
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return key(false); // another console made it at the same moment: use theirs
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new SyncException("The password cannot be remembered: the key file " + keyFile + " cannot be "
                    + (create ? "written" : "read") + " (" + e.getMessage() + "). Type the password each time, or check "
                    + "that folder's permissions.");
        }
    }

    private static void ownerOnly(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // Windows: the user's profile folder is the user's own already
        }
    }
}
