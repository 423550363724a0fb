package vn.cccd.mock;

import java.util.List;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.EmrtdChip;
import vn.cccd.mock.fault.DocumentFault;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;

/** Persona to chip: the document factory's profile inside the eMRTD chip. */
final class DocumentChips {
    private DocumentChips() {
    }

    static Chip chip(Persona persona, List<DocumentFault> faults) {
        return new EmrtdChip(DocumentFactory.profile(persona, faults));
    }
}
