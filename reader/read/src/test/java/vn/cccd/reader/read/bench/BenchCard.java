package vn.cccd.reader.read.bench;

import java.time.Duration;
import java.util.List;
import javax.smartcardio.CardTerminal;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipProfile;
import vn.cccd.mock.chip.EmrtdChip;
import vn.cccd.mock.testing.RecordingChip;
import vn.cccd.mock.link.ChipCosts;
import vn.cccd.mock.link.LinkClock;
import vn.cccd.mock.link.LinkModel;
import vn.cccd.mock.link.VirtualClock;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/**
 * A persona's mock chip behind the link model (virtual clock) on a virtual PC/SC reader: the same card, reader and
 * link for every contender of one benchmark run. A fresh card per read, so nothing carries over.
 */
final class BenchCard {
    static final String READER = "Bench Reader 0";

    final Persona persona;
    final MrzKey bacKey;
    final boolean extendedLength;
    final RecordingChip recorder;
    final LinkModel link;
    final VirtualClock clock = new VirtualClock();
    final boolean realTime;
    final VirtualTerminals terminals = new VirtualTerminals(READER);

    BenchCard(Persona persona, int kbps, Duration turnaround, ChipCosts costs) {
        this(persona, kbps, turnaround, costs, false);
    }

    /** @param realTime whether the link model sleeps for real instead of adding up time on the virtual clock */
    BenchCard(Persona persona, int kbps, Duration turnaround, ChipCosts costs, boolean realTime) {
        this.persona = persona;
        this.realTime = realTime;
        ChipProfile profile = DocumentFactory.profile(persona, List.of());
        this.bacKey = profile.bacKey();
        this.extendedLength = profile.extendedLength();
        Chip chip = new EmrtdChip(profile);
        this.recorder = new RecordingChip(chip);
        this.link = new LinkModel(recorder, kbps, turnaround, costs, realTime ? LinkClock.SYSTEM : clock);
        terminals.terminal(READER).insert(link);
    }

    PcscReaders readers() {
        return new PcscReaders(terminals::terminalFactory);
    }

    CardTerminal terminal() {
        return terminals.terminal(READER);
    }

}
