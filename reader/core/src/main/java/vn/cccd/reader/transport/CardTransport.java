package vn.cccd.reader.transport;

import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;

/**
 * The one seam between protocol code and whatever carries APDUs (PC/SC, the in-process mock card,
 * a scripted replay). Bytes in, bytes out. Decorators (GET RESPONSE, Le correction, tracing, secure
 * messaging, statistics) implement this same interface around another transport.
 *
 * <p>Not thread-safe: one read uses one transport from one thread.
 *
 * <p>Implementations throw {@link vn.cccd.reader.error.CardLostException} when the card or reader
 * disappears, never a raw provider exception.
 */
public interface CardTransport extends AutoCloseable {

    /** Sends one encoded command APDU and returns the encoded response (data followed by SW1 SW2). */
    byte[] transceive(byte[] command);

    /** Typed convenience over {@link #transceive(byte[])}. */
    default ResponseApdu transmit(CommandApdu command) {
        return ResponseApdu.parse(transceive(command.toBytes()));
    }

    /** Whether the reader and card accept extended-length APDUs (false unless known). */
    default boolean supportsExtendedLength() {
        return false;
    }

    /** The card's answer to reset when known (it identifies the chip model), else empty. */
    default byte[] atr() {
        return new byte[0];
    }

    @Override
    default void close() {
    }

    /**
     * Releases the transport after the card was lost or stopped answering: no reset (a card that has left cannot
     * be reset, and asking the reader to would only fail or, on a virtual reader, reach the next card), no further
     * exchange. Idempotent, never throws; {@link #close()} afterwards does nothing more.
     */
    default void abandon() {
        close();
    }
}
