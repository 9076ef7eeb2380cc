package network.higherself.console.ui.common;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs on the JavaFX toolkit (TestFX, headless Monocle). Such test classes run each in a JVM of
 * their own — the pom's {@code javafx-tests} execution selects them by this tag — because JavaFX starts only
 * once per JVM and Monocle's drop-target assistant misbehaves after a drag in a reused one. Every other test
 * shares JVMs. {@code TestSplitTest} checks that every test using TestFX says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(FxTest.TAG)
@ExtendWith(ApplicationExtension.class)
public @interface FxTest {

    String TAG = "javafx";
}
