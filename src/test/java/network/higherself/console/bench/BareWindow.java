package network.higherself.console.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.time.Duration;
import java.time.Instant;

/**
 * The floor of {@link StartBenchmark}: a bare JavaFX window with one label, started as its own process, which prints
 * the same line as the console's {@code --exit-after-first-frame} once its first frame is drawn, and exits.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("Bare window");
            stage.setScene(new Scene(new StackPane(new Label("One label")), 400, 300));
            stage.show();
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames == 2) { // the pulse after the first: the first frame has been drawn (as DesktopStart)
                        stop();
                        Instant shown = Instant.now();
                        long ms = Duration.between(ProcessHandle.current().info().startInstant().orElse(shown), shown)
                                .toMillis();
                        System.out.println("First frame shown " + ms + " ms after the process started (bare window)");
                        System.out.flush();
                        Platform.exit();
                    }
                }
            }.start();
        });
    }
}
