package network.higherself.console.staff;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Password hashing: PBKDF2-HMAC-SHA256 (the JDK's {@code PBKDF2WithHmacSHA256}) with a random 16-byte salt per
 * password and {@value #ITERATIONS} iterations (OWASP's figure for this function), giving a 256-bit key.
 * Pure: no database, no clock. One hash costs about 150 ms on one core here, on purpose.
 *
 * <p>Nothing here keeps, logs or puts in a message the password it is given; the caller owns the array and
 * should clear it when done.
 */
public final class Passwords {

    /** Iterations for new hashes. */
    public static final int ITERATIONS = 600_000;
    /** The shortest password a new account or a password change accepts. */
    public static final int MIN_LENGTH = 10;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final SecureRandom random;
    private final int iterations;

    public Passwords() {
        this(new SecureRandom(), ITERATIONS);
    }

    /** @param iterations for new hashes; never fewer than {@value #ITERATIONS} */
    public Passwords(SecureRandom random, int iterations) {
        if (iterations < ITERATIONS) {
            throw new IllegalArgumentException("Passwords are hashed with at least " + ITERATIONS + " iterations, not " + iterations);
        }
        this.random = random;
        this.iterations = iterations;
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public PasswordHash hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return derive(password, salt, iterations);
    }

    /** Whether {@code password} is the one {@code stored} was made from (compared in constant time). */
    public boolean verify(char[] password, PasswordHash stored) {
        byte[] expected;
        byte[] salt;
        try {
            expected = Base64.getDecoder().decode(stored.hash());
            salt = Base64.getDecoder().decode(stored.salt());
        } catch (IllegalArgumentException e) {
            return false; // a damaged stored hash matches no password
        }
        byte[] actual = key(password, salt, stored.iterations(), expected.length * 8);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The iteration count of new hashes. */
    public int iterations() {
        return iterations;
    }

    /** Whether a stored hash was made with fewer iterations than new ones get (then hash again after a sign-in). */
    public boolean outdated(PasswordHash stored) {
        return stored.iterations() < iterations;
    }

    /**
     * Derives the hash of {@code password} with a given salt and count: a stored hash from an older count, tests,
     * and the sign-in's hashes of names that have no account (one salt per database, so that a name finds its row).
     */
    public static PasswordHash derive(char[] password, byte[] salt, int iterations) {
        byte[] key = key(password, salt, iterations, KEY_BITS);
        Base64.Encoder b64 = Base64.getEncoder();
        return new PasswordHash(b64.encodeToString(key), b64.encodeToString(salt), iterations);
    }

    private static byte[] key(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // the message names the algorithm only, never the password
            throw new IllegalStateException("This Java runtime cannot hash passwords with " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * Why {@code password} is too weak for the account {@code username}, as a sentence (which never repeats the
     * password), or empty when it will do.
     */
    public static Optional<String> weakness(char[] password, String username) {
        if (password == null || password.length == 0) {
            return Optional.of("Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.length < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters; this one has "
                    + password.length + ". A few words make a long password that is easy to remember.");
        }
        boolean allSame = true;
        boolean allBlank = true;
        for (char c : password) {
            allSame &= c == password[0];
            allBlank &= Character.isWhitespace(c);
        }
        if (allBlank || allSame) {
            return Optional.of("A password of one character repeated is too easy to guess: choose another.");
        }
        if (username != null && !username.isBlank() && containsIgnoringCase(password, username.strip())) {
            return Optional.of("A password must not contain the user name: choose another.");
        }
        return Optional.empty();
    }

    /** Searches the array itself: no String copy of the password is made. */
    private static boolean containsIgnoringCase(char[] text, String part) {
        String p = part.toLowerCase(Locale.ROOT);
        for (int i = 0; i + p.length() <= text.length; i++) {
            int k = 0;
            while (k < p.length() && Character.toLowerCase(text[i + k]) == p.charAt(k)) {
                k++;
            }
            if (k == p.length()) {
                return true;
            }
        }
        return false;
    }
}
