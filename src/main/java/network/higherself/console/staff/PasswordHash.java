package network.higherself.console.staff;

import java.util.Objects;

/**
 * A stored password: the PBKDF2-HMAC-SHA256 derived key and its salt (both Base64), and the iteration count it
 * was derived with. Verification always uses the stored count, so raising the count later keeps old hashes valid.
 */
public record PasswordHash(String hash, String salt, int iterations) {

    public PasswordHash {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(salt, "salt");
        if (iterations < 1) {
            throw new IllegalArgumentException("A password hash needs a positive iteration count");
        }
    }

    /** Says what it is without the hash or the salt, so that a log line never carries them. */
    @Override
    public String toString() {
        return "PasswordHash[PBKDF2-HMAC-SHA256, " + iterations + " iterations]";
    }
}
