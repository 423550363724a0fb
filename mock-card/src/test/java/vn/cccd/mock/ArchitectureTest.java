package vn.cccd.mock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.Api;
import vn.cccd.reader.testing.DeclaredApi;
import vn.cccd.reader.testing.MainClassesOnly;

/**
 * The mock card's package shape (README, "Architecture"): the chip at the bottom, faults around it, the persona
 * documents above, the adapters (PC/SC provider, vpcd, link model) and the CLI on top; the chip side uses the
 * reader's shared protocol math and LDS builders, never the reader's transport, read or verification.
 */
class ArchitectureTest {
    private static final JavaClasses MOCK = new ClassFileImporter()
            .withImportOption(new MainClassesOnly())
            .importPackages("vn.cccd.mock");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("vn.cccd.mock.(**)").should().beFreeOfCycles().check(MOCK);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Chip").definedBy("vn.cccd.mock.chip..")
                .layer("Fault").definedBy("vn.cccd.mock.fault..")
                .layer("Pki").definedBy("vn.cccd.mock.pki..")
                .layer("Persona").definedBy("vn.cccd.mock.persona..")
                .layer("Adapter").definedBy("vn.cccd.mock.pcsc..", "vn.cccd.mock.vpcd..", "vn.cccd.mock.link..")
                .layer("Cards").definedBy("vn.cccd.mock")
                .layer("Cli").definedBy("vn.cccd.mock.cli..")
                .whereLayer("Chip").mayNotAccessAnyLayer()
                .whereLayer("Fault").mayOnlyAccessLayers("Chip")
                .whereLayer("Pki").mayNotAccessAnyLayer()
                .whereLayer("Persona").mayOnlyAccessLayers("Chip", "Fault", "Pki")
                .whereLayer("Adapter").mayOnlyAccessLayers("Chip", "Fault")
                .whereLayer("Cards").mayOnlyAccessLayers("Chip", "Fault", "Pki", "Persona")
                .check(MOCK);
    }

    @Test
    void theCardSideNeverUsesTheReadersTransportOrVerification() {
        // read, the PC/SC adapter, diagnose, qr and the CLI are other modules, not on mock-card's class path
        noClasses().that().resideOutsideOfPackage("vn.cccd.mock.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.cccd.reader.transport..",
                        "vn.cccd.reader.verify..")
                .check(MOCK);
    }

    @Test
    void theMockUsesOnlyTheReadersDeclaredApi() {
        noClasses().should().dependOnClassesThat(
                        DeclaredApi.readerClassesNotDeclaredFor(Api.Audience.APPLICATIONS, Api.Audience.CHIP_SIDE))
                .because("the chip side shares the reader's declared API (@Api on the package-info), chip-side "
                        + "packages included, never the reader's internals")
                .check(MOCK);
    }

    @Test
    void onlyThePcscProviderUsesJavaxSmartcardio() {
        noClasses().that().resideOutsideOfPackage("vn.cccd.mock.pcsc..")
                .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..")
                .check(MOCK);
    }
}
