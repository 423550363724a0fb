package vn.cccd.reader.read;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.ActiveAuthenticationInfo;
import vn.cccd.reader.lds.CardAccessFile;
import vn.cccd.reader.lds.ComFile;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.lds.Dg15File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.model.AccessAttempt;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.model.Stats;
import vn.cccd.reader.model.Verification.AccessControl;
import vn.cccd.reader.protocol.aa.ActiveAuthenticator;
import vn.cccd.reader.protocol.ca.ChipAuthenticator;
import vn.cccd.reader.protocol.pace.PaceSuite;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.ForwardingTransport;
import vn.cccd.reader.util.Hex;
import vn.cccd.reader.verify.PassiveCheck;
import vn.cccd.reader.verify.PassiveChecks;
import vn.cccd.reader.document.DocumentFiles;

/**
 * Reads and verifies a whole document over a transport: EF.CardAccess, SELECT of the eMRTD application, access
 * control with the first key that works, the files the request needs (the portrait only when asked), then
 * Passive Authentication and the verdict.
 *
 * <p>Failures are typed: {@link vn.cccd.reader.error.AccessDeniedException} (wrong key),
 * {@link vn.cccd.reader.error.CardLostException} (removed mid-read),
 * {@link vn.cccd.reader.error.MalformedDataException} (garbage from the chip),
 * {@link vn.cccd.reader.apdu.StatusWordException}.
 *
 * <p>The block size that worked is remembered per chip model (by ATR) for later reads. Thread-safe: reads may
 * run concurrently on different transports.
 */
