package vn.cccd.reader.sm;

import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.transport.CardTransport;

/** Decorator that sends every command protected under a secure messaging session and unwraps the answers. */
public final class SecureMessagingTransport implements CardTransport {
    private final CardTransport inner;
    private final SmSession session;

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
        ResponseApdu raw = inner.transmit(session.protect(command));
        return session.unprotect(raw);
    }

    @Override
    public boolean supportsExtendedLength() {
        return inner.supportsExtendedLength();
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
