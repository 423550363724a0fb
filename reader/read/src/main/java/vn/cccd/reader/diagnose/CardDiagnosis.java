package vn.cccd.reader.diagnose;

import static vn.cccd.reader.apdu.Iso7816.CLA_CHAINING;
import static vn.cccd.reader.apdu.Iso7816.CRT_AT;
import static vn.cccd.reader.apdu.Iso7816.CRT_KAT;
import static vn.cccd.reader.apdu.Iso7816.INS_EXTERNAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_GENERAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_GET_CHALLENGE;
import static vn.cccd.reader.apdu.Iso7816.INS_INTERNAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_MANAGE_SECURITY_ENVIRONMENT;
import static vn.cccd.reader.apdu.Iso7816.INS_SELECT;
import static vn.cccd.reader.apdu.Iso7816.MSE_SET_AT_PACE;
import static vn.cccd.reader.apdu.Iso7816.MSE_SET_CA;
import static vn.cccd.reader.apdu.Iso7816.SELECT_BY_AID;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.cccd.reader.protocol.pace.PaceSuite;
import vn.cccd.reader.error.ExitCodes;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.CardAccessFile;
import vn.cccd.reader.lds.ComFile;
import vn.cccd.reader.lds.Dg11File;
import vn.cccd.reader.lds.Dg12File;
import vn.cccd.reader.lds.vn.Dg13File;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.lds.Dg15File;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.Dg2File;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.lds.SecurityInfo;
import vn.cccd.reader.lds.SodFile;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.TracingTransport;

/**
 * Reads a card as {@code cccd-reader read} does (the same {@link DocumentReader}, the standard decorators) with a
 * {@link RecordingTransport} next to the card, and turns what it saw into a {@link CardReport}. A read that stops
 * (wrong key, card removed, a file the chip refuses) still gives a report, with what was seen up to there and the
 * typed failure.
 */
public final class CardDiagnosis {
    private static final String BEFORE_FILES = "before files";

    private CardDiagnosis() {
    }

