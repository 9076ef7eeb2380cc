package network.higherself.console.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of docs/architecture.md, checked. */
@AnalyzeClasses(packages = "network.higherself.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain, and the computations over it that the charts and the diagram show (insight: plain Java and ELK). */
    private static final String[] DOMAIN = {"..console.workflow..", "..console.card..", "..console.staff..",
            "..console.insight.."};

    @ArchTest
    static final ArchRule domainKnowsNoJavaFx = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainKnowsNoHibernate = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "org.flywaydb..", "java.sql..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainKnowsNothingOutsideIt = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..console.ui..", "..console.store..",
                    "..console.app..", "..console.sync..", "..console.move..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheUiAndStartUpKnowJavaFx = noClasses().that()
            .resideOutsideOfPackages("..console.ui..", "..console.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /**
     * Nothing below the views knows them: the card dialog's reads and writes ({@code cardform}), the pipeline and the
     * store serve the ui without depending on it; only start-up wires the two together.
     */
    @ArchTest
    static final ArchRule onlyStartUpKnowsTheUi = noClasses().that()
            .resideOutsideOfPackages("..console.ui..", "..console.app..")
            .should().dependOnClassesThat().resideInAPackage("..console.ui..");

    /**
     * The views reach the database through the services, the query classes and the card dialog's {@code CardForms}
     * only: no class of the ui, whichever, uses Hibernate.
     */
    @ArchTest
    static final ArchRule theUiKnowsNoHibernate = noClasses().that().resideInAPackage("..console.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.hibernate..");

    /**
     * One injectable clock: the console wires {@code Clock.systemDefaultZone()} in one place (the console command);
     * everything else is given that clock, so that tests (and the agents' timed events) can set the time.
     */
    @ArchTest
    static final ArchRule nothingReadsTheSystemClock = noClasses().that()
            .doNotHaveFullyQualifiedName("network.higherself.console.app.ConsoleCommand")
            .should().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis");
}
