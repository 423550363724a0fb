package vn.cccd.reader.lds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.util.Text;

/** Strict text decoding for LDS values: malformed bytes are a typed error, never replacement characters. */
public final class LdsText {
    private LdsText() {
    }

    /** UTF-8, NFC. */
    public static String utf8(byte[] bytes, String what) {
        return Text.nfc(decode(bytes, StandardCharsets.UTF_8.newDecoder(), what, "UTF-8"));
    }

    /** UTF-16BE (ASN.1 BMPString), NFC. */
    public static String bmp(byte[] bytes, String what) {
        return Text.nfc(decode(bytes, StandardCharsets.UTF_16BE.newDecoder(), what, "UTF-16"));
    }

    /** 7-bit ASCII (MRZ, versions, dates). */
    public static String ascii(byte[] bytes, String what) {
        return decode(bytes, StandardCharsets.US_ASCII.newDecoder(), what, "ASCII");
    }

    public static byte[] asciiBytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] utf8Bytes(String s) {
        return Text.nfc(s).getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(byte[] bytes, CharsetDecoder decoder, String what, String charset) {
        try {
            return decoder.onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(what + " is not valid " + charset);
        }
    }
}
