package vn.cccd.reader.read.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.cccd.mock.link.LinkModel;
import vn.cccd.mock.testing.RecordingChip;
import vn.cccd.reader.lds.ChipAuthenticationInfo;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.lds.LdsFile;

/**
 * The link lower bound of a read: the time the link model needs for the exchanges no reader can avoid, each at its
 * smallest. Those are: one READ BINARY by short file identifier to learn whether EF.CardAccess is there (ICAO
 * 9303-11: a terminal must try PACE where the chip offers it); the access control exchanges, the Chip and the Active
 * Authentication exchanges exactly as our reader sent them (their sizes are fixed by the protocols); one SELECT of
 * the application; and for every file read, the fewest READ BINARYs that can carry it: by short file identifier,
 * each answer as large as the chip and the PC/SC path allow under secure messaging (extended length: an answer of
 * at most 8192 bytes, javax.smartcardio's limit; short: 256 bytes of protected data, so 231 data bytes with 3DES and
 * 223 with AES). Chip costs count as the link model charges them.
 */
final class LinkLowerBound {
    private static final int INS_SELECT = 0xA4;
    private static final int INS_READ_BINARY = 0xB0;
    private static final int INS_READ_BINARY_ODD = 0xB1;
    /** The largest answer javax.smartcardio receives, status word included (measured; see BlockSizes). */
    static final int PCSC_MAX_ANSWER = 8192;
    /** Files read before Chip Authentication (under the access control's cipher) in our order; the rest after. */
    private static final List<LdsFile> BEFORE_CA = List.of(LdsFile.COM, LdsFile.DG1, LdsFile.DG13, LdsFile.DG11,
            LdsFile.DG12, LdsFile.DG14);

    /** The bound and what it is made of. */
    record Bound(long nanos, int apdus, long bytesSent, long bytesReceived, List<String> parts) {
    }

    private LinkLowerBound() {
    }

    /**
     * @param files the files the read needs (by LDS file, EF.CardAccess excluded)
     * @param trace our reader's exchanges for the same read (the protocol steps are taken from it)
     * @param extended whether the chip takes extended-length APDUs
     * @param accessCipherBlock 8 for BAC (3DES), 16 for PACE with AES
     * @param cardAccessAnswer the answer to the EF.CardAccess probe (2 when the chip has none)
     */
    static Bound of(LinkModel model, Map<LdsFile, byte[]> files, List<RecordingChip.Exchange> trace, boolean extended,
            int accessCipherBlock, int cardAccessAnswer) {
        List<String> parts = new ArrayList<>();
        long[] sum = new long[4];
        add(model, sum, new byte[] {0x00, (byte) INS_READ_BINARY, (byte) 0x9C, 0x00, 0x00}, cardAccessAnswer);
        parts.add("EF.CardAccess probe (1)");
        boolean selected = false;
        int protocolSteps = 0;
        for (RecordingChip.Exchange e : trace) {
            int ins = e.ins();
            if (ins == INS_READ_BINARY || ins == INS_READ_BINARY_ODD) {
                continue;
            }
            if (ins == INS_SELECT) {
                boolean application = e.command().length > 2 && (e.command()[2] & 0xFF) == 0x04;
                if (!application || selected) {
                    continue;
                }
                selected = true;
            }
            add(model, sum, e.command(), e.responseLength());
            protocolSteps++;
        }
        parts.add("SELECT application, access control, Chip and Active Authentication as sent (" + protocolSteps + ")");
        int caBlock = chipAuthenticationCipherBlock(files.get(LdsFile.DG14), accessCipherBlock);
        int fileReads = 0;
        for (Map.Entry<LdsFile, byte[]> f : files.entrySet()) {
            int block = BEFORE_CA.contains(f.getKey()) ? accessCipherBlock : caBlock;
            int perAnswer = extended ? largestData(PCSC_MAX_ANSWER - 2, block) : largestData(256, block);
            int left = f.getValue().length;
            while (left > 0) {
                int n = Math.min(left, perAnswer);
                add(model, sum, readCommand(extended), protectedAnswer(n, block) + 2);
                left -= n;
                fileReads++;
            }
        }
        parts.add("READ BINARY, largest answers (" + fileReads + ")");
        return new Bound(sum[0], (int) sum[1], sum[2], sum[3], List.copyOf(parts));
    }

    private static void add(LinkModel model, long[] sum, byte[] command, int answerLength) {
        sum[0] += model.apduNanos(command, answerLength);
        sum[1]++;
        sum[2] += command.length;
        sum[3] += answerLength;
    }

    /** A secure messaging READ BINARY: header, DO'97' with Le, DO'8E' and the outer Le; short 19, extended 23 bytes. */
    private static byte[] readCommand(boolean extended) {
        byte[] c = new byte[extended ? 23 : 19];
        c[0] = 0x0C;
        c[1] = (byte) INS_READ_BINARY;
        return c;
    }

    /** The protected answer's data field for {@code n} plain bytes: DO'87' (padded cryptogram), DO'99', DO'8E'. */
    static int protectedAnswer(int n, int cipherBlock) {
        int padded = (n / cipherBlock + 1) * cipherBlock;
        int valueLength = padded + 1;
        int lengthBytes = valueLength < 0x80 ? 1 : valueLength < 0x100 ? 2 : 3;
        return 1 + lengthBytes + valueLength + 4 + 10;
    }

    /** The most plain bytes whose protected answer fits {@code maxData} bytes. */
    static int largestData(int maxData, int cipherBlock) {
        int n = maxData;
        while (protectedAnswer(n, cipherBlock) > maxData) {
            n--;
        }
        return n;
    }

    /** 16 when DG14 offers Chip Authentication with AES, 8 with 3DES; the access control's when it offers none. */
    private static int chipAuthenticationCipherBlock(byte[] dg14, int otherwise) {
        if (dg14 == null) {
            return otherwise;
        }
        List<ChipAuthenticationInfo> infos = Dg14File.parse(dg14).securityInfos().chipAuthenticationInfos();
        if (infos.isEmpty()) {
            return otherwise;
        }
        // id-CA-{DH,ECDH}-3DES-CBC-CBC ends in .1; the AES variants in .2, .3, .4 (BSI TR-03110-3)
        return infos.get(0).protocol().endsWith(".1") ? 8 : 16;
    }
}
