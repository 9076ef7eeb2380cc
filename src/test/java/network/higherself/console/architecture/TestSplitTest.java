package network.higherself.console.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import network.higherself.console.ui.common.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The test run is split in two (see the pom): tests on the JavaFX toolkit run each in a fresh JVM, the rest share
 * JVMs. A JavaFX test left in the shared JVMs could fail there, or break the tests after it: each says so.
 */
@AnalyzeClasses(packages = "network.higherself.console", importOptions = ImportOption.OnlyIncludeTests.class)
class TestSplitTest {

    private static final DescribedPredicate<JavaClass> HAVE_TESTS = DescribedPredicate.describe("have tests",
            c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Test.class) || m.isAnnotatedWith(TestFactory.class)));

    private static final DescribedPredicate<JavaClass> NEED_THE_TOOLKIT = DescribedPredicate.describe(
            "use TestFX, a stage, a scene or the JavaFX platform", c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> {
                String p = d.getTargetClass().getPackageName();
                return p.startsWith("org.testfx") || p.startsWith("javafx.stage") || p.startsWith("javafx.scene")
                        || p.equals("javafx.application");
            }));

    @ArchTest
    static final ArchRule javaFxTestsRunInAJvmOfTheirOwn = classes().that(HAVE_TESTS).and(NEED_THE_TOOLKIT)
            .should().beAnnotatedWith(FxTest.class);
}
