package vn.cccd.reader.sm;

import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.transport.CardTransport;

/** Decorator that sends every command protected under a secure messaging session and unwraps the answers. */
public final class SecureMessagingTransport implements CardTransport {
    private final CardTransport inner;
    private final SmSession session;
    private boolean lost;

    public SecureMessagingTransport(CardTransport inner, SmSession session) {
        this.inner = inner;
        this.session = session;
    }

    @Override
    public byte[] transceive(byte[] command) {
        return transmit(CommandApdu.parse(command)).toBytes();
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) {
        if (lost) {
            throw new IllegalStateException("secure messaging session already ended; open a new one");
        }
        ResponseApdu raw = inner.transmit(session.protect(command, inner.supportsExtendedLength()));
        if (raw.dataLength() == 0) {
            // A bare status word: the chip left secure messaging (ICAO 9303-11 §9.8.6), so has our counter.
            lost = true;
            session.wipe();
            return raw;
        }
        try {
            return session.unprotect(raw);
        } catch (MalformedDataException e) {
            // An answer that fails the MAC leaves the counters out of step: this session cannot go on.
            lost = true;
            session.wipe();
            throw e;
        }
    }

    /** True once the chip answered outside secure messaging or failed its MAC: access control must be done again. */
    public boolean lost() {
        return lost;
    }

    @Override
    public boolean supportsExtendedLength() {
        return inner.supportsExtendedLength();
    }

    /** The session cipher's block size (8 for 3DES, 16 for AES). */
    public int cipherBlockSize() {
        return session.cipherBlockSize();
    }

    /** Forgets the session keys; the underlying transport stays open. */
    public void endSession() {
        session.wipe();
    }

    @Override
    public void close() {
        session.wipe();
        inner.close();
    }
}
