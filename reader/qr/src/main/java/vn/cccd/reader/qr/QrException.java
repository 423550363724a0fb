package vn.cccd.reader.qr;

import vn.cccd.reader.error.ReaderException;

/**
 * An image or a text that gives no usable CCCD QR code, with the reason as a stable code. Messages never contain
 * the payload or any personal data.
 */
public final class QrException extends ReaderException {
    private static final long serialVersionUID = 1L;

    /** Why there is no CCCD QR code. {@code code()} is the constant's name. */
    public enum Reason {
        /** No QR code was found in the image. */
        NO_QR,
        /** A QR code was found, but it is not a CCCD / Căn cước QR code (a link, another document). */
        NOT_CCCD,
        /** It has the shape of a CCCD QR code but cannot be one: truncated, wrong field count, impossible data. */
        INVALID_CCCD_QR,
        /** Several different CCCD QR codes in one image: which card is meant cannot be told. */
        SEVERAL_QR,
        /** The image is larger than the limits: refused before decoding. */
        IMAGE_TOO_LARGE,
        /** The bytes are not a PNG or JPEG image that can be read. */
        NOT_AN_IMAGE
    }

    private final Reason reason;

    public QrException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public QrException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason.name();
    }

    /** True when the input itself is broken (not an image, too large) rather than just without a CCCD QR code. */
    public boolean isBadInput() {
        return reason == Reason.IMAGE_TOO_LARGE || reason == Reason.NOT_AN_IMAGE;
    }
}
