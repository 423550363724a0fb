package vn.cccd.reader.transport;

/** Base of the decorators: passes everything but {@link #transceive(byte[])} through to the wrapped transport. */
public abstract class ForwardingTransport implements CardTransport {
    protected final CardTransport inner;

    protected ForwardingTransport(CardTransport inner) {
        this.inner = inner;
    }

    @Override
    public boolean supportsExtendedLength() {
        return inner.supportsExtendedLength();
    }

    @Override
    public byte[] atr() {
        return inner.atr();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public void abandon() {
        inner.abandon();
    }
}
