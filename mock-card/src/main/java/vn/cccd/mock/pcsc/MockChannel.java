package vn.cccd.mock.pcsc;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.StatusWords;

/**
 * A logical channel of a {@link MockCard}. Like SunPCSC with its defaults, it answers 6Cxx by repeating the
 * command with the right Le and collects 61xx answers with GET RESPONSE, at most
 * {@value #RESPONSE_ITERATIONS} exchanges per transmit, and it cannot take an answer longer than SunPCSC's
 * receive buffer of {@value #MAX_RESPONSE_BYTES} bytes (status word included): a longer one fails with
 * {@code SCARD_E_INSUFFICIENT_BUFFER} after the card has processed the command, as through pcscd.
 */
final class MockChannel extends CardChannel {
    static final int RESPONSE_ITERATIONS = 256;
    /** SunPCSC's receive buffer (JDK 17, measured through pcscd and vpcd: 8190 data bytes pass, 8191 do not). */
    static final int MAX_RESPONSE_BYTES = 8192;

    private final MockCard card;
    private final int channel;
    private volatile boolean closed;

    MockChannel(MockCard card, int channel) {
        this.card = card;
        this.channel = channel;
    }

    @Override
    public Card getCard() {
        return card;
    }

    @Override
    public int getChannelNumber() {
        checkClosed();
        return channel;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        checkClosed();
        card.checkExclusive();
        return new ResponseAPDU(doTransmit(command.getBytes()));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        checkClosed();
        card.checkExclusive();
        if (command == null || response == null) {
            throw new NullPointerException();
        }
        if (response.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (command == response) {
            throw new IllegalArgumentException("command and response must not be the same object");
        }
        if (response.remaining() < 258) {
            throw new IllegalArgumentException("Insufficient space in response buffer");
        }
        byte[] commandBytes = new byte[command.remaining()];
        command.get(commandBytes);
        byte[] result = doTransmit(commandBytes);
        response.put(result);
        return result.length;
    }

    @Override
    public void close() throws CardException {
        if (getChannelNumber() == 0) {
            throw new IllegalStateException("Cannot close basic logical channel");
        }
        if (closed) {
            return;
        }
        card.checkExclusive();
        try {
            byte[] close = new CommandApdu(Iso7816.CLA, Iso7816.INS_MANAGE_CHANNEL, Iso7816.MANAGE_CHANNEL_CLOSE,
                    channel).toBytes();
            setChannel(close);
            byte[] res = card.exchange(close);
            if (res.length != 2 || StatusWords.trailing(res) != StatusWords.SUCCESS) {
                throw new CardException("close() failed");
            }
        } finally {
            closed = true;
        }
    }

    private void checkClosed() {
        card.checkState();
        if (closed) {
            throw new IllegalStateException("Logical channel has been closed");
        }
    }

    private byte[] doTransmit(byte[] commandBytes) throws CardException {
        if (commandBytes.length < 4) {
            throw new IllegalArgumentException("Command APDU must be at least 4 bytes long");
        }
        if (commandBytes[0] >= 0 && commandBytes[1] == Iso7816.INS_MANAGE_CHANNEL) {
            throw new IllegalArgumentException("Manage channel command not allowed, use openLogicalChannel()");
        }
        byte[] command = commandBytes.clone();
        setChannel(command);
        byte[] result = new byte[0];
        for (int k = 1; ; k++) {
            if (k > RESPONSE_ITERATIONS) {
                throw new CardException("Number of response iterations exceeded maximum " + RESPONSE_ITERATIONS);
            }
            byte[] response = card.exchange(command.clone());
            if (response.length > MAX_RESPONSE_BYTES) {
                throw new CardException(new PcscError(PcscError.SCARD_E_INSUFFICIENT_BUFFER));
            }
            int rn = response.length;
            if (rn == 2 && StatusWords.isCorrectLength(StatusWords.trailing(response)) && command.length >= 5) {
                command[command.length - 1] = response[1];
                continue;
            }
            if (StatusWords.isBytesRemaining(StatusWords.trailing(response))) {
                result = concat(result, response, rn - 2);
                command = Iso7816.getResponse(command[0] & 0xFF, Iso7816.neOfSw2(response[rn - 1])).toBytes();
                continue;
            }
            return concat(result, response, rn);
        }
    }

    private static byte[] concat(byte[] a, byte[] b, int bLength) {
        byte[] out = new byte[a.length + bLength];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, bLength);
        return out;
    }

    /** Puts the channel number into an interindustry CLA, as SunPCSC does. */
    private void setChannel(byte[] command) {
        int cla = command[0];
        if (cla < 0 || (cla & 0xE0) == 0x20) {
            return;
        }
        if (channel <= 3) {
            command[0] = (byte) ((cla & 0xBC) | channel);
        } else if (channel <= 19) {
            command[0] = (byte) ((cla & 0xB0) | 0x40 | (channel - 4));
        } else {
            throw new IllegalStateException("Unsupported channel number: " + channel);
        }
    }

    @Override
    public String toString() {
        return "Mock PC/SC channel " + channel;
    }
}
