package network.higherself.console.ui.staff;

import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.signin.AdjustableClock;
import network.higherself.console.ui.common.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The idle lock, driven by a clock the test moves: no sleeping. */
@FxTest
class IdleLockTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final AdjustableClock clock = new AdjustableClock(T0, ZoneOffset.UTC);
    private Scene scene;

    @Start
    void start(Stage stage) {
        TextField field = new TextField();
        field.setId("field");
        scene = new Scene(new StackPane(field), 400, 200);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void locksOnceTheLimitPassesWithoutUseAndNotBefore() {
        IdleLock lock = new IdleLock(clock, LIMIT);
        clock.advance(LIMIT.minusSeconds(1));
        assertThat(lock.check()).isFalse();
        lock.activity(); // 09:09:59
        clock.advance(LIMIT.minusSeconds(1));
        assertThat(lock.check()).as("9:59 after the last activity").isFalse();
        assertThat(lock.lockAt()).isEqualTo(Instant.parse("2026-11-02T09:19:59Z"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(lock.check()).as("10:00 after it").isTrue();
        assertThat(lock.locked()).isTrue();
        assertThat(lock.check()).as("once per lock").isFalse();

        lock.activity(); // moving the mouse over the sign-in screen does not unlock
        assertThat(lock.locked()).isTrue();
        lock.rearm();
        assertThat(lock.locked()).isFalse();
        clock.advance(LIMIT.minusSeconds(1));
        assertThat(lock.check()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lock.check()).isTrue();
    }

    @Test
    void aZeroLimitIsRefused() {
        assertThatThrownBy(() -> new IdleLock(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAndTheMouseInTheSceneCountAsUse(FxRobot robot) {
        AtomicInteger locks = new AtomicInteger();
        IdleLock.Installed[] installed = new IdleLock.Installed[1];
        // a checking interval far beyond the test: only checkNow() checks, and the test moves the clock
        robot.interact(() -> installed[0] = IdleLock.install(scene, clock, LIMIT, Duration.ofHours(1), locks::incrementAndGet));

        clock.advance(Duration.ofMinutes(9));
        robot.clickOn("#field").type(KeyCode.A);
        clock.advance(Duration.ofMinutes(9));
        robot.interact(installed[0]::checkNow);
        assertThat(locks).as("9 minutes after the last key").hasValue(0);

        robot.moveBy(5, 5);
        clock.advance(Duration.ofMinutes(9));
        robot.interact(installed[0]::checkNow);
        assertThat(locks).as("the mouse moved 9 minutes ago").hasValue(0);

        clock.advance(Duration.ofMinutes(1));
        robot.interact(installed[0]::checkNow);
        robot.interact(installed[0]::checkNow);
        assertThat(locks).as("10 minutes without use: locked once").hasValue(1);

        robot.interact(installed[0]::rearm);
        robot.interact(installed[0]::uninstall);
        robot.type(KeyCode.B);
        clock.advance(LIMIT);
        robot.interact(installed[0]::checkNow);
        assertThat(locks).as("uninstalled: keys no longer count, the check still answers when asked").hasValue(2);
    }
}
