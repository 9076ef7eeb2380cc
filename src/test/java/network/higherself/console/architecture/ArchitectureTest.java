package network.higherself.console.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of DESIGN.md, checked. */
@AnalyzeClasses(packages = "network.higherself.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"..console.workflow..", "..console.card..", "..console.staff.."};

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
}
