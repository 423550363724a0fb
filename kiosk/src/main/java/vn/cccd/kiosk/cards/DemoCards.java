package vn.cccd.kiosk.cards;

import java.nio.file.Path;
import java.util.List;

/**
 * Demo mode ({@code --demo}): a reader in the kiosk's own process on which the built-in personas (fake people)
 * can be placed and taken away from the UI's demo panel or {@code POST /api/demo/insert|remove}.
 */
public interface DemoCards {

    /** The built-in personas, with what a demonstrator types as the key. */
    List<DemoPersona> personas();

    /**
     * Places the persona's card on the demo reader.
     *
     * @throws IllegalArgumentException for an unknown persona
     * @throws IllegalStateException when a card is already on the reader
     * @throws UnsupportedOperationException when mock cards cannot be made in this build
     */
    void insert(String persona);

    /**
     * As {@link #insert(String)}, with mock-card faults (contract names such as {@code clone}, {@code tamper-dg13}),
     * so a demo can show what a copied or altered card looks like.
     *
     * @throws IllegalArgumentException for an unknown persona or fault name
     */
    default void insert(String persona, java.util.List<String> faults) {
        if (faults != null && !faults.isEmpty()) {
            throw new UnsupportedOperationException("these demo cards cannot show faults");
        }
        insert(persona);
    }

    /**
     * Checks fault names before a card is made, so that an unknown fault and an unknown persona are told apart.
     *
     * @throws IllegalArgumentException naming the unknown fault
     */
    default void checkFaults(java.util.List<String> faults) {
        // demo cards without faults refuse them in insert(persona, faults)
    }

    /** Takes the card away; false when there was none. */
    boolean remove();

    /** The demo reader as a card source. */
    CardSource source();

    /** Directories holding the CSCA that signs the mock cards (so demo cards verify as authentic). */
    List<Path> trustDirs();

    /**
     * A persona as the demo panel shows it. All values are invented.
     *
     * @param documentType CCCD or PASSPORT
     * @param documentNumber for a passport, the number its chip opens with (with birth and expiry dates)
     * @param expiryDate the document's expiry date, or null
     */
    record DemoPersona(String name, String fullName, String idNumber, String dateOfBirth, String issueDate,
            String documentType, String documentNumber, String expiryDate) {
    }
}
