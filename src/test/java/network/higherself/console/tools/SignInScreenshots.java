package network.higherself.console.tools;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import network.higherself.console.app.Services;
import network.higherself.console.demo.DemoData;
import network.higherself.console.signin.SignInService;
import network.higherself.console.store.DataFolder;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.ui.staff.FirstAdministratorView;
import network.higherself.console.ui.staff.FirstAdministratorViewModel;
import network.higherself.console.ui.staff.SignInView;
import network.higherself.console.ui.staff.SignInViewModel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Screenshots of the sign-in screens: the demo database's sign-in (with a refusal, and in the dark theme) and
 * a new data folder's first-administrator form. Run headless:
 * {@code mvn -B -q -Pscreenshots -Dscreenshots.main=network.higherself.console.tools.SignInScreenshots test-compile exec:exec}.
 */
public final class SignInScreenshots {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Services demo = Services.open(new DataFolder(Files.createTempDirectory("hsc-signin-demo")), Clock.systemDefaultZone());
        long t = System.nanoTime();
        demo.demoData().seed();
        System.out.printf("  demo data (with 7 password hashes) in %.1f s%n", (System.nanoTime() - t) / 1e9);
        Services fresh = Services.open(new DataFolder(Files.createTempDirectory("hsc-signin-new")), Clock.systemDefaultZone());
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        SignInViewModel[] model = new SignInViewModel[1];
        SignInView[] view = new SignInView[1];
        Stage stage = onFx(() -> {
            Theme.applyLight();
            model[0] = new SignInViewModel(new SignInService(demo.database().sessionFactory(), demo.clock()), executor,
                    () -> DemoData.demoAccounts(demo.database()));
            view[0] = new SignInView(model[0]);
            return show(view[0]);
        });
        onFx(() -> {
            model[0].loadDemoAccounts();
            return null;
        });
        executor.awaitIdle();
        settle();
        snap(stage.getScene(), out.resolve("sign-in.png"));

        onFx(() -> {
            model[0].usernameProperty().set("theo");
            model[0].passwordProperty().set("not the password");
            model[0].signIn();
            return null;
        });
        executor.awaitIdle();
        settle();
        snap(stage.getScene(), out.resolve("sign-in-refused.png"));

        onFx(() -> {
            Theme.applyDark();
            model[0].setNotice("The console locked after 10 minutes without use. Sign in again to go on.");
            model[0].clear();
            return null;
        });
        settle();
        snap(stage.getScene(), out.resolve("sign-in-dark.png"));

        Stage first = onFx(() -> {
            Theme.applyLight();
            stage.hide();
            FirstAdministratorView v = new FirstAdministratorView(new FirstAdministratorViewModel(
                    new SignInService(fresh.database().sessionFactory(), fresh.clock()), executor));
            v.onExploreDemo(() -> {
            });
            Stage s = show(v);
            ((TextField) s.getScene().lookup("#" + FirstAdministratorView.USERNAME_ID)).setText("amara");
            ((TextField) s.getScene().lookup("#" + FirstAdministratorView.DISPLAY_NAME_ID)).setText("Amara Osei");
            ((PasswordField) s.getScene().lookup("#" + FirstAdministratorView.PASSWORD_ID)).setText("short");
            ((PasswordField) s.getScene().lookup("#" + FirstAdministratorView.REPEAT_ID)).setText("short");
            v.model().create();
            return s;
        });
        settle();
        snap(first.getScene(), out.resolve("first-administrator.png"));

        onFx(() -> {
            first.hide();
            return null;
        });
        executor.close();
        demo.close();
        fresh.close();
        Platform.exit();
        System.out.println("Screenshots written to " + out.toAbsolutePath());
    }

    private static Stage show(Parent root) {
        Stage stage = new Stage();
        stage.setScene(new Scene(root, 1200, 760));
        stage.show();
        return stage;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Object[] result = new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        Platform.runLater(() -> {
            try {
                result[0] = work.get();
            } catch (RuntimeException e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX thread did not answer within a minute");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(600); // let the last pulses lay out and render
    }

    private static void snap(Scene scene, Path file) throws Exception {
        onFx(() -> {
            WritableImage image = scene.snapshot(null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getPixelReader().getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
                png.setRGB(0, y, w, 1, row, 0, w);
            }
            try {
                ImageIO.write(png, "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        System.out.println("  " + file);
    }
}
