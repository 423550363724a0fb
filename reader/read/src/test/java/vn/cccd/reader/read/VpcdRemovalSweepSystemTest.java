package vn.cccd.reader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.mock.testing.Vpcd;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.testing.SystemTestSupport;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.pcsc.PcscReaders;
import vn.cccd.reader.transport.pcsc.PcscTransport;
import vn.cccd.reader.transport.TracingTransport;
import vn.cccd.mock.vpcd.VpcdAddress;
import vn.cccd.mock.vpcd.VpcdClient;

/**
 * Removal during a read through the real stack (pcscd + vsmartcard-vpcd + SunPCSC), at seven APDU indexes spread
 * over the whole read, or at every index with {@code -Dsweep.everyIndex=true} (the in-process sweep always covers
 * every index): always "card removed",
 * each lost card released without a reset, no exchange thread left behind, and the next card on the same reader
 * reads fully, with the same PcscReaders (no restart).
 */
@Tag("system")
class VpcdRemovalSweepSystemTest {
    /** -Dsweep.everyIndex=true: every APDU index of the read (about 100; some minutes), not only seven. */
    private static final boolean EVERY_INDEX = Boolean.getBoolean("sweep.everyIndex");
    private static final int[] SPREAD = {4, 17, 30, 43, 56, 69, 82};
    private static final int MAX_APDUS = 400;
    @TempDir
    Path trust;

    @Test
    void removalAnywhereIsCardLostAndTheNextCardReads() throws Exception {
        CardTerminal found = Vpcd.requireReader(VpcdAddress.DEFAULT);
        MockPki.instance().writeTrustAnchors(trust);
        Persona p = Personas.builtIn("nguyen-van-a");
        ReadRequest request = new ReadRequest(List.of(DocumentFactory.profile(p, List.of()).bacKey()), true, List.of(trust));
        PcscReaders readers = PcscReaders.system();
        long resetErrorsBefore = resetErrors();
        try (FileLock lock = SystemTestSupport.lockVpcd()) {
            assertThat(lock.isValid()).isTrue();
            int swept = 0;
            for (int at : EVERY_INDEX ? java.util.stream.IntStream.rangeClosed(1, MAX_APDUS).toArray() : SPREAD) {
                VpcdClient client = new VpcdClient(MockCards.chip(p.name(), "remove-after:" + at), VpcdAddress.DEFAULT);
                CompletableFuture<VpcdClient.Ending> serving = Vpcd.attach(client, found);
                try {
                    CardTerminal terminal = readers.terminal(found.getName());
                    assertThat(readers.waitForCard(terminal, Duration.ofSeconds(20))).as("card %d present", at).isTrue();
                    PcscTransport card = readers.connect(terminal);
                    CardReadResult whole = null;
                    try (CardTransport chain = TracingTransport.standard(card)) {
                        whole = new DocumentReader().read(chain, request, ProgressListener.NONE);
                    } catch (CardLostException expected) {
                        assertThat(card.lost()).as("released as lost (no reset)").isTrue();
                    }
                    if (whole != null) {
                        // the removal came after the last APDU: every index of the read has been swept
                        assertThat(EVERY_INDEX).as("a read of more than %d APDUs", at).isTrue();
                        assertThat(whole.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
                        break;
                    }
                    swept++;
                } finally {
                    Vpcd.detach(client, serving, found);
                }
            }
            System.out.println("vpcd removal sweep: card removed after each of " + swept + " APDU indexes"
                    + (EVERY_INDEX ? " (every index of the read)" : " (spread over the read)"));
            VpcdClient client = new VpcdClient(MockCards.chip(p.name()), VpcdAddress.DEFAULT);
            CompletableFuture<VpcdClient.Ending> serving = Vpcd.attach(client, found);
            try {
                CardTerminal terminal = readers.terminal(found.getName());
                assertThat(readers.waitForCard(terminal, Duration.ofSeconds(10))).isTrue();
                CardReadResult r;
                try (CardTransport chain = TracingTransport.standard(readers.connect(terminal))) {
                    r = new DocumentReader().read(chain, request, ProgressListener.NONE);
                }
                assertThat(r.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
                assertThat(r.person()).isEqualTo(p.person());
            } finally {
                Vpcd.detach(client, serving, found);
            }
        }
        assertNoExchangeThreadLeft();
        // pcscd (started by .ci/start-services, logging to /tmp/pcscd.log) logs "Error resetting card" when asked to
        // reset a card that has left: a lost card must be released without reset
        assertThat(resetErrors() - resetErrorsBefore).as("pcscd's 'Error resetting card' during the sweep").isZero();
    }

    private static final Path PCSCD_LOG = Path.of("/tmp/pcscd.log");

    private static long resetErrors() throws IOException {
        if (!Files.isRegularFile(PCSCD_LOG)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(PCSCD_LOG, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains("Error resetting card")).count();
        }
    }

    /** Every read's exchange thread ends when its transport chain is closed (bounded wait: threads end async). */
    private static void assertNoExchangeThreadLeft() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left = List.of();
        while (System.nanoTime() < end) {
            left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.equals("card-exchange") || n.equals("card-release")).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(left).as("exchange threads left behind").isEmpty();
    }
}
