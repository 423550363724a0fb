package vn.cccd.reader.sm;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.crypto.Padding;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * One secure messaging session: the session keys and the send sequence counter (SSC), incremented before
 * every command and every response. Both ends use it: the reader calls {@link #protect} and
 * {@link #unprotect(ResponseApdu)}, the chip calls {@link #unprotect(CommandApdu)} and {@link #protect(ResponseApdu, boolean)}.
 *
 * <p>Commands with an odd INS (READ BINARY B1) carry BER-TLV data, so their cryptogram goes in DO'85' without
 * a padding-indicator byte; every other cryptogram goes in DO'87' with the 01 indicator.
 *
 * <p>Not thread-safe; one session belongs to one read.
 */
public final class SmSession {
    /** Largest short-APDU READ BINARY Le whose protected response still fits in 256 bytes. */
    public static final int MAX_SHORT_PLAIN_LE = 231;

    private final SmCipher cipher;
    private final byte[] ssc;

    public SmSession(SmCipher cipher, byte[] initialSsc) {
        if (initialSsc.length != cipher.blockSize()) {
            throw new IllegalArgumentException("SSC length must equal the cipher block size");
        }
        this.cipher = cipher;
        this.ssc = initialSsc.clone();
    }

    /** The current SSC (tests compare it with worked examples). */
    /** The cipher's block size: 8 for 3DES, 16 for AES (it sets the padding, so the largest block one answer carries). */
    public int cipherBlockSize() {
        return cipher.blockSize();
    }

    public byte[] ssc() {
        return ssc.clone();
    }

    public void wipe() {
        cipher.wipe();
        Arrays.fill(ssc, (byte) 0);
    }

    // ---- reader side ----

    /** As {@link #protect(CommandApdu, boolean)} with extended length allowed where the answer may need it. */
    public CommandApdu protect(CommandApdu plain) {
        return protect(plain, true);
    }

    /**
     * Wraps a plain command; the result has CLA | 0x0C. It is extended only when it must be (the command itself
     * is) or, with {@code extendedAllowed}, when the protected answer to an Le above
     * {@link #MAX_SHORT_PLAIN_LE} might not fit in 256 bytes.
     */
    public CommandApdu protect(CommandApdu plain, boolean extendedAllowed) {
        increment();
        boolean odd = (plain.ins() & 1) == 1;
        int cla = plain.cla() | Iso7816.CLA_SECURE_MESSAGING;
        ByteArrayOutputStream dos = new ByteArrayOutputStream();
        if (plain.dataLength() > 0) {
            dos.writeBytes(cryptogram(plain.data(), odd));
        }
        if (plain.ne() > 0) {
            dos.writeBytes(Tlv.of(0x97, encodeLe(plain.ne(), plain.isExtended())).encode());
        }
        byte[] covered = dos.toByteArray();
        byte[] header = Padding.pad(new byte[] {(byte) cla, (byte) plain.ins(), (byte) plain.p1(), (byte) plain.p2()},
                cipher.blockSize());
        byte[] mac = mac(concat(header, covered));
        dos.writeBytes(Tlv.of(0x8E, mac).encode());
        byte[] data = dos.toByteArray();
        boolean extended = plain.isExtended() || data.length > 255
                || extendedAllowed && plain.ne() > MAX_SHORT_PLAIN_LE;
        return new CommandApdu(cla, plain.ins(), plain.p1(), plain.p2(), data,
                extended ? CommandApdu.MAX_EXTENDED_NE : CommandApdu.MAX_SHORT_NE);
    }

    /**
     * Unwraps the chip's answer. A bare status word without SM objects means the chip has dropped secure
     * messaging (typically 6987/6988 or an error before SM processing); it is returned as is and the caller
     * decides. A wrong or missing MAC is malformed data: nothing from that response is used.
     */
    public ResponseApdu unprotect(ResponseApdu protectedResponse) {
        increment();
        byte[] data = protectedResponse.data();
        if (data.length == 0) {
            return protectedResponse;
        }
        SmObjects objects = SmObjects.parse(data);
        if (objects.do8e() == null) {
            throw new MalformedDataException("the chip's response has no secure messaging MAC");
        }
        verifyMac(objects);
        if (objects.do99() == null || objects.do99().length != 2) {
            throw new MalformedDataException("the chip's response has no protected status word");
        }
        int sw = ((objects.do99()[0] & 0xFF) << 8) | (objects.do99()[1] & 0xFF);
        byte[] plain = objects.do85or87() == null ? new byte[0] : decryptCryptogram(objects);
        return ResponseApdu.of(plain, sw);
    }

    // ---- chip side ----

    /** Unwraps a protected command; throws {@link MalformedDataException} for a missing or wrong MAC. */
    public CommandApdu unprotect(CommandApdu protectedCommand) {
        increment();
        SmObjects objects = SmObjects.parse(protectedCommand.data());
        if (objects.do8e() == null) {
            throw new MalformedDataException("protected command has no MAC");
        }
        byte[] header = Padding.pad(new byte[] {(byte) protectedCommand.cla(), (byte) protectedCommand.ins(),
            (byte) protectedCommand.p1(), (byte) protectedCommand.p2()}, cipher.blockSize());
        if (!MessageDigest.isEqual(mac(concat(header, objects.macInput())), objects.do8e())) {
            throw new MalformedDataException("protected command MAC is wrong");
        }
        byte[] plain = objects.do85or87() == null ? new byte[0] : decryptCryptogram(objects);
        int ne = objects.do97() == null ? 0 : decodeLe(objects.do97());
        return new CommandApdu(protectedCommand.cla() & ~Iso7816.CLA_SECURE_MESSAGING, protectedCommand.ins(), protectedCommand.p1(),
                protectedCommand.p2(), plain, ne);
    }

    /** Wraps the chip's answer: cryptogram (when there is data), DO'99' and DO'8E'; the outer SW is 9000. */
    public ResponseApdu protect(ResponseApdu plain, boolean oddIns) {
        increment();
        ByteArrayOutputStream dos = new ByteArrayOutputStream();
        if (plain.dataLength() > 0) {
            dos.writeBytes(cryptogram(plain.data(), oddIns));
        }
        dos.writeBytes(Tlv.of(0x99, new byte[] {(byte) plain.sw1(), (byte) plain.sw2()}).encode());
        byte[] mac = mac(dos.toByteArray());
        dos.writeBytes(Tlv.of(0x8E, mac).encode());
        return ResponseApdu.of(dos.toByteArray(), StatusWords.SUCCESS);
    }

    // ---- shared ----

    private byte[] cryptogram(byte[] plain, boolean odd) {
        byte[] enc = cipher.encrypt(ssc, Padding.pad(plain, cipher.blockSize()));
        if (odd) {
            return Tlv.of(0x85, enc).encode();
        }
        byte[] v = new byte[enc.length + 1];
        v[0] = 0x01;
        System.arraycopy(enc, 0, v, 1, enc.length);
        return Tlv.of(0x87, v).encode();
    }

    private byte[] decryptCryptogram(SmObjects objects) {
        byte[] c = objects.do85or87();
        if (objects.cryptogramTag() == 0x87) {
            if (c.length < 1 || c[0] != 0x01) {
                throw new MalformedDataException("unsupported padding indicator in DO'87'");
            }
            c = Arrays.copyOfRange(c, 1, c.length);
        }
        if (c.length == 0 || c.length % cipher.blockSize() != 0) {
            throw new MalformedDataException("cryptogram is not a whole number of cipher blocks");
        }
        return Padding.unpad(cipher.decrypt(ssc, c));
    }

    private void verifyMac(SmObjects objects) {
        if (!MessageDigest.isEqual(mac(objects.macInput()), objects.do8e())) {
            throw new MalformedDataException("the chip's response failed the secure messaging MAC check");
        }
    }

    private byte[] mac(byte[] covered) {
        return cipher.mac(Padding.pad(concat(ssc, covered), cipher.blockSize()));
    }

    private void increment() {
        for (int i = ssc.length - 1; i >= 0; i--) {
            if (++ssc[i] != 0) {
                return;
            }
        }
    }

    /**
     * The Ne a protected command asks for in DO'97' (0 without one), read without checking its MAC: for a chip
     * decorator that needs only the size (the mock's maximum-Le fault).
     */
    public static int expectedLength(CommandApdu protectedCommand) {
        SmObjects objects = SmObjects.parse(protectedCommand.data());
        return objects.do97() == null ? 0 : decodeLe(objects.do97());
    }

    private static byte[] encodeLe(int ne, boolean extended) {
        if (!extended) {
            return new byte[] {(byte) (ne == 256 ? 0 : ne)};
        }
        int le = ne == CommandApdu.MAX_EXTENDED_NE ? 0 : ne;
        return new byte[] {(byte) (le >> 8), (byte) le};
    }

    private static int decodeLe(byte[] le) {
        if (le.length == 1) {
            return le[0] == 0 ? 256 : le[0] & 0xFF;
        }
        if (le.length == 2) {
            int v = ((le[0] & 0xFF) << 8) | (le[1] & 0xFF);
            return v == 0 ? CommandApdu.MAX_EXTENDED_NE : v;
        }
        throw new MalformedDataException("DO'97' must hold 1 or 2 bytes");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
