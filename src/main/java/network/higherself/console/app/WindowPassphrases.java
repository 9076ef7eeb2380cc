package network.higherself.console.app;

import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import network.higherself.console.store.Passphrases;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.ui.staff.PassphraseDialog;
import network.higherself.console.ui.staff.PassphraseViewModel;

import java.util.concurrent.CompletableFuture;

/**
 * The window's passphrase for an encrypted data folder: a dialog shown before the database is opened (JavaFX is
 * started for it), asked again after a wrong one, while the start waits for the answer.
 */
final class WindowPassphrases implements Passphrases {

    @Override
    public char[] ask(Ask ask) {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        try {
            DesktopStart.onFxThread(() -> {
                try {
                    Theme.applyLight();
                    Dialog<char[]> dialog = PassphraseDialog.create(new PassphraseViewModel(ask.folder().toString(),
                            ask.creating(), ask.attempt(), TRIES, ask.problem()));
                    dialog.setOnShowing(e -> DesktopStart.setIcons((Stage) dialog.getDialogPane().getScene().getWindow()));
                    answer.complete(dialog.showAndWait().orElse(null));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) { // no desktop: the sentence says how else to give the passphrase
            return null;
        }
        return answer.join();
    }
}
