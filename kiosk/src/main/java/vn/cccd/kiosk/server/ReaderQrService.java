package vn.cccd.kiosk.server;

import java.time.Clock;
import java.time.LocalDate;
import vn.cccd.reader.qr.CccdQr;
import vn.cccd.reader.qr.CccdQrParser;
import vn.cccd.reader.qr.QrImageDecoder;

/** The reader library's QR decoder and parser, with the kiosk's clock for "today". */
public final class ReaderQrService implements QrService {
    private final QrImageDecoder decoder;
    private final Clock clock;

    public ReaderQrService(Clock clock) {
        this(new QrImageDecoder(), clock);
    }

    public ReaderQrService(QrImageDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public CccdQr decodeImage(byte[] image, boolean cameraFrame) {
        return decoder.decodeCccd(image, cameraFrame ? QrImageDecoder.Effort.FRAME : QrImageDecoder.Effort.THOROUGH,
                LocalDate.now(clock));
    }

    @Override
    public CccdQr parseText(String payload) {
        return CccdQrParser.parse(payload, LocalDate.now(clock));
    }
}
