package vn.cccd.mock.vpcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.fault.Fault;
import vn.cccd.mock.testing.PlainFileChip;
import vn.cccd.reader.util.Hex;

/** The vpcd wire protocol against a scripted vpcd (the pcscd side) in the test. */
class VpcdClientTest {
    private final ServerSocket vpcd;

    VpcdClientTest() throws IOException {
        vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        vpcd.close();
    }

    private VpcdAddress address() {
        return new VpcdAddress("127.0.0.1", vpcd.getLocalPort());
    }

    private static void send(DataOutputStream out, String hex) throws IOException {
        byte[] b = Hex.decode(hex);
        out.writeShort(b.length);
        out.write(b);
        out.flush();
    }

    private static String receive(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readUnsignedShort()];
        in.readFully(b);
        return Hex.encode(b);
    }

    @Test
    void answersControlCodesAndApdusInFrames() throws Exception {
        PlainFileChip chip = PlainFileChip.withFile(4);
        VpcdClient client = new VpcdClient(chip, address());
        client.connect();
        CompletableFuture<VpcdClient.Ending> serving = CompletableFuture.supplyAsync(() -> {
            try {
                return client.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Socket s = vpcd.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            send(out, "04");
            assertThat(receive(in)).isEqualTo(Hex.encode(PlainFileChip.ATR));
            send(out, "01");
            send(out, "02");
            send(out, "00");
            send(out, "00 A4 02 0C 02 01 1E");
            assertThat(receive(in)).isEqualTo("9000");
            send(out, "00 B0 00 00 04");
            assertThat(receive(in)).isEqualTo("000102039000");
            send(out, "00 B0");
            assertThat(receive(in)).isEqualTo("6700");
            assertThat(chip.resets()).isEqualTo(2);
            assertThat(client.apdus()).isEqualTo(2);
        }
        assertThat(serving.get(10, TimeUnit.SECONDS)).isEqualTo(VpcdClient.Ending.VPCD_CLOSED);
    }

    @Test
    void cardThatLeavesTheFieldClosesTheConnection() throws Exception {
        VpcdClient client = new VpcdClient(new Fault.RemoveAfter(1).apply(PlainFileChip.withFile(4)), address());
        client.connect();
        CompletableFuture<VpcdClient.Ending> serving = CompletableFuture.supplyAsync(() -> {
            try {
                return client.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Socket s = vpcd.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            send(out, "00 A4 02 0C 02 01 1E");
            assertThat(receive(in)).isEqualTo("9000");
            send(out, "00 A4 02 0C 02 01 1E");
            // removal: the connection ends without an answer
            assertThatThrownBy(in::readUnsignedShort).isInstanceOf(EOFException.class);
        }
        assertThat(serving.get(10, TimeUnit.SECONDS)).isEqualTo(VpcdClient.Ending.CARD_REMOVED);
        assertThat(client.removalReason()).contains("remove-after:1");
    }

    @Test
    void closeEndsServingAndRemovesTheCard() throws Exception {
        VpcdClient client = new VpcdClient(PlainFileChip.withFile(4), address());
        client.connect();
        CompletableFuture<VpcdClient.Ending> serving = CompletableFuture.supplyAsync(() -> {
            try {
                return client.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Socket s = vpcd.accept()) {
            Thread.sleep(50);
            client.close();
            assertThat(serving.get(10, TimeUnit.SECONDS)).isEqualTo(VpcdClient.Ending.STOPPED);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        client.close();
    }

    @Test
    void noVpcdListeningIsAnIoError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        VpcdClient client = new VpcdClient(PlainFileChip.withFile(4), new VpcdAddress("127.0.0.1", port));
        assertThatThrownBy(client::connect).isInstanceOf(IOException.class);
    }

    @Test
    void addressesParseWithDefaultsAndNameTheirReaderSlot() {
        assertThat(VpcdAddress.parse(null)).isEqualTo(VpcdAddress.DEFAULT);
        assertThat(VpcdAddress.parse("10.0.0.2:35964")).isEqualTo(new VpcdAddress("10.0.0.2", 35964));
        assertThat(VpcdAddress.parse(":35964").readerName()).isEqualTo("Virtual PCD 00 01");
        assertThat(VpcdAddress.parse("localhost")).isEqualTo(new VpcdAddress("localhost", 35963));
        assertThat(VpcdAddress.DEFAULT.readerName()).isEqualTo("Virtual PCD 00 00");
        assertThatThrownBy(() -> VpcdAddress.parse("host:port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VpcdAddress.parse("host:70000")).isInstanceOf(IllegalArgumentException.class);
    }
}
