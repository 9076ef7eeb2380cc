package network.higherself.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * A password for a script: the first line of a file only its owner can read ({@code --password-file}), or one line
 * piped to standard input ({@code --password-stdin}); UTF-8, without the line break. Never a String: the caller
 * clears the array. A problem is a {@link PasswordPrompt.Unavailable} with a sentence that says what to do.
 *
 * <p>A file that others may read is refused, not warned about: a warning scrolls by unread in a script's log while
 * the password stays open to everyone on the computer (ssh refuses such a private key for the same reason).
 */
final class PasswordInput {

    /** Longer than any password; what is longer is not one, and is not read into memory. */
    static final int MAX_BYTES = 4096;

    private PasswordInput() {
    }

    static char[] fromFile(Path file) {
        return fromFile(file, "password");
    }

    /** The first line of {@code file}, which holds a {@code what} ("password", "passphrase"): the same rules for both. */
    static char[] fromFile(Path file, String what) {
        String shown = file.toString();
        if (!Files.exists(file)) {
            throw new PasswordPrompt.Unavailable("There is no " + what + " file " + shown + ".");
        }
        if (Files.isDirectory(file)) {
            throw new PasswordPrompt.Unavailable(shown + " is a folder: --" + what + "-file names a file that holds the "
                    + what + " on its first line.");
        }
        if (!Files.isRegularFile(file)) {
            throw new PasswordPrompt.Unavailable(shown + " is not a regular file (a pipe or a device)"
                    + (what.equals("password") ? ": to pipe the password in, use --password-stdin instead." : ": name a file."));
        }
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) { // on Windows, a file in one's own profile is private by its access list
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new PasswordPrompt.Unavailable(shown + " can be read by other people on this computer (its permissions are "
                            + PosixFilePermissions.toString(permissions) + "), so the " + what + " in it is not secret. Make it "
                            + "readable by you only (chmod 600 " + shown + "), then run the command again.");
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                return firstLine(in, "The first line of " + shown, what);
            }
        } catch (IOException e) {
            throw new PasswordPrompt.Unavailable("The " + what + " file " + shown + " cannot be read (" + e.getMessage() + ").");
        }
    }

    static char[] fromStream(InputStream in) {
        try {
            return firstLine(in, "The line on standard input", "password");
        } catch (IOException e) {
            throw new PasswordPrompt.Unavailable("Standard input cannot be read (" + e.getMessage() + ").");
        }
    }

    /** The first line of {@code in}, decoded as UTF-8, at most {@value #MAX_BYTES} bytes. */
    private static char[] firstLine(InputStream in, String what, String noun) throws IOException {
        byte[] line = new byte[MAX_BYTES];
        int n = 0;
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (n == MAX_BYTES) {
                    throw new PasswordPrompt.Unavailable(what + " is longer than " + MAX_BYTES
                            + " bytes: it is not a " + noun + ". Write the " + noun + " alone on the first line.");
                }
                line[n++] = (byte) b;
            }
            if (n > 0 && line[n - 1] == '\r') {
                n--;
            }
            if (n == 0) {
                throw new PasswordPrompt.Unavailable(what + " is empty: write the " + noun + " on it.");
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, n));
            char[] password = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return password;
        } catch (CharacterCodingException e) {
            throw new PasswordPrompt.Unavailable(what + " is not UTF-8 text: save it as UTF-8.");
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }
}
