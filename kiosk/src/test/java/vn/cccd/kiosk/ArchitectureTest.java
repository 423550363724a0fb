package vn.cccd.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.Api;
import vn.cccd.reader.testing.DeclaredApi;
import vn.cccd.reader.testing.MainClassesOnly;

/**
 * The kiosk's package shape (README, "Architecture"), checked on the compiled main classes: no package cycles (the
 * HTTP plumbing and the staff login live in {@code web}, below both {@code server} and the feature APIs such as
 * {@code hospital}), the reader used through its declared API only, PC/SC only in the card-source adapters.
 */
class ArchitectureTest {
    private static final JavaClasses KIOSK = new ClassFileImporter()
            .withImportOption(new MainClassesOnly())
            .importPackages("vn.cccd.kiosk");

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("vn.cccd.kiosk.(*)..").should().beFreeOfCycles().check(KIOSK);
    }

    @Test
    void everyPackageAndSubPackageIsFreeOfCycles() {
        slices().matching("vn.cccd.kiosk.(**)").should().beFreeOfCycles().check(KIOSK);
    }

    @Test
    void theKioskUsesOnlyTheReadersDeclaredApplicationApi() {
        noClasses().should().dependOnClassesThat(DeclaredApi.readerClassesNotDeclaredFor(Api.Audience.APPLICATIONS))
                .because("the kiosk reads cards through the reader's declared API (@Api on the package-info: read, "
                        + "transport, lds, model...); access protocols, secure messaging and the codecs are the "
                        + "reader's and the chip side's own business")
                .check(KIOSK);
    }

    @Test
    void onlyTheDemoPartUsesTheMockCard() {
        noClasses().that().resideOutsideOfPackage("vn.cccd.kiosk.demo..")
                .should().dependOnClassesThat().resideInAPackage("vn.cccd.mock..")
                .because("the mock chip and its PKI ship in cccd-kiosk-demo.jar (package demo), never in "
                        + "cccd-kiosk.jar")
                .check(KIOSK);
    }

    @Test
    void theKioskFindsTheDemoPartOnlyThroughItsServiceInterface() {
        noClasses().that().resideOutsideOfPackage("vn.cccd.kiosk.demo..")
                .should().dependOnClassesThat().resideInAPackage("vn.cccd.kiosk.demo..")
                .because("cccd-kiosk.jar runs without cccd-kiosk-demo.jar: it looks the demo part up with "
                        + "ServiceLoader (cards.DemoCardsProvider)")
                .check(KIOSK);
    }

    @Test
    void onlyTheCardSourceAdaptersUseJavaxSmartcardio() {
        noClasses().that().doNotHaveFullyQualifiedName("vn.cccd.kiosk.cards.PcscCardSource")
                .and().doNotHaveFullyQualifiedName("vn.cccd.kiosk.demo.MockDemoCards")
                .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..")
                .because("PcscCardSource opens the real PC/SC readers and MockDemoCards presents the demo chip "
                        + "as a PC/SC terminal; everything else sees cards only through CardSource, so it can be "
                        + "tested without a reader")
                .check(KIOSK);
    }

    @Test
    void onlyTheStorageMigrationsUseFlywayAndOnlyTheStoreOpensConnections() {
        noClasses().that().doNotHaveFullyQualifiedName("vn.cccd.kiosk.store.Migrations")
                .should().dependOnClassesThat().resideInAPackage("org.flywaydb..")
                .because("features add scripts under /db/<module>/ and call Database.migrate(module); "
                        + "how they are applied (Flyway, one history table per module) is the store's business")
                .check(KIOSK);
        noClasses().that().resideOutsideOfPackage("vn.cccd.kiosk.store")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.DriverManager")
                .because("the register is reached through Database.transaction only: one connection, bounded "
                        + "waits, the same settings on every connection")
                .check(KIOSK);
    }

    @Test
    void theStaffLoginIsCheckedByTheRouteTableNotInsideHandlers() {
        noClasses().that().doNotHaveFullyQualifiedName("vn.cccd.kiosk.hospital.HospitalApi")
                .should().callMethod(vn.cccd.kiosk.web.OperatorAuth.class, "require",
                        vn.cccd.kiosk.web.http.ApiRequest.class)
                .because("staff-only routes are declared in the route table (r.staff()) and the Router checks the "
                        + "login in front of them, so that StaffRoutesTest sees them all; only HospitalApi asks for "
                        + "it inside a handler, for a check-in that another session made")
                .check(KIOSK);
    }
}