public final class DocumentReader {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentReader.class);
    private static final int REMEMBERED_CARDS = 16;

    /** The files a CCCD has, in the order we read them: identity first, the portrait last. */
    /** The SOD, always read, comes after DG14: its read (or an earlier one) proves Chip Authentication. */
    static final List<LdsFile> READ_ORDER = List.of(LdsFile.DG1, LdsFile.DG13, LdsFile.DG11, LdsFile.DG12,
            LdsFile.DG14, LdsFile.DG15, LdsFile.SOD, LdsFile.DG2);

    private final Function<List<Path>, PassiveCheck> passiveChecks;
    private final SecureRandom random;
    private final Map<String, BlockSizes> learned = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BlockSizes> eldest) {
            return size() > REMEMBERED_CARDS;
        }
    };

    /**
     * @param passiveChecks builds the Passive Authentication for a request's trust directories
     */
    public DocumentReader(Function<List<Path>, PassiveCheck> passiveChecks, SecureRandom random) {
        this.passiveChecks = passiveChecks;
        this.random = random;
    }

    public DocumentReader(Function<List<Path>, PassiveCheck> passiveChecks) {
        this(passiveChecks, new SecureRandom());
    }

    /** With the standard Passive Authentication against the request's trust directories. */
    public DocumentReader() {
        this(PassiveChecks::forTrustDirs);
    }

    public CardReadResult read(CardTransport transport, ReadRequest request, ProgressListener progress) {
        return readWithFiles(transport, request, progress).result();
    }

    /** A result together with the raw files it came from (for {@code --save}). */
    public record Outcome(CardReadResult result, DocumentFiles files) {
    }

    public Outcome readWithFiles(CardTransport transport, ReadRequest request, ProgressListener progress) {
        long started = System.nanoTime();
        StatsTransport counted = new StatsTransport(transport);
        String cardKey = Hex.encode(transport.atr()) + "/" + transport.supportsExtendedLength();
        BlockSizes sizes;
        synchronized (learned) {
            BlockSizes known = learned.get(cardKey);
            sizes = known != null ? known.copy() : new BlockSizes(transport.supportsExtendedLength());
        }
        ChipSession session = new ChipSession(counted, request.keys(), random);
        try {
            EnumMap<LdsFile, byte[]> files = new EnumMap<>(LdsFile.class);
            FileReader.readCardAccess(counted).ifPresent(b -> {
                files.put(LdsFile.CARD_ACCESS, b);
                progress.onFile(LdsFile.CARD_ACCESS.contractName(), b.clone());
            });
            AccessControl ac = session.open(paceOffer(files.get(LdsFile.CARD_ACCESS)));
            FileReader reader = new FileReader(session, sizes, progress);
            Optional<byte[]> com = reader.read(LdsFile.COM);
            com.ifPresent(b -> files.put(LdsFile.COM, b));
            List<LdsFile> listed = com.map(DocumentReader::listedIn).orElse(ComFile.CCCD_DATA_GROUPS);
            CheckResult ca = null;
            CheckResult caToProve = null;
            for (LdsFile f : READ_ORDER) {
                boolean wanted = f == LdsFile.SOD || listed.contains(f);
                if (f == LdsFile.DG2 && !request.readFace()) {
                    wanted = false;
                }
                if (wanted && caToProve != null) {
                    ca = readProvingChipAuthentication(reader, session, f, files) ? caToProve : CA_FAILED;
                    caToProve = null;
                } else if (wanted) {
                    reader.read(f).ifPresent(b -> files.put(f, b));
                }
                if (f == LdsFile.DG14 && files.containsKey(LdsFile.DG14)) {
                    // Chip Authentication as early as possible, so the rest is read under its keys
                    ChipAuthStep step = chipAuthentication(session, files.get(LdsFile.DG14));
                    ca = step.result();
                    caToProve = step.toProve() ? step.result() : null;
                }
            }
            synchronized (learned) {
                learned.put(cardKey, sizes.copy());
            }
            CheckResult aa = activeAuthentication(session, files, request);
            DocumentFiles document = new DocumentFiles(files);
            Stats stats = counted.stats(System.nanoTime() - started, session.attempts());
            CardReadResult result = new DocumentInterpreter(passiveChecks.apply(request.trustDirs()))
                    .interpret(document, request.readFace(), ac, aa, ca, stats, LocalDate.now());
            LOG.debug("read done: {} files, {} APDUs, {} ms", files.size(), stats.apdus(), stats.millis());
            return new Outcome(result, document);
        } finally {
            session.close();
        }
    }

    /**
     * Active Authentication when the chip has DG15 (null otherwise, and the interpreter says NOT_SUPPORTED). A DG15
     * that does not parse is left to the interpreter, which reports it as a problem and Active Authentication as
     * not checked.
     */
    private CheckResult activeAuthentication(ChipSession session, Map<LdsFile, byte[]> files, ReadRequest request) {
        byte[] dg15 = files.get(LdsFile.DG15);
        if (dg15 == null) {
            return null;
        }
        java.security.PublicKey key;
        ActiveAuthenticationInfo info = null;
        try {
            key = Dg15File.parse(dg15).publicKey();
        } catch (MalformedDataException e) {
            return null;
        }
        if (files.containsKey(LdsFile.DG14)) {
            try {
                info = Dg14File.parse(files.get(LdsFile.DG14)).securityInfos().activeAuthenticationInfo().orElse(null);
            } catch (MalformedDataException e) {
                if (!"RSA".equals(key.getAlgorithm())) {
                    // an EC signature's hash is named in DG14: guessing it could call a genuine chip a copy
                    return new CheckResult(CheckResult.Status.NOT_CHECKED, "DG14 could not be read, and it names the"
                            + " hash of the chip's Active Authentication signature: Active Authentication was not run");
                }
                // RSA (ISO/IEC 9796-2) names its hash in the signature itself: DG14 is not needed
            }
        }
        if (session.lost()) {
            session.reopen();
        }
        return new ActiveAuthenticator(random).authenticate(session.secure(), key, info, request.activeAuthChallenge());
    }

    private static final CheckResult CA_FAILED = new CheckResult(CheckResult.Status.FAILED, "the chip could not"
            + " answer under the keys agreed with the Chip Authentication key in DG14: this card may be a copy");

    /** Chip Authentication's result so far, and whether it still has to be proved by an answer under the new keys. */
    private record ChipAuthStep(CheckResult result, boolean toProve) {
    }

    /**
     * Chip Authentication with DG14's key. Its result stands only once the chip answers under the new keys, which
     * the next file read proves (no extra APDU). Result null when DG14 offers no Chip Authentication (or does not
     * parse).
     */
    private ChipAuthStep chipAuthentication(ChipSession session, byte[] dg14Bytes) {
        Dg14File dg14;
        try {
            dg14 = Dg14File.parse(dg14Bytes);
        } catch (MalformedDataException e) {
            return new ChipAuthStep(null, false);
        }
        Optional<ChipAuthenticator.Outcome> outcome = new ChipAuthenticator(random).authenticate(session.secure(), dg14);
        if (outcome.isEmpty()) {
            return new ChipAuthStep(null, false);
        }
        if (outcome.get().session() == null) {
            if (session.lost()) {
                session.reopen();
            }
            return new ChipAuthStep(outcome.get().result(), false);
        }
        session.adopt(outcome.get().session());
        return new ChipAuthStep(outcome.get().result(), true);
    }

    /**
     * Reads the first file after Chip Authentication; true when the chip answered it under the new keys. A chip
     * that cannot (a plain status word, a wrong MAC, or an answer the read had to reopen access control for) does
     * not hold DG14's key: access control is opened again and the file read under it, so the read goes on. Other
     * errors (the keys worked but the file is bad) are the read's, as for any file.
     */
    private static boolean readProvingChipAuthentication(FileReader reader, ChipSession session, LdsFile f,
            Map<LdsFile, byte[]> files) {
        int reopensBefore = session.reopens();
        try {
            reader.read(f).ifPresent(b -> files.put(f, b));
            return session.reopens() == reopensBefore;
        } catch (CardLostException e) {
            throw e;
        } catch (ReaderException e) {
            if (!session.lost()) {
                throw e;
            }
            LOG.debug("no answer under the Chip Authentication keys: {}", e.getMessage());
        }
        reader.recover();
        reader.read(f).ifPresent(b -> files.put(f, b));
        return false;
    }

    /** The first PACEInfo this reader can use, or null (no EF.CardAccess, none offered, or it does not parse). */
    static PaceInfo paceOffer(byte[] cardAccess) {
        if (cardAccess == null) {
            return null;
        }
        try {
            for (PaceInfo info : CardAccessFile.parse(cardAccess).securityInfos().paceInfos()) {
                Optional<PaceSuite> suite = PaceSuite.of(info.protocol());
                if (suite.isPresent() && suite.get().mapping() == PaceSuite.Mapping.GM && info.parameterId() != null) {
                    return info;
                }
            }
        } catch (MalformedDataException e) {
            LOG.debug("EF.CardAccess does not parse ({}); using BAC", e.getMessage());
        }
        return null;
    }

    private static List<LdsFile> listedIn(byte[] com) {
        try {
            return ComFile.parse(com).dataGroups();
        } catch (MalformedDataException e) {
            LOG.debug("EF.COM does not parse ({}); reading the usual CCCD files", e.getMessage());
            return ComFile.CCCD_DATA_GROUPS;
        }
    }

    /** Counts APDUs and bytes of one read (the transport's own counters may span several reads). */
    private static final class StatsTransport extends ForwardingTransport {
        private long apdus;
        private long sent;
        private long received;

        StatsTransport(CardTransport inner) {
            super(inner);
        }

        @Override
        public byte[] transceive(byte[] command) {
            apdus++;
            sent += command.length;
            byte[] r = inner.transceive(command);
            received += r.length;
            return r;
        }

        @Override
        public void close() {
            // the caller owns the card
        }

        Stats stats(long nanos, List<AccessAttempt> accessAttempts) {
            return new Stats(apdus, sent, received, nanos / 1_000_000, accessAttempts);
        }
    }
}
