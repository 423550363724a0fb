/**
 * The CCCD / thẻ Căn cước QR code: decoding it from images and camera frames, parsing its text, the chip keys it
 * gives, and the cross-check against the chip.
 *
 * <h2>Parsing</h2>
 * {@link vn.cccd.reader.qr.CccdQrParser} reads the 2021 format (7 '|'-separated fields, empty fields kept) and the
 * 2024 Căn cước format (the same 7 first fields; extra fields classified by content since their order is not
 * published: 12 digits a cancelled ID number, 9 digits an old CMND, letters a parent's name). It validates the ID
 * number against the birth year and sex, the dates against the calendar and each other, and normalises text to
 * NFC. The result is the contract's QR JSON ({@link vn.cccd.reader.qr.CccdQr}).
 *
 * <h2>Keyboard-wedge scanners</h2>
 * A scanner that types the code turns each UTF-8 byte into a Windows-1252 / Latin-1 character, may lose the five
 * bytes that code page lacks, or may drop every diacritic. {@link vn.cccd.reader.qr.WedgeText} decodes the bytes
 * back when that is certain; what is not certain is marked U+FFFD and flagged
 * ({@link vn.cccd.reader.qr.QrWarning}), never guessed. A name or address that arrived without any diacritic is
 * flagged too. The ID number, dates and sex, which the chip key needs, are ASCII and survive every scanner.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link vn.cccd.reader.qr.QrException} with a stable code (NO_QR, NOT_CCCD, INVALID_CCCD_QR,
 * SEVERAL_QR, IMAGE_TOO_LARGE, NOT_AN_IMAGE) and a message that never quotes the payload. {@code toString()} of
 * every value holding personal data is redacted.
 */
@Api
package vn.cccd.reader.qr;

import vn.cccd.reader.Api;
