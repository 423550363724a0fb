package vn.cccd.kiosk.server;

import java.util.Map;

/**
 * Decodes the CCCD QR code (an image from a camera, or the text a keyboard-wedge scanner types) into the QR JSON
 * of the contract, and gives the fields a key needs.
 */
public interface QrService {

    /** The QR JSON of the contract ({@code format}, {@code payload}, {@code fields}). */
    Map<String, Object> decodeImage(byte[] image);

    /** The QR JSON of the contract for scanned text. */
    Map<String, Object> parseText(String payload);
}
