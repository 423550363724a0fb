package vn.cccd.mock.link;

import static vn.cccd.reader.apdu.Iso7816.INS_GENERAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_INTERNAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_MANAGE_SECURITY_ENVIRONMENT;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.ChipDecorator;
import vn.cccd.reader.apdu.Iso7816;

/**
 * Makes a mock chip as slow as a real contactless card behind a real reader ({@code --link-kbps}). The numbers
 * and where they come from are in docs/BENCHMARKS.md ("Link model").
 *
 * <p>Per APDU it spends:
 * <ul>
 * <li>a fixed {@linkplain #DEFAULT_TURNAROUND turnaround} of 5 ms: the USB CCID round trip (two bulk
 * transfers in 1 ms full-speed frames), reader firmware, pcscd, and the chip's own work on a
 * secure-messaging READ BINARY (3DES decrypt and two retail MACs). This is an engineering estimate of what
 * typical PC/SC contactless readers show, not a measurement of one reader;
 * <li>air time for the command and the response at the ISO/IEC 14443 bit rate (fc/128 = 105.9 kbit/s for
 * "106", fc/64, fc/32, fc/16 with fc = 13.56 MHz): each byte is 9 bits on air (8 data bits plus the
 * Type A parity bit), each frame adds a start and an end bit and waits at least the minimum frame delay time
 * of {@value #MIN_FRAME_DELAY_CARRIER_CYCLES}/fc (86 µs) before it, each ISO/IEC 14443-4 I-block carries at
 * most {@value #FRAME_SIZE} bytes including a 1-byte PCB and a 2-byte CRC, and each chained block is
 * acknowledged by a 3-byte R(ACK) frame from the other side;
 * <li>the {@link ChipCosts} of the commands that make the chip compute with public keys: Chip Authentication
 * (MSE:Set KAT, GENERAL AUTHENTICATE under secure messaging), the PACE steps that carry a public key (mapping
 * data and the ephemeral key), and Active Authentication (INTERNAL AUTHENTICATE).
 * </ul>
 * With the default turnaround a 223-byte secure-messaging READ BINARY (19 bytes out, 244 back) takes
 * about 28 ms at 106 kbit/s and 11 ms at 424 kbit/s.
 *
 * <p>Time is spent on a {@link LinkClock}: really asleep, or on a {@link VirtualClock} for fast tests and
 * benchmarks. The totals ({@link #apdus()}, {@link #simulatedTime()}) are kept in both modes.
 */
public final class LinkModel extends ChipDecorator {
    /** The fixed per-APDU overhead (see the class comment for what it stands for). */
    public static final Duration DEFAULT_TURNAROUND = Duration.ofMillis(5);
    /** Largest ISO/IEC 14443-4 frame (FSC = FSD = 256), including PCB and CRC. */
    public static final int FRAME_SIZE = 256;
    /** PCB plus CRC_A: the framing bytes of one I-block (no CID, no NAD). */
    public static final int FRAME_OVERHEAD = 3;
    /** Bits on air per byte: 8 data bits plus the odd parity bit of ISO/IEC 14443-3 Type A. */
    public static final int BITS_PER_BYTE = 9;
    /** Start of frame and end of frame of ISO/IEC 14443-3 Type A: one bit period each. */
    public static final int FRAME_DELIMITER_BITS = 2;
    /**
     * The shortest gap before a frame, in carrier cycles: ISO/IEC 14443-3 Type A's minimum frame delay time
     * (1172/fc, 86.4 µs), which a chained exchange pays for every I-block and every R(ACK).
     */
    public static final int MIN_FRAME_DELAY_CARRIER_CYCLES = 1172;
    /** The ISO/IEC 14443 carrier frequency fc. */
    public static final double CARRIER_HZ = 13_560_000.0;
    private static final int TAG_DYNAMIC_AUTHENTICATION_DATA = 0x7C;
    private static final int TAG_MAPPING_DATA = 0x81;
    private static final int TAG_EPHEMERAL_PUBLIC_KEY = 0x83;

    private final int kbps;
    private final double bitsPerSecond;
    private final Duration turnaround;
    private final ChipCosts costs;
    private final LinkClock clock;
    private final AtomicLong apdus = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong simulatedNanos = new AtomicLong();

    /** A model with the default turnaround, no chip costs, sleeping for real. */
    public LinkModel(Chip inner, int kbps) {
        this(inner, kbps, DEFAULT_TURNAROUND, ChipCosts.NONE, LinkClock.SYSTEM);
    }

