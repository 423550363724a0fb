package vn.cccd.kiosk.server;

import vn.cccd.reader.qr.CccdQr;

/**
 * Decodes the CCCD QR code (an image from a camera or an upload, or the text a keyboard-wedge scanner types) into
 * the QR JSON of the contract. Failures are {@link vn.cccd.reader.qr.QrException}s with a stable code.
 */
public interface QrService {

    /**
     * The CCCD QR code in a PNG or JPEG image.
     *
     * @param cameraFrame true for a frame of the live camera view: only the cheap decoding passes, since the next
     *        frame follows in a moment
     */
    CccdQr decodeImage(byte[] image, boolean cameraFrame);

    /** The CCCD QR code's scanned text. */
    CccdQr parseText(String payload);
}
