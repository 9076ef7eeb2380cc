package network.higherself.console.store;

import network.higherself.console.app.Commands;
import network.higherself.console.card.Booking;
import network.higherself.console.move.CardService;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data folder created encrypted opens only with its passphrase, asked for at most three times; its file holds no
 * card in plain text, and nothing the console writes holds the passphrase.
 */
class EncryptionTest {

    private static final String PASSPHRASE = "Tidal-lantern-orchard-5821";
    private static final String TITLE = "Moonlit sound bath for Ingrid";

    @TempDir
    Path dir;

    /** A source that gives {@code answers} in turn and records what it was asked. */
    private static final class Answers implements Passphrases {
        final List<Ask> asked = new ArrayList<>();
        final List<String> answers;

        Answers(String... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public char[] ask(Ask ask) {
            asked.add(ask);
            return asked.size() <= answers.size() ? answers.get(asked.size() - 1).toCharArray() : null;
        }
    }

    private Path createEncrypted(Path data) {
        try (Database db = Database.open(new DataFolder(data), BackupRestoreTest.CLOCK, new Answers(PASSPHRASE), true)) {
            CardService cards = new CardService(db.sessionFactory(), WorkflowCatalog.bundled(), BackupRestoreTest.CLOCK);
            Outcome o = cards.create(Booking.WORKFLOW, TITLE, Actor.staff("theo", Role.FRONT_DESK), null);
            assertThat(o.isDone()).as(o.message()).isTrue();
        }
        return data.resolve("console.mv.db");
    }

    @Test
    void anEncryptedFolderOpensWithItsPassphraseOnlyAndHoldsNoTitleInPlainText() throws Exception {
        Path data = dir.resolve("data");
        Path file = createEncrypted(data);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).startsWith("H2encrypt\n")
                .doesNotContain(TITLE).doesNotContain("Moonlit").doesNotContain("INQUIRY").doesNotContain("inquiry");
        assertThat(new String(bytes, StandardCharsets.UTF_16BE)).doesNotContain("Moonlit");
        String marker = Files.readString(data.resolve(Encryption.MARKER));
        assertThat(marker).contains("key derivation: PBKDF2-HMAC-SHA256").contains("iterations: 600000")
                .doesNotContain(PASSPHRASE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(Encryption.MARKER))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThatThrownBy(() -> Database.open(new DataFolder(data), BackupRestoreTest.CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessage("The data folder " + data + " is encrypted: it opens only with its passphrase, and none was "
                        + "given. Type it when asked, or give it with --passphrase-file FILE or the environment variable "
                        + "HSC_PASSPHRASE.");
        assertThat(Files.readAllBytes(file)).as("not changed by the refused open").isEqualTo(bytes);

        Answers second = new Answers("not-the-passphrase", PASSPHRASE);
        try (Database db = Database.open(new DataFolder(data), BackupRestoreTest.CLOCK, second, false);
             Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT title FROM card")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(TITLE);
        }
        assertThat(second.asked).extracting(Passphrases.Ask::attempt).containsExactly(1, 2);
        assertThat(second.asked.get(1).problem()).isEqualTo("That passphrase does not open the data folder " + data + ".");
    }

    @Test
    void threeWrongPassphrasesThenASentenceAndNothingChanged() throws Exception {
        Path data = dir.resolve("data");
        Path file = createEncrypted(data);
        byte[] bytes = Files.readAllBytes(file);
        Answers wrong = new Answers("wrong-one-1", "wrong-one-2", "wrong-one-3", PASSPHRASE);
        assertThatThrownBy(() -> Database.open(new DataFolder(data), BackupRestoreTest.CLOCK, wrong, false))
                .isInstanceOf(StoreException.class)
                .hasMessage("3 passphrases did not open the data folder " + data + ". The console has not opened it and "
                        + "has changed nothing. Start it again to try again: the passphrase is not stored anywhere, so the "
                        + "data cannot be opened without it.");
        assertThat(wrong.asked).hasSize(3);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(DatabaseTest.backups(data)).isEmpty();
    }

    @Test
    void aShortNewPassphraseIsRefusedAndAnExistingPlainFolderIsNotEncrypted() throws Exception {
        Path data = dir.resolve("new");
        Answers shortThenGood = new Answers("short", PASSPHRASE);
        Database.open(new DataFolder(data), BackupRestoreTest.CLOCK, shortThenGood, true).close();
        assertThat(shortThenGood.asked.get(1).problem()).startsWith("A passphrase needs at least 8 characters (that one had 5)");
        assertThat(DatabaseFile.encrypted(data.resolve("console.mv.db"))).isTrue();

        Path plain = dir.resolve("plain");
        Database.open(new DataFolder(plain), BackupRestoreTest.CLOCK).close();
        assertThatThrownBy(() -> Database.open(new DataFolder(plain), BackupRestoreTest.CLOCK, new Answers(PASSPHRASE), true))
                .hasMessageContaining("already has a database, which is not encrypted");
        assertThat(plain.resolve(Encryption.MARKER)).doesNotExist();
    }

    @Test
    void aBackupOfAnEncryptedFolderStaysEncryptedAndRestoresWithThePassphrase() throws Exception {
        Path data = dir.resolve("data");
        createEncrypted(data);
        Path copy = dir.resolve("copy.mv.db");
        try (Database db = Database.open(new DataFolder(data), BackupRestoreTest.CLOCK, new Answers(PASSPHRASE), false)) {
            Backups.backUp(db, copy, BackupRestoreTest.CLOCK);
        }
        assertThat(new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1)).startsWith("H2encrypt\n")
                .doesNotContain("Moonlit");
        assertThat(Files.readString(Database.manifestOf(copy))).contains("salt: ").doesNotContain(PASSPHRASE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");

        Path passphrase = dir.resolve("passphrase");
        Files.writeString(passphrase, PASSPHRASE + "\n");
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
        Path elsewhere = dir.resolve("elsewhere");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Commands.run(elsewhere, out, err, "restore", copy.toString(), "--passphrase-file", passphrase.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Audit trail intact: 1 entries checked.");
        assertThat(elsewhere.resolve(Encryption.MARKER)).exists();

        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "not-the-passphrase\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        StringWriter refused = new StringWriter();
        assertThat(Commands.run(elsewhere, new StringWriter(), refused, "list", "--board", "WF-WELL-BOOK",
                "--passphrase-file", wrong.toString())).isEqualTo(1);
        assertThat(refused.toString().trim()).isEqualTo("That passphrase does not open the data folder " + elsewhere
                + ". The console has not opened it.");
    }
}