    /**
     * Reads the card on {@code card} (the bare PC/SC transport; the standard decorators are added here and the chain
     * closed at the end) and reports its structure.
     *
     * @param readerName the reader's name as PC/SC gives it (the report names it), or null
     */
    public static CardReport run(CardTransport card, String readerName, ReadRequest request, DocumentReader reader) {
        RecordingTransport recording = new RecordingTransport(card);
        Listener listener = new Listener(recording);
        CardReadResult result = null;
        ReaderException failure = null;
        long t0 = System.nanoTime();
        try (CardTransport chain = TracingTransport.standard(recording)) {
            result = reader.read(chain, request, listener);
        } catch (ReaderException e) {
            failure = e;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return build(readerName, card, recording, listener, result, failure, millis);
    }

    /** Collects the steps, block lengths and files of the read (files only in memory, for their skeletons). */
    private static final class Listener implements ProgressListener {
        private final RecordingTransport recording;
        final List<String> attempted = new ArrayList<>();
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final Map<String, Map<Integer, Integer>> blocks = new LinkedHashMap<>();
        private int lastDone;

        Listener(RecordingTransport recording) {
            this.recording = recording;
        }

        @Override
        public void onProgress(String file, int done, int total) {
            if (total < 0 && done == 0) {
                recording.step(file);
                attempted.add(file);
                lastDone = 0;
                return;
            }
            int block = done - lastDone;
            lastDone = done;
            if (block > 0) {
                blocks.computeIfAbsent(file, f -> new TreeMap<>()).merge(block, 1, Integer::sum);
            }
        }

        @Override
        public void onFile(String file, byte[] content) {
            files.put(file, content);
        }
    }

    private static CardReport build(String readerName, CardTransport card, RecordingTransport recording,
            Listener listener, CardReadResult result, ReaderException failure, long millis) {
        List<ApduRecord> raw = recording.records();
        List<ApduRecord> apdus = labelled(raw);
        CardReport.Outcome outcome = failure == null
                ? new CardReport.Outcome(true, ExitCodes.of(result), null, null)
                : new CardReport.Outcome(false, ExitCodes.of(failure), failure.code(), scrub(failure.getMessage()));
        List<CardReport.FileReport> files = new ArrayList<>();
        byte[] cardAccess = listener.files.get("CardAccess");
        List<CardReport.Protocol> protocols = null;
        if (cardAccess != null) {
            files.add(file("CardAccess", "read", lastSw(raw, "CardAccess", apdus), cardAccess, null));
            protocols = protocols(cardAccess);
        } else {
            String sw = lastSw(raw, "CardAccess", apdus);
            if (sw != null) {
                files.add(new CardReport.FileReport("CardAccess", "absent", sw, null, null, null, null, null));
            }
        }
        for (int i = 0; i < listener.attempted.size(); i++) {
            String name = listener.attempted.get(i);
            byte[] bytes = listener.files.get(name);
            String sw = lastSw(raw, name, apdus);
            boolean last = i == listener.attempted.size() - 1;
            String status = bytes != null ? "read" : failure != null && last ? "failed" : "absent";
            files.add(file(name, status, sw, bytes, listener.blocks.get(name)));
        }
        long sent = 0;
        long received = 0;
        for (ApduRecord a : raw) {
            sent += a.sent();
            received += a.received() + (a.sw() != null ? 2 : 0);
        }
        return new CardReport(CardReport.FORMAT, readerName, hex(card.atr()), card.supportsExtendedLength(), outcome,
                checks(result), protocols, accessControl(apdus, result, failure), files, apdus,
                new CardReport.Stats(recording.count(), sent, received, millis));
    }

    private static CardReport.FileReport file(String name, String status, String sw, byte[] bytes,
            Map<Integer, Integer> blocks) {
        if (bytes == null) {
            return new CardReport.FileReport(name, status, sw, null, blocks, null, null, null);
        }
        String parseError = parseError(name, bytes);
        return new CardReport.FileReport(name, status, sw, bytes.length, blocks, parseError == null, parseError,
                TlvSkeleton.of(bytes, name));
    }

    /** Whether this reader's parser understands the file: null when it does, else the failure's code and message. */
    static String parseError(String name, byte[] bytes) {
        Map<String, Consumer<byte[]>> parsers = Map.ofEntries(
                Map.entry("CardAccess", CardAccessFile::parse), Map.entry("COM", ComFile::parse),
                Map.entry("SOD", SodFile::parse), Map.entry("DG1", Dg1File::parse), Map.entry("DG2", Dg2File::parse),
                Map.entry("DG11", Dg11File::parse), Map.entry("DG12", Dg12File::parse),
                Map.entry("DG13", Dg13File::parse), Map.entry("DG14", Dg14File::parse),
                Map.entry("DG15", Dg15File::parse));
        Consumer<byte[]> parser = parsers.get(name);
        if (parser == null) {
            return null;
        }
        try {
            parser.accept(bytes);
            return null;
        } catch (ReaderException e) {
            return e.code() + ": " + scrub(e.getMessage());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static List<CardReport.Protocol> protocols(byte[] cardAccess) {
        List<CardReport.Protocol> out = new ArrayList<>();
        try {
            for (SecurityInfo info : CardAccessFile.parse(cardAccess).securityInfos().all()) {
                if (info instanceof PaceInfo p) {
                    String name = PaceSuite.of(p.protocol()).map(s -> "PACE " + (s.ecdh() ? "ECDH" : "DH") + "-"
                            + s.mapping() + " " + s.keyType()).orElse("PACE (unknown suite)");
                    out.add(new CardReport.Protocol(p.protocol(), name, p.version(), p.parameterId()));
                } else {
                    out.add(new CardReport.Protocol(oidOf(info), info.getClass().getSimpleName(), null, null));
                }
            }
        } catch (ReaderException e) {
            // the skeleton of EF.CardAccess still shows its OIDs, and parses=false says why
        }
        return out;
    }

    private static String oidOf(SecurityInfo info) {
        if (info instanceof vn.cccd.reader.lds.PaceDomainParameterInfo i) {
            return i.protocol();
        }
        if (info instanceof vn.cccd.reader.lds.ChipAuthenticationInfo i) {
            return i.protocol();
        }
        if (info instanceof vn.cccd.reader.lds.TerminalAuthenticationInfo i) {
            return i.protocol();
        }
        if (info instanceof vn.cccd.reader.lds.ActiveAuthenticationInfo i) {
            return i.protocol();
        }
        if (info instanceof vn.cccd.reader.lds.UnknownSecurityInfo i) {
            return i.protocol();
        }
        return null;
    }

    private static CardReport.Checks checks(CardReadResult result) {
        if (result == null || result.verification() == null) {
            return null;
        }
        Verification v = result.verification();
        Map<String, String> hashes = null;
        String pa = null;
        if (v.passiveAuthentication() != null) {
            pa = String.valueOf(v.passiveAuthentication().status());
            hashes = new TreeMap<>();
            for (var e : v.passiveAuthentication().dataGroupHashes().entrySet()) {
                hashes.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return new CardReport.Checks(String.valueOf(v.overall()), pa, hashes,
                v.activeAuthentication() == null ? null : String.valueOf(v.activeAuthentication().status()),
                v.chipAuthentication() == null ? null : String.valueOf(v.chipAuthentication().status()));
    }

    /**
     * The access control attempts seen on the wire: PACE from its MSE:Set AT (P1P2 C1A4) to the GENERAL AUTHENTICATE
     * that ends it, BAC from GET CHALLENGE to EXTERNAL AUTHENTICATE (both in plain; ICAO 9303-11 §4.3, §4.4).
     */
    static CardReport.AccessControl accessControl(List<ApduRecord> apdus, CardReadResult result,
            ReaderException failure) {
        List<CardReport.Attempt> attempts = new ArrayList<>();
        String open = null;
        int first = 0;
        String lastSw = null;
        int lastIndex = 0;
        for (ApduRecord a : apdus) {
            if (a.secureMessaging()) {
                continue;
            }
            String[] h = a.command().split(" ");
            if (h.length < 4) {
                continue;
            }
            int ins = Integer.parseInt(h[1], 16);
            int p1 = Integer.parseInt(h[2], 16);
            int p2 = Integer.parseInt(h[3], 16);
            boolean paceStart = ins == INS_MANAGE_SECURITY_ENVIRONMENT && p1 == MSE_SET_AT_PACE && p2 == CRT_AT;
            boolean bacStart = ins == INS_GET_CHALLENGE;
            if (paceStart || bacStart) {
                if (open != null) {
                    attempts.add(new CardReport.Attempt(open, false, lastSw, first, lastIndex));
                }
                open = paceStart ? "PACE" : "BAC";
                first = a.index();
            }
            if (open == null) {
                continue;
            }
            lastSw = a.sw() != null ? a.sw() : a.failure();
            lastIndex = a.index();
            boolean ok = "9000".equals(a.sw());
            if (!ok && (ins == INS_MANAGE_SECURITY_ENVIRONMENT || ins == INS_GENERAL_AUTHENTICATE
                    || ins == INS_GET_CHALLENGE || ins == INS_EXTERNAL_AUTHENTICATE)) {
                attempts.add(new CardReport.Attempt(open, false, lastSw, first, lastIndex));
                open = null;
            } else if (ok && (open.equals("PACE") && ins == INS_GENERAL_AUTHENTICATE
                    && (Integer.parseInt(h[0], 16) & CLA_CHAINING) == 0
                    || open.equals("BAC") && ins == INS_EXTERNAL_AUTHENTICATE)) {
                attempts.add(new CardReport.Attempt(open, true, lastSw, first, lastIndex));
                open = null;
            }
        }
        if (open != null) {
            attempts.add(new CardReport.Attempt(open, false, lastSw, first, lastIndex));
        }
        String worked = result != null && result.verification() != null
                ? String.valueOf(result.verification().accessControl()) : null;
        List<vn.cccd.reader.model.AccessAttempt> recorded = null;
        if (result != null && result.stats() != null) {
            recorded = result.stats().accessAttempts();
        } else if (failure instanceof vn.cccd.reader.error.AccessDeniedException denied) {
            recorded = denied.attempts();
        }
        return new CardReport.AccessControl(worked, attempts, recorded);
    }

    /**
     * The records with each step named: EF.CardAccess's plain read, access control, Chip and Active Authentication
     * by their instructions; file reads keep the file's name.
     */
    static List<ApduRecord> labelled(List<ApduRecord> raw) {
        List<ApduRecord> out = new ArrayList<>(raw.size());
        boolean inCardAccess = false;
        for (ApduRecord a : raw) {
            String step = a.step();
            String protocol = protocolStep(a);
            if (BEFORE_FILES.equals(step)) {
                if ("011C".equals(a.selects())) {
                    inCardAccess = true;
                    step = "CardAccess";
                } else if (inCardAccess && !a.secureMessaging() && "READ BINARY".equals(a.name())) {
                    step = "CardAccess";
                } else {
                    inCardAccess = false;
                    step = protocol != null ? protocol : "access control";
                }
            } else if (protocol != null) {
                step = protocol;
            }
            out.add(new ApduRecord(a.index(), a.atMillis(), a.micros(), step, a.command(), a.name(),
                    a.secureMessaging(), a.selects(), a.sent(), a.received(), a.sw(), a.failure()));
        }
        return out;
    }

    private static String protocolStep(ApduRecord a) {
        String[] h = a.command().split(" ");
        if (h.length < 4) {
            return null;
        }
        int ins = Integer.parseInt(h[1], 16);
        int p1 = Integer.parseInt(h[2], 16);
        int p2 = Integer.parseInt(h[3], 16);
        if (ins == INS_INTERNAL_AUTHENTICATE) {
            return "Active Authentication";
        }
        if (a.secureMessaging() && (ins == INS_GENERAL_AUTHENTICATE
                || ins == INS_MANAGE_SECURITY_ENVIRONMENT && p1 == MSE_SET_CA && (p2 == CRT_AT || p2 == CRT_KAT))) {
            return "Chip Authentication";
        }
        if (!a.secureMessaging() && (ins == INS_GET_CHALLENGE || ins == INS_EXTERNAL_AUTHENTICATE
                || ins == INS_MANAGE_SECURITY_ENVIRONMENT || ins == INS_GENERAL_AUTHENTICATE
                || ins == INS_SELECT && p1 == SELECT_BY_AID)) {
            return "access control";
        }
        return null;
    }

    /** The status word of the last exchange of a step (from the raw records), or null. */
    private static String lastSw(List<ApduRecord> raw, String step, List<ApduRecord> labelled) {
        String sw = null;
        List<ApduRecord> source = "CardAccess".equals(step) ? labelled : raw;
        for (ApduRecord a : source) {
            if (step.equals(a.step()) && ("READ BINARY".equals(a.name()) || "SELECT".equals(a.name()))) {
                sw = a.sw() != null ? a.sw() : a.failure();
            }
        }
        return sw;
    }

    /**
     * A failure message without anything that could be a value: quoted text and runs of digits (with their / . -
     * separators) are replaced, so that a parser that quotes what it found cannot leak it into the report.
     */
    static String scrub(String message) {
        if (message == null) {
            return null;
        }
        return message.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("[0-9][0-9/.\\-]{3,}[0-9]*", "#");
    }

    private static String hex(byte[] b) {
        StringBuilder out = new StringBuilder();
        for (byte x : b) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02X", x & 0xFF));
        }
        return out.length() == 0 ? null : out.toString();
    }
}
