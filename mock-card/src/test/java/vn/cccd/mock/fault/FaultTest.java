package vn.cccd.mock.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipRemovedException;
import vn.cccd.mock.testing.PlainFileChip;
import vn.cccd.reader.util.Hex;

class FaultTest {
    private static final byte[] SELECT = Hex.decode("00 A4 02 0C 02 01 1E");

    @Test
    void parsesEveryContractName() {
        assertThat(Fault.parse("remove-after:20")).isEqualTo(new Fault.RemoveAfter(20));
        assertThat(Fault.parse("max-le:160")).isEqualTo(new Fault.MaxLe(160));
        assertThat(Fault.parse("garbage-after:3")).isEqualTo(new Fault.GarbageAfter(3));
        assertThat(Fault.parse(" stall-after:0 ")).isEqualTo(new Fault.StallAfter(0));
        assertThat(Fault.parse("tamper-dg13")).isEqualTo(DocumentFault.TAMPER_DG13);
        assertThat(Fault.parse("bad-sod-signature")).isEqualTo(DocumentFault.BAD_SOD_SIGNATURE);
        assertThat(Fault.parse("unknown-csca")).isEqualTo(DocumentFault.UNKNOWN_CSCA);
        assertThat(Fault.parse("clone")).isEqualTo(DocumentFault.CLONE);
        assertThat(Fault.parse("ca-mismatch")).isEqualTo(DocumentFault.CA_MISMATCH);
        assertThat(Fault.parse("legacy-dg13-layout")).isEqualTo(DocumentFault.LEGACY_DG13_LAYOUT);
        assertThat(Fault.parse("unknown-dg13-layout")).isEqualTo(DocumentFault.UNKNOWN_DG13_LAYOUT);
        assertThat(Fault.parse("expired-document-signer")).isEqualTo(DocumentFault.EXPIRED_DOCUMENT_SIGNER);
        assertThat(Fault.parse("remove-after:20").spec()).isEqualTo("remove-after:20");
        assertThat(DocumentFault.CLONE.supported()).isTrue();
        assertThat(DocumentFault.CA_MISMATCH.supported()).isTrue();
        assertThat(DocumentFault.TAMPER_DG13.supported()).isTrue();
    }

