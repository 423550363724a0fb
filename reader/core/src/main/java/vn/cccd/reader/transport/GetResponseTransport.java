package vn.cccd.reader.transport;

import java.io.ByteArrayOutputStream;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.error.MalformedDataException;

/**
 * T=0 style chained answers: while the card says 61xx ("xx more bytes"), send GET RESPONSE and concatenate.
 * Bounded in rounds and total size so a card that keeps saying 61xx cannot hold the read forever.
 */
public final class GetResponseTransport extends ForwardingTransport {
    static final int MAX_ROUNDS = 64;
    static final int MAX_TOTAL = 70_000;

    public GetResponseTransport(CardTransport inner) {
        super(inner);
    }

    @Override
    public byte[] transceive(byte[] command) {
        byte[] raw = inner.transceive(command);
        if (!StatusWords.isBytesRemaining(StatusWords.trailing(raw))) {
            return raw;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int rounds = 0;
        while (StatusWords.isBytesRemaining(StatusWords.trailing(raw))) {
            if (++rounds > MAX_ROUNDS || data.size() > MAX_TOTAL) {
                throw new MalformedDataException("the card keeps answering 61xx: gave up after " + MAX_ROUNDS
                        + " GET RESPONSE commands");
            }
            data.write(raw, 0, raw.length - 2);
            int ne = Iso7816.neOfSw2(raw[raw.length - 1]);
            // GET RESPONSE on the same logical channel as the command
            raw = inner.transceive(Iso7816.getResponse(command[0] & Iso7816.CLA_CHANNEL_MASK, ne).toBytes());
        }
        data.writeBytes(raw);
        return ResponseApdu.parse(data.toByteArray()).toBytes();
    }
}
