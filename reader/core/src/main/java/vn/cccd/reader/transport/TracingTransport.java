package vn.cccd.reader.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every exchange at DEBUG, redacted: the command header, lengths and the status word only. Data bytes
 * never reach the log, because they carry personal data, MRZ-derived keys and secure messaging cryptograms.
 */
public final class TracingTransport extends ForwardingTransport {
    private static final Logger LOG = LoggerFactory.getLogger(TracingTransport.class);

    public TracingTransport(CardTransport inner) {
        super(inner);
    }

    @Override
    public byte[] transceive(byte[] command) {
        if (!LOG.isDebugEnabled()) {
            return inner.transceive(command);
        }
        long t0 = System.nanoTime();
        byte[] r = inner.transceive(command);
        LOG.debug("> {} ({} bytes) < {} data bytes SW {} in {} µs", header(command), command.length,
                Math.max(0, r.length - 2), r.length >= 2 ? String.format("%02X%02X", r[r.length - 2], r[r.length - 1]) : "none",
                (System.nanoTime() - t0) / 1000);
        return r;
    }

    static String header(byte[] command) {
        if (command.length < 4) {
            return "(short command)";
        }
        return String.format("%02X %02X %02X %02X", command[0], command[1], command[2], command[3]);
    }

    /** The decorators every PC/SC read goes through: a deadline per exchange, GET RESPONSE, Le correction, tracing. */
    public static CardTransport standard(CardTransport base) {
        return standard(base, DeadlineTransport.DEFAULT);
    }

    public static CardTransport standard(CardTransport base, java.time.Duration deadline) {
        return new TracingTransport(new LeCorrectionTransport(new GetResponseTransport(new DeadlineTransport(base, deadline))));
    }
}
