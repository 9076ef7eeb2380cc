package network.higherself.console.ui.backup;

import network.higherself.console.store.StoreException;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.ui.staff.PassphraseViewModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Back up now" says where the copy went, or why there is none; the day's copy is said only when one was taken; the
 * passphrase dialog's model refuses two different new passphrases and clears what it was given.
 */
class BackupViewModelTest {

    @Test
    void aBackupSaysWhereTheCopyIsOrWhyThereIsNone() {
        List<Path> written = new ArrayList<>();
        BackupViewModel vm = new BackupViewModel(new ImmediateExecutor(), target -> {
            if (target.getFileName().toString().startsWith("full")) {
                throw new StoreException("The disk that holds /media/stick is full, so the backup full.mv.db was not written.");
            }
            written.add(target);
            return "Backup written to " + target + " (0.9 MB).";
        }, () -> Optional.empty(), e -> e.getMessage(), Path.of("/data/backups/console-20261102-090000.mv.db"));
        List<BackupViewModel.Message> said = new ArrayList<>();
        vm.messageProperty().addListener((o, a, m) -> said.add(m));

        vm.backUp(Path.of("/media/stick/copy.mv.db"));
        assertThat(written).containsExactly(Path.of("/media/stick/copy.mv.db"));
        assertThat(said).extracting(BackupViewModel.Message::text).containsExactly(
                "Backing up to /media/stick/copy.mv.db…", "Backup written to /media/stick/copy.mv.db (0.9 MB).");
        assertThat(vm.runningProperty().get()).isFalse();

        vm.backUp(Path.of("/media/stick/full.mv.db"));
        assertThat(said.get(said.size() - 1)).isEqualTo(new BackupViewModel.Message(
                "The disk that holds /media/stick is full, so the backup full.mv.db was not written.", true));
        assertThat(vm.runningProperty().get()).as("the next try is possible").isFalse();
    }

    @Test
    void theDaysCopyIsSaidOnlyWhenOneWasTaken() {
        List<BackupViewModel.Message> said = new ArrayList<>();
        BackupViewModel none = new BackupViewModel(new ImmediateExecutor(), t -> "", () -> Optional.empty(),
                Throwable::getMessage, Path.of("x.mv.db"));
        none.messageProperty().addListener((o, a, m) -> said.add(m));
        none.daily();
        assertThat(said).isEmpty();
        BackupViewModel one = new BackupViewModel(new ImmediateExecutor(), t -> "",
                () -> Optional.of("Backup written to /d/backups/console-20261102-090000-daily.mv.db (1.0 MB)."),
                Throwable::getMessage, Path.of("x.mv.db"));
        one.messageProperty().addListener((o, a, m) -> said.add(m));
        one.daily();
        assertThat(said).extracting(BackupViewModel.Message::text).containsExactly(
                "Today's automatic backup: Backup written to /d/backups/console-20261102-090000-daily.mv.db (1.0 MB).");
    }

    @Test
    void aNewPassphraseMustBeTypedTheSameTwiceAndWhatWasTypedIsCleared() {
        PassphraseViewModel creating = new PassphraseViewModel("/data", true, 1, 3, null);
        char[] first = "Harbour-lantern-7".toCharArray();
        char[] second = "Harbour-lantern-8".toCharArray();
        assertThat(creating.accept(first, second)).isNull();
        assertThat(creating.problemProperty().get()).isEqualTo("The two passphrases differ: type them again.");
        assertThat(new String(first)).isEqualTo("\0".repeat(17));
        assertThat(creating.accept("Harbour-lantern-7".toCharArray(), "Harbour-lantern-7".toCharArray()))
                .containsExactly("Harbour-lantern-7".toCharArray());

        PassphraseViewModel again = new PassphraseViewModel("/data", false, 2, 3,
                "That passphrase does not open the data folder /data.");
        assertThat(again.headingProperty().get()).isEqualTo("The data folder /data is encrypted. Its passphrase opens it (try 2 of 3).");
        assertThat(again.problemProperty().get()).isEqualTo("That passphrase does not open the data folder /data.");
        assertThat(again.accept(new char[0], new char[0])).isNull();
        assertThat(again.problemProperty().get()).isEqualTo("Type the passphrase.");
    }
}
