package network.higherself.console.staff;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void aHashVerifiesItsPasswordOnlyAndEveryHashHasItsOwnSalt() {
        PasswordHash h = passwords.hash("correct horse battery".toCharArray());
        assertThat(h.iterations()).isEqualTo(600_000);
        assertThat(passwords.verify("correct horse battery".toCharArray(), h)).isTrue();
        assertThat(passwords.verify("correct horse batterY".toCharArray(), h)).isFalse();
        assertThat(passwords.verify(new char[0], h)).isFalse();

        PasswordHash again = passwords.hash("correct horse battery".toCharArray());
        assertThat(again.salt()).isNotEqualTo(h.salt());
        assertThat(again.hash()).isNotEqualTo(h.hash());
        assertThat(h.toString()).doesNotContain(h.hash()).doesNotContain(h.salt());
    }

    @Test
    void verificationUsesTheStoredIterationCount() {
        PasswordHash old = Passwords.derive("an older password".toCharArray(), new byte[16], 1000);
        assertThat(passwords.verify("an older password".toCharArray(), old)).isTrue();
        assertThat(passwords.outdated(old)).isTrue();
        assertThat(passwords.outdated(passwords.hash("a newer password".toCharArray()))).isFalse();
        assertThat(passwords.verify("an older password".toCharArray(),
                new PasswordHash(old.hash(), old.salt(), 1001))).isFalse();
    }

    @Test
    void aDamagedStoredHashMatchesNothing() {
        assertThat(passwords.verify("anything at all".toCharArray(), new PasswordHash("not base64!", "%%", 600_000))).isFalse();
    }

    @Test
    void fewerThan600000IterationsAreRefused() {
        assertThatThrownBy(() -> new Passwords(new java.security.SecureRandom(), 100_000))
                .hasMessageContaining("at least 600000");
    }

    @Test
    void weakPasswordsAreRefusedWithASentenceThatNeverRepeatsThem() {
        assertThat(Passwords.weakness("short1".toCharArray(), "amara"))
                .hasValue("A password needs at least 10 characters; this one has 6. A few words make a long password that is easy to remember.");
        assertThat(Passwords.weakness("aaaaaaaaaaaa".toCharArray(), "amara")).get().asString().contains("one character repeated");
        assertThat(Passwords.weakness("my-AMARA-password".toCharArray(), "amara")).hasValue("A password must not contain the user name: choose another.");
        assertThat(Passwords.weakness(new char[0], "amara")).hasValue("Choose a password of at least 10 characters.");
        assertThat(Passwords.weakness("lantern river sage".toCharArray(), "amara")).isEmpty();
    }

    @Test
    void fiveFailuresLockForFifteenMinutes() {
        Instant t = Instant.parse("2026-11-02T14:17:00Z");
        SignInAttempts a = SignInAttempts.NONE;
        for (int i = 1; i <= 4; i++) {
            a = a.failedAt(t);
            assertThat(a.lockedAt(t)).isFalse();
            assertThat(a.left()).isEqualTo(5 - i);
        }
        assertThat(a.mismatchSentence(ZoneOffset.UTC)).isEqualTo(
                "That user name and password do not match. 1 attempt left before the account is locked for 15 minutes.");
        a = a.failedAt(t);
        assertThat(a.lockedAt(t)).isTrue();
        assertThat(a.lockedAt(t.plusSeconds(15 * 60 - 1))).isTrue();
        assertThat(a.lockedAt(t.plusSeconds(15 * 60))).isFalse();
        assertThat(a.mismatchSentence(ZoneOffset.UTC)).isEqualTo("That user name and password do not match. "
                + "This account is locked until 14:32 after 5 failed sign-ins. Try again then, or ask an administrator.");
        assertThat(a.lockedSentence(ZoneOffset.ofHours(2))).startsWith("This account is locked until 16:32 ");
        // after the lock, five more tries
        assertThat(a.failedAt(t.plusSeconds(16 * 60)).left()).isEqualTo(4);
    }
}