    /** Each refusal says what was wrong: an unknown name lists the known faults, a bad N states the rule. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "''                     | empty fault name; known faults: tamper-dg13",
        "explode                | unknown fault 'explode'; known faults: tamper-dg13",
        "remove-after           | unknown fault 'remove-after'; known faults: tamper-dg13",
        "teleport:3             | unknown fault 'teleport:3'; known faults: tamper-dg13",
        "tamper-dg13:1          | unknown fault 'tamper-dg13:1'; known faults: tamper-dg13",
        "remove-after:          | fault 'remove-after:' needs a whole number after ':'",
        "remove-after:x         | fault 'remove-after:x' needs a whole number after ':'",
        "remove-after:-1        | fault 'remove-after:-1' needs a whole number after ':'",
        "stall-after:9999999999 | fault 'stall-after:9999999999' needs a whole number after ':'",
        "max-le:0               | max-le:N needs N between 1 and 65536, got 0",
        "max-le:70000           | max-le:N needs N between 1 and 65536, got 70000"})
    void refusesABadNameWithAMessageSayingWhatIsWrong(String spec, String expected) {
        assertThatThrownBy(() -> Fault.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void unknownNameMessageListsTheKnownFaults() {
        assertThatThrownBy(() -> Fault.parse("explode")).hasMessageContaining("unknown fault 'explode'")
                .hasMessageContaining("remove-after:N").hasMessageContaining("tamper-dg13");
    }

    @Test
    void sameFaultTwiceIsRefused() {
        assertThatThrownBy(() -> Fault.parseAll(List.of("remove-after:3", "remove-after:5")))
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> Fault.parseAll(List.of("tamper-dg13", "tamper-dg13")))
                .hasMessageContaining("more than once");
        assertThat(Fault.parseAll(List.of("tamper-dg13", "remove-after:3", "unknown-csca"))).hasSize(3);
    }

    @Test
    void removeAfterAnswersNThenVanishesForGood() {
        PlainFileChip inner = PlainFileChip.withFile(8);
        Chip chip = Fault.applyChipFaults(inner, List.of(Fault.parse("remove-after:2"), DocumentFault.TAMPER_DG13));
        assertThat(chip).isInstanceOf(RemoveAfterChip.class);
        assertThat(chip.process(SELECT)).containsExactly(0x90, 0x00);
        chip.reset();
        assertThat(chip.process(SELECT)).containsExactly(0x90, 0x00);
        assertThatThrownBy(() -> chip.process(SELECT)).isInstanceOf(ChipRemovedException.class)
                .hasMessageContaining("remove-after:2");
        chip.reset();
        assertThatThrownBy(() -> chip.process(SELECT)).isInstanceOf(ChipRemovedException.class);
        assertThat(inner.apdus()).isEqualTo(2);
    }

    @Test
    void maxLeRefusesLongPlainReadsAndExtendedLength() {
        PlainFileChip inner = PlainFileChip.withFile(300);
        Chip chip = new Fault.MaxLe(160).apply(inner);
        chip.process(SELECT);
        assertThat(chip.process(Hex.decode("00 B0 00 00 A0"))).hasSize(162);
        assertThat(Hex.encode(chip.process(Hex.decode("00 B0 00 00 A1")))).isEqualTo("6700");
        assertThat(Hex.encode(chip.process(Hex.decode("00 B0 00 00 00")))).isEqualTo("6700");
        assertThat(Hex.encode(chip.process(Hex.decode("00 B0 00 00 00 00 40")))).isEqualTo("6700");
        // extended length is refused for every command, not only READ BINARY
        assertThat(Hex.encode(chip.process(Hex.decode("00 A4 02 0C 00 00 02 01 1E")))).isEqualTo("6700");
        assertThat(inner.apdus()).isEqualTo(2);
    }

    @Test
    void maxLeUnderSecureMessagingLooksAtDo97() {
        PlainFileChip inner = PlainFileChip.withFile(8);
        Chip chip = new Fault.MaxLe(160).apply(inner);
        // 0C B0 ... Lc [97 01 Le] [8E 08 MAC] 00: the outer Le is 00, the asked length is in DO'97'
        byte[] ok = Hex.decode("0C B0 00 00 0D 97 01 A0 8E 08 01 02 03 04 05 06 07 08 00");
        byte[] tooLong = Hex.decode("0C B0 00 00 0D 97 01 DF 8E 08 01 02 03 04 05 06 07 08 00");
        byte[] le256 = Hex.decode("0C B0 00 00 0D 97 01 00 8E 08 01 02 03 04 05 06 07 08 00");
        assertThat(Hex.encode(chip.process(tooLong))).isEqualTo("6700");
        assertThat(Hex.encode(chip.process(le256))).isEqualTo("6700");
        chip.process(ok);
        assertThat(inner.apdus()).isEqualTo(1);
    }

    @Test
    void garbageAfterGivesTheSameRandomBytesOnEveryRun() {
        Chip one = new Fault.GarbageAfter(1).apply(PlainFileChip.withFile(8));
        Chip two = new Fault.GarbageAfter(1).apply(PlainFileChip.withFile(8));
        assertThat(one.process(SELECT)).containsExactly(0x90, 0x00);
        two.process(SELECT);
        for (int i = 0; i < 20; i++) {
            byte[] g = one.process(SELECT);
            assertThat(g.length).isBetween(2, 260);
            assertThat(two.process(SELECT)).isEqualTo(g);
        }
        assertThat(one.process(SELECT)).isNotEqualTo(one.process(SELECT));
    }

    @Test
    void stallEndsWhenTheCardIsRemoved() throws Exception {
        StallAfterChip chip = new StallAfterChip(PlainFileChip.withFile(8), 0, Duration.ofMinutes(5));
        CompletableFuture<byte[]> stalled = CompletableFuture.supplyAsync(() -> chip.process(SELECT));
        Thread.sleep(50);
        assertThat(stalled).isNotDone();
        chip.cardRemoved();
        assertThatThrownBy(() -> stalled.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ChipRemovedException.class);
        assertThatThrownBy(() -> chip.process(SELECT)).isInstanceOf(ChipRemovedException.class);
    }

    @Test
    void stallIsBoundedWhenNobodyRemovesTheCard() {
        Chip chip = new StallAfterChip(PlainFileChip.withFile(8), 1, Duration.ofMillis(30));
        assertThat(chip.process(SELECT)).containsExactly(0x90, 0x00);
        assertThatThrownBy(() -> chip.process(SELECT)).isInstanceOf(ChipRemovedException.class)
                .hasMessageContaining("stopped answering");
    }

    @Test
    void removalSignalPassesThroughEveryDecorator() throws Exception {
        StallAfterChip stall = new StallAfterChip(PlainFileChip.withFile(8), 0, Duration.ofMinutes(5));
        Chip outer = new Fault.RemoveAfter(100).apply(new Fault.MaxLe(100).apply(stall));
        CompletableFuture<byte[]> stalled = CompletableFuture.supplyAsync(() -> outer.process(SELECT));
        Thread.sleep(50);
        RemovalAware.notifyRemoved(outer);
        assertThatThrownBy(() -> stalled.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ChipRemovedException.class);
    }
}