    public LinkModel(Chip inner, int kbps, Duration turnaround, ChipCosts costs, LinkClock clock) {
        super(inner);
        this.bitsPerSecond = CARRIER_HZ / divisor(kbps);
        this.kbps = kbps;
        this.turnaround = Objects.requireNonNull(turnaround, "turnaround");
        if (turnaround.isNegative()) {
            throw new IllegalArgumentException("turnaround must not be negative");
        }
        this.costs = Objects.requireNonNull(costs, "costs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ISO/IEC 14443 bit rates a reader can negotiate: 106, 212, 424 or 848 kbit/s. */
    public static boolean isSupportedRate(int kbps) {
        return kbps == 106 || kbps == 212 || kbps == 424 || kbps == 848;
    }

    private static int divisor(int kbps) {
        switch (kbps) {
            case 106:
                return 128;
            case 212:
                return 64;
            case 424:
                return 32;
            case 848:
                return 16;
            default:
                throw new IllegalArgumentException("link rate must be 106, 212, 424 or 848 kbit/s, got " + kbps);
        }
    }

    @Override
    public byte[] process(byte[] command) {
        byte[] response = super.process(command);
        long nanos = apduNanos(command, response.length);
        apdus.incrementAndGet();
        bytesSent.addAndGet(command.length);
        bytesReceived.addAndGet(response.length);
        simulatedNanos.addAndGet(nanos);
        clock.pass(nanos);
        return response;
    }

    /** The time one exchange takes: turnaround, air time both ways, chip cost of the command. */
    public long apduNanos(byte[] command, int responseLength) {
        return turnaround.toNanos() + airNanos(command.length) + airNanos(responseLength) + costNanos(command);
    }

    /**
     * Air time of one message of {@code length} bytes with ISO/IEC 14443-4 framing and chaining: every I-block's
     * bytes, start and end bits and frame delay, and for a chained message the R(ACK) frames that acknowledge all
     * blocks but the last.
     */
    public long airNanos(int length) {
        int payloadPerFrame = FRAME_SIZE - FRAME_OVERHEAD;
        int frames = Math.max(1, (length + payloadPerFrame - 1) / payloadPerFrame);
        int acks = frames - 1;
        long bytesOnAir = (long) length + (long) frames * FRAME_OVERHEAD + (long) acks * FRAME_OVERHEAD;
        long bits = bytesOnAir * BITS_PER_BYTE + (long) (frames + acks) * FRAME_DELIMITER_BITS;
        double delays = (double) (frames + acks) * MIN_FRAME_DELAY_CARRIER_CYCLES / CARRIER_HZ;
        return Math.round((bits / bitsPerSecond + delays) * 1e9);
    }

    private long costNanos(byte[] command) {
        if (command.length < 4) {
            return 0;
        }
        boolean secured = Iso7816.isSecureMessaging(command[0]);
        int ins = command[1] & 0xFF;
        int p1 = command[2] & 0xFF;
        int p2 = command[3] & 0xFF;
        if (ins == INS_GENERAL_AUTHENTICATE && (secured || carriesPublicKey(command))
                || ins == INS_MANAGE_SECURITY_ENVIRONMENT && p1 == Iso7816.MSE_SET_CA && p2 == Iso7816.CRT_KAT) {
            return costs.keyAgreement().toNanos();
        }
        if (ins == INS_INTERNAL_AUTHENTICATE) {
            return costs.activeAuthentication().toNanos();
        }
        return 0;
    }

    /**
     * Whether a plain GENERAL AUTHENTICATE (PACE) sends mapping data or an ephemeral public key, the steps where the
     * chip multiplies points; the nonce request and the token exchange need only a cipher and a MAC.
     */
    private static boolean carriesPublicKey(byte[] command) {
        if (command.length < 7) {
            return false;
        }
        int at = command[4] != 0 ? 5 : 7; // short or extended Lc
        if (command.length <= at + 2 || (command[at] & 0xFF) != TAG_DYNAMIC_AUTHENTICATION_DATA) {
            return false;
        }
        int lengthBytes = (command[at + 1] & 0x80) != 0 ? 1 + (command[at + 1] & 0x7F) : 1;
        int inner = at + 1 + lengthBytes;
        if (inner >= command.length) {
            return false;
        }
        int tag = command[inner] & 0xFF;
        return tag == TAG_MAPPING_DATA || tag == TAG_EPHEMERAL_PUBLIC_KEY;
    }

    public int kbps() {
        return kbps;
    }

    public long apdus() {
        return apdus.get();
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** The link time spent so far (slept, or added up on a virtual clock). */
    public Duration simulatedTime() {
        return Duration.ofNanos(simulatedNanos.get());
    }
}
