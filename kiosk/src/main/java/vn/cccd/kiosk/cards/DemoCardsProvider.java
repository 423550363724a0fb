package vn.cccd.kiosk.cards;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The optional demo part of the kiosk ({@code --demo}): found at run time with {@link ServiceLoader}, so that
 * cccd-kiosk.jar carries no mock chip and no mock PKI. The mock-card implementation ships as cccd-kiosk-demo.jar,
 * which cccd-kiosk.jar's manifest names on its {@code Class-Path} (the JVM ignores the entry when the file is
 * missing); the Debian package installs it beside the kiosk jar.
 */
public interface DemoCardsProvider {

    /** What {@code --demo} says when no demo part is installed. */
    String MISSING = "the demo cards are not installed: cccd-kiosk-demo.jar must lie beside cccd-kiosk.jar "
            + "(mvn -B -q package -DskipTests writes both to kiosk/target/; the Debian package installs both)";

    /**
     * Demo cards behind a demo reader.
     *
     * @param trustDir where the CSCA that signs the demo cards is written (created when missing)
     * @param reading the document reader used for the demo reader
     */
    DemoCards create(Path trustDir, DocumentReading reading);

    /** The demo part visible to {@code loader}, if one is installed. */
    static Optional<DemoCardsProvider> find(ClassLoader loader) {
        return ServiceLoader.load(DemoCardsProvider.class, loader).findFirst();
    }
}
