package vn.cccd.reader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.testing.DeclaredApi;
import vn.cccd.reader.testing.MainClassesOnly;

/**
 * The reader's package shape (README, "Architecture"), checked on the compiled main classes of all reader modules
 * (this module, the CLI, has them all on its class path): layers from the bottom (util, model, error, codecs,
 * transport, secure messaging, LDS, keys, protocols, offline verification, the document's files, the read, the
 * applications), no package cycles, PC/SC only in its adapter; and the declared API ({@link Api} on package-info).
 */
class ArchitectureTest {
    private static final JavaClasses READER = new ClassFileImporter()
            .withImportOption(new MainClassesOnly())
            .importPackages("vn.cccd.reader");

    private static final DescribedPredicate<JavaClass> PCSC_ADAPTER = new DescribedPredicate<>(
            "the PC/SC adapter (transport.pcsc)") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().equals("vn.cccd.reader.transport.pcsc");
        }
    };

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("vn.cccd.reader.(*)..").should().beFreeOfCycles().check(READER);
    }

    @Test
    void everyPackageAndSubPackageIsFreeOfCycles() {
        slices().matching("vn.cccd.reader.(**)").should().beFreeOfCycles().check(READER);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Util").definedBy("vn.cccd.reader.util..")
                .layer("Model").definedBy("vn.cccd.reader.model..")
                .layer("Error").definedBy("vn.cccd.reader.error..")
                .layer("Codec").definedBy("vn.cccd.reader.tlv..", "vn.cccd.reader.crypto..", "vn.cccd.reader.apdu..")
                .layer("Transport").definedBy("vn.cccd.reader.transport..")
                .layer("SecureMessaging").definedBy("vn.cccd.reader.sm..")
                .layer("Lds").definedBy("vn.cccd.reader.lds..")
                .layer("Keys").definedBy("vn.cccd.reader.keys..")
                .layer("Protocol").definedBy("vn.cccd.reader.protocol..")
                .layer("Verify").definedBy("vn.cccd.reader.verify..")
                .layer("Document").definedBy("vn.cccd.reader.document..")
                .layer("Read").definedBy("vn.cccd.reader.read..")
                .layer("App").definedBy("vn.cccd.reader.qr..", "vn.cccd.reader.diagnose..", "vn.cccd.reader.cli..")
                .whereLayer("Util").mayNotAccessAnyLayer()
                .whereLayer("Model").mayOnlyAccessLayers("Util")
                .whereLayer("Error").mayOnlyAccessLayers("Util", "Model")
                .whereLayer("Codec").mayOnlyAccessLayers("Util", "Model", "Error")
                .whereLayer("Transport").mayOnlyAccessLayers("Util", "Model", "Error", "Codec")
                .whereLayer("SecureMessaging").mayOnlyAccessLayers("Util", "Model", "Error", "Codec", "Transport")
                // the LDS parsers do no I/O: no transport, no secure messaging, nothing above
                .whereLayer("Lds").mayOnlyAccessLayers("Util", "Model", "Error", "Codec")
                .whereLayer("Keys").mayOnlyAccessLayers("Util", "Model", "Error", "Codec", "Lds")
                .whereLayer("Protocol").mayOnlyAccessLayers(
                        "Util", "Model", "Error", "Codec", "Transport", "SecureMessaging", "Lds", "Keys")
                // offline verification: files and certificates in, a verdict out; never the card
                .whereLayer("Verify").mayOnlyAccessLayers("Util", "Model", "Error", "Codec", "Lds")
                // the raw files of one document and their saved directory (the read's output, the mock's --save)
                .whereLayer("Document").mayOnlyAccessLayers("Util", "Model", "Error", "Lds")
                .whereLayer("Read").mayOnlyAccessLayers("Util", "Model", "Error", "Codec", "Transport",
                        "SecureMessaging", "Lds", "Keys", "Protocol", "Verify", "Document")
                .check(READER);
    }

    @Test
    void onlyThePcscAdapterUsesJavaxSmartcardio() {
        noClasses().that(DescribedPredicate.not(PCSC_ADAPTER))
                .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..")
                .check(READER);
    }

    @Test
    void ldsDoesNoFileOrNetworkIo() {
        noClasses().that().resideInAPackage("vn.cccd.reader.lds..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .check(READER);
    }

    /** The packages that are internal on purpose; every other reader package declares its audience with {@link Api}. */
    private static final Set<String> INTERNAL = Set.of("vn.cccd.reader.cli", "vn.cccd.reader.protocol.aa");

    @Test
    void everyPackageDeclaresItsAudienceOrIsKnownToBeInternal() {
        Set<String> undeclared = new TreeSet<>();
        for (JavaClass c : READER) {
            String pkg = c.getPackageName();
            if (pkg.startsWith("vn.cccd.reader.") && !INTERNAL.contains(pkg) && DeclaredApi.audience(pkg).isEmpty()) {
                undeclared.add(pkg);
            }
        }
        assertThat(undeclared).as("reader packages without @Api on their package-info").isEmpty();
    }

    @Test
    void theDeclarationsAreReadFromThePackageInfos() {
        assertThat(DeclaredApi.audience("vn.cccd.reader.read")).contains(Api.Audience.APPLICATIONS);
        assertThat(DeclaredApi.audience("vn.cccd.reader.sm")).contains(Api.Audience.CHIP_SIDE);
        assertThat(DeclaredApi.audience("vn.cccd.reader.cli")).isEmpty();
        assertThat(DeclaredApi.readerClassesNotDeclaredFor(Api.Audience.APPLICATIONS)
                .test(READER.get(vn.cccd.reader.sm.SmSession.class))).isTrue();
        assertThat(DeclaredApi.readerClassesNotDeclaredFor(Api.Audience.APPLICATIONS, Api.Audience.CHIP_SIDE)
                .test(READER.get(vn.cccd.reader.sm.SmSession.class))).isFalse();
        assertThat(DeclaredApi.readerClassesNotDeclaredFor(Api.Audience.APPLICATIONS, Api.Audience.CHIP_SIDE)
                .test(READER.get(vn.cccd.reader.cli.ReaderCli.class))).isTrue();
    }
}
