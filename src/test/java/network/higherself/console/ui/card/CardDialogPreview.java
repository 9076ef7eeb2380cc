package network.higherself.console.ui.card;

import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import network.higherself.console.app.Services;
import network.higherself.console.demo.DemoData;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.DataFolder;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.Theme;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Shows the card dialog over the main window with demo data, to look at it (and take screenshots under Xvfb):
 * {@code CardDialogPreview <data-dir> <workflow-id> <state> [edit|create|bad|input|ticked|closed]} ({@code ticked}:
 * the card's first checklist task ticked first; {@code closed}: all of them, and the service started). Prints READY when it is drawn; with {@code -Dsnapshot=<file.png>}
 * the dialog is also written to that PNG; {@code -Dpreview.actor=lucia:GALLERY_STAFF} opens it as someone else.
 */
public final class CardDialogPreview {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String workflowId = args[1];
        String state = args[2];
        String mode = args.length > 3 ? args[3] : "edit";
        Services services = Services.open(new DataFolder(dir), Clock.systemDefaultZone());
        if (DemoData.isEmpty(services.database())) {
            services.demoData().seed();
        }
        services.agents().tasks().makeMissing(); // the demo's cards got to their states without the agents' hooks
        List<CardSummary> cards = services.queries().firstPage(workflowId, state, 1);
        String[] as = System.getProperty("preview.actor", "theo:FRONT_DESK").split(":"); // who has the dialog open
        Actor previewActor = Actor.staff(as[0], Role.valueOf(as[1]));
        if (mode.equals("ticked") || mode.equals("closed")) { // its checklist ticked (all, and the service started)
            Actor theo = Actor.staff("theo", Role.FRONT_DESK);
            var tasks = services.agents().tasks().tasksOf(cards.get(0).id());
            for (var t : mode.equals("ticked") ? tasks.subList(0, Math.min(1, tasks.size())) : tasks) {
                services.agents().tasks().tick(t.id(), true, theo);
            }
            if (mode.equals("closed")) {
                services.cards().move(network.higherself.console.move.MoveRequest.byEvent(cards.get(0).id(), "service_started", theo));
            }
        }
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        CardEditor editor = new CardEditor(services.cardForms(),
                ChecklistStore.of(services.agents().tasks()),
                services.workflows(), services.clock().getZone(), executor, () -> previewActor);
        Platform.startup(() -> {
            Theme.applyLight();
            Stage stage = new Stage();
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1400, 900));
            stage.show();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1400);
            stage.setHeight(900);
            if (mode.equals("input")) {
                EventInputForm.ask(stage, workflowId, "Payment received",
                        network.higherself.console.card.CardKinds.newCard(workflowId, "").inputsFor("payment_received"),
                        java.util.Map.of(), type -> List.of()).show(a -> System.out.println("ANSWER " + a.values()));
            } else if (mode.equals("create")) {
                editor.createCard(stage, services.workflows().get(workflowId), id -> System.out.println("CREATED " + id));
            } else {
                var dialog = editor.openCard(stage, cards.get(0).id(), () -> System.out.println("SAVED"));
                if (mode.equals("bad")) {
                    new Thread(() -> {
                        while (dialog.getDialogPane().getScene().lookup("#field-amount-paid") == null) {
                            sleep(200);
                        }
                        Platform.runLater(() -> {
                            var scene = dialog.getDialogPane().getScene();
                            ((TextField) scene.lookup("#field-amount-paid")).setText("12,5x");
                            ((javafx.scene.control.Button) scene.lookup("#card-save")).fire();
                        });
                    }).start();
                }
            }
        });
        sleep(6000);
        String snapshot = System.getProperty("snapshot");
        Platform.runLater(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null && (w.getScene().lookup("#card-details") != null
                        || w.getScene().lookup("#" + EventInputForm.DIALOG_ID) != null))
                .forEach(w -> {
                    System.out.printf("DIALOG %.0fx%.0f+%.0f+%.0f%n", w.getWidth(), w.getHeight(), w.getX(), w.getY());
                    if (snapshot != null) {
                        writePng(w.getScene().snapshot(null), Path.of(snapshot));
                    }
                }));
        sleep(1500);
        System.out.println("READY");
        sleep(600_000);
    }

    /** Writes a JavaFX image as PNG (through java.desktop's ImageIO; javafx-swing is not needed). */
    static void writePng(javafx.scene.image.WritableImage image, Path file) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            javax.imageio.ImageIO.write(out, "png", file.toFile());
            System.out.println("SNAPSHOT " + file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
