package vn.cccd.reader.transport;

import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.StatusWords;

/** 6Cxx ("wrong Le, use xx"): sends the same command once more with Le = xx. */
public final class LeCorrectionTransport extends ForwardingTransport {
    public LeCorrectionTransport(CardTransport inner) {
        super(inner);
    }

    @Override
    public byte[] transceive(byte[] command) {
        byte[] raw = inner.transceive(command);
        if (raw.length == 2 && StatusWords.isCorrectLength(StatusWords.trailing(raw))) {
            int le = raw[1] & 0xFF;
            CommandApdu c = CommandApdu.parse(command);
            return inner.transceive(c.withNe(le == 0 ? CommandApdu.MAX_SHORT_NE : le).toBytes());
        }
        return raw;
    }
}
