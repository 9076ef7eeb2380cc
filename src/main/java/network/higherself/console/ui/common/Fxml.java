package network.higherself.console.ui.common;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads a screen laid out in FXML (a file next to its controller's class, under src/main/resources), with the
 * controller it is given: the FXML names its controller's class ({@code fx:controller}, for Scene Builder), and
 * this instance, made with a plain constructor and holding its view model, is the one used.
 */
public final class Fxml {

    private Fxml() {
    }

    /** Loads {@code file} (beside {@code controller}'s class) and returns its root. */
    public static <T> T load(String file, Object controller) {
        return load(file, null, controller);
    }

    /**
     * Loads {@code file} into {@code root} (an {@code fx:root} file: the view is a node class of its own, e.g. a
     * screen put in a scene) with {@code controller}, and returns the root.
     */
    public static <T> T load(String file, Object root, Object controller) {
        URL url = controller.getClass().getResource(file);
        if (url == null) {
            throw new IllegalStateException(file + " is not beside " + controller.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        if (root != null) {
            loader.setRoot(root);
        }
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(file + " names the controller " + type.getName() + ", not "
                        + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be loaded", e);
        }
    }
}
