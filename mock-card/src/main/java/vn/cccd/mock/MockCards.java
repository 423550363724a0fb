package vn.cccd.mock;

import java.util.ArrayList;
import java.util.List;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.DocumentFault;
import vn.cccd.mock.fault.Fault;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;

/**
 * The one way to get a ready mock card: a persona, its document built and signed by the test PKI, the chip,
 * and the faults asked for. Used by the CLI ({@code serve}), the kiosk's demo mode and tests.
 *
 * <pre>{@code
 * Chip chip = MockCards.chip("nguyen-van-a");
 * Chip broken = MockCards.chip(Personas.builtIn("nguyen-van-a"), Fault.parseAll(List.of("remove-after:20")));
 * }</pre>
 */
public final class MockCards {
    private MockCards() {
    }

    /** A built-in persona (or persona file) with the given contract fault names. */
    public static Chip chip(String personaNameOrFile, String... faults) {
        return chip(Personas.resolve(personaNameOrFile), Fault.parseAll(List.of(faults)));
    }

    /**
     * The chip of {@code persona} showing {@code faults}: document-level faults go into the files, link-level
     * faults wrap the chip (in the order given).
     *
     * @throws UnsupportedOperationException for a fault the mock cannot show yet (clone, ca-mismatch)
     */
    public static Chip chip(Persona persona, List<? extends Fault> faults) {
        List<DocumentFault> documentFaults = documentFaults(faults);
        Chip chip = DocumentChips.chip(persona, documentFaults);
        return Fault.applyChipFaults(chip, faults);
    }

    /** The document-level faults of {@code faults}; refuses those the mock cannot show yet. */
    public static List<DocumentFault> documentFaults(List<? extends Fault> faults) {
        List<DocumentFault> out = new ArrayList<>();
        for (Fault f : faults) {
            if (f instanceof DocumentFault d) {
                if (!d.supported()) {
                    throw new UnsupportedOperationException("fault '" + d.spec() + "' is not supported yet: the mock chip"
                            + " has no " + (d == DocumentFault.CLONE ? "Active" : "Chip") + " Authentication yet");
                }
                out.add(d);
            }
        }
        return List.copyOf(out);
    }
}
