package vn.cccd.kiosk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of personal-data processing the controller must keep (who read a card, when, for what purpose,
 * with which consent text, what was produced): one JSON object per line in {@code <data-dir>/processing-log.jsonl}.
 * It holds no personal data itself: no names, ID numbers or form values, only events, purposes, form ids, verdicts,
 * random document references and, to find one person's records on request, a keyed hash of the ID number
 * (HMAC-SHA-256 with a key kept beside the log, {@code processing-log.key}, owner-only).
 *
 * <p>Append-only, hash-chained and authenticated: every record carries {@code prev}, the SHA-256 of the previous
 * line, and ends with {@code mac}, an HMAC-SHA-256 of the record (its {@code prev} included) under a key derived
 * from the storage key ({@link StorageKey}: {@code storage.keyEnv} or {@code storage.keyFile}, kept off the data
 * directory). {@code processing-log.head} holds the hash of the last line with its own HMAC. Someone who can write
 * the data directory but not read the key cannot edit, remove, reorder or add records, cut the tail and rewrite the
 * head, or delete log and head without {@link #verify} reporting it: a missing log, a missing head, a record or head
 * without a valid MAC are all "broken". The first record of a log is {@code log-created}, which says whether other
 * kiosk data was already there (a log that vanished and was started afresh). Each append is forced to disk before it
 * returns (a record survives SIGKILL).
 */
public class ProcessingLog {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessingLog.class);
    public static final String FILE_NAME = "processing-log.jsonl";
    public static final String HEAD_NAME = "processing-log.head";
    public static final String KEY_NAME = "processing-log.key";
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LINE = 64 * 1024;
    private static final String MAC_LABEL = "cccd-kiosk processing-log mac v1";
    private static final java.util.regex.Pattern MAC_TAIL = java.util.regex.Pattern.compile(",\"mac\":\"([0-9a-f]{64})\"}$");

    private final Path file;
    private final String station;
    private final Clock clock;
    private final byte[] macKey;
    private String last;
    private byte[] key;

    /** A log authenticated with the default storage key ({@code storage.key} in the data directory). */
    public ProcessingLog(Path dataDir, String station, Clock clock) {
        this(dataDir, station, clock, dataDir == null ? new byte[32]
                : StorageKey.load(vn.cccd.kiosk.config.StorageSettings.defaults(), dataDir, Map.of()));
    }

    /** @param storageKey the storage key ({@link StorageKey#load}); the log's MAC key is derived from it */
    public ProcessingLog(Path dataDir, String station, Clock clock, byte[] storageKey) {
        this.file = dataDir == null ? null : dataDir.resolve(FILE_NAME);
        this.station = station;
        this.clock = clock;
        this.macKey = macKey(storageKey);
    }

    /** The MAC key for the log: derived, so that the storage key itself never signs anything else. */
    static byte[] macKey(byte[] storageKey) {
        return hmac(storageKey, MAC_LABEL);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static String hmacHex(byte[] key, String text) {
        return HexFormat.of().formatHex(hmac(key, text));
    }

    /**
     * At start: a log that does not exist yet begins with {@code log-created}, noting whether other kiosk data was
     * already in the directory (then the earlier log was deleted).
     */
    public synchronized void open() {
        if (file == null || Files.exists(file)) {
            return;
        }
        boolean otherData;
        try (java.util.stream.Stream<Path> s = Files.list(file.getParent())) {
            otherData = s.map(p -> p.getFileName().toString()).anyMatch(n -> n.equals(HEAD_NAME)
                    || n.equals(Database.SQLITE_FILE) || n.equals("operator-lockout.properties"));
        } catch (IOException e) {
            otherData = false;
        }
        if (otherData) {
            LOG.warn("no processing log in {} although the kiosk has run there: a new log starts", file.getParent());
        }
        record("log-created", Map.of("otherDataFound", otherData));
    }

    /** A log that keeps nothing (tests that do not look at it). */
    public static ProcessingLog none() {
        return new ProcessingLog(null, "", Clock.systemUTC());
    }

    private volatile java.util.function.BiConsumer<String, Map<String, ?>> listener;

    /**
     * Also tells {@code listener} of every event with its details (never the subject: the ID number and its hash
     * are not passed), e.g. to count them for metrics.
     */
    public void listen(java.util.function.BiConsumer<String, Map<String, ?>> listener) {
        this.listener = listener;
    }

    public Path file() {
        return file;
    }

    /** Appends one event; a failure to write is reported in the technical log, never to the citizen. */
    public synchronized void record(String event, Map<String, ?> details) {
        record(event, details, null);
    }

    /**
     * Appends one event about the holder of {@code idNumber} (null when none): the record carries only the keyed
     * hash of the number.
     */
    public synchronized void record(String event, Map<String, ?> details, String idNumber) {
        java.util.function.BiConsumer<String, Map<String, ?>> l = listener;
        if (l != null) {
            try {
                l.accept(event, details); // never the ID number
            } catch (RuntimeException e) {
                LOG.warn("processing log listener failed on {}: {}", event, e.toString());
            }
        }
        if (file == null) {
            return;
        }
        try {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", clock.instant().toString());
            line.put("station", station);
            line.put("event", event);
            line.putAll(details);
            if (idNumber != null) {
                line.put("subject", subjectHash(idNumber));
            }
            line.put("prev", lastHash());
            String text = MAPPER.writeValueAsString(line);
            // the MAC closes the record: {..., "prev": "...", "mac": "<HMAC of the record without it>"}
            String signed = text.substring(0, text.length() - 1) + ",\"mac\":\"" + hmacHex(macKey, text) + "\"}";
            append(signed);
            last = sha256(signed);
            writeHead(last + " " + hmacHex(macKey, "head:" + last));
        } catch (JsonProcessingException e) {
            LOG.error("processing log entry {} cannot be written: {}", event, e.getOriginalMessage());
        } catch (IOException | GeneralSecurityException e) {
            LOG.error("processing log {} cannot be written: {}", file, e.toString());
        }
    }

    /** The keyed hash under which this kiosk's log records a person (for data-subject requests). */
    public synchronized String subjectHash(String idNumber) throws IOException, GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key(), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(idNumber.strip().getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] key() throws IOException {
        if (key == null) {
            Path k = file.resolveSibling(KEY_NAME);
            if (!Files.exists(k)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(k.getParent());
                Files.write(k, fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try {
                    Files.setPosixFilePermissions(k, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data directory's own protection applies
                }
            }
            key = Files.readAllBytes(k);
        }
        return key.clone();
    }

    private String lastHash() throws IOException {
        if (last == null) {
            last = GENESIS;
            if (Files.exists(file) && Files.size(file) > 0) {
                String tail = lastLine(file);
                last = tail == null ? GENESIS : sha256(tail);
            }
        }
        return last;
    }

    private void append(String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    private void writeHead(String hash) throws IOException {
        Path head = file.resolveSibling(HEAD_NAME);
        Path tmp = file.resolveSibling(HEAD_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(hash.getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, head, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The last non-empty line of a file, reading at most {@value #MAX_LINE} bytes from its end. */
    static String lastLine(Path p) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, MAX_LINE);
            byte[] buf = new byte[n];
            f.seek(len - n);
            f.readFully(buf);
            String s = new String(buf, StandardCharsets.UTF_8).stripTrailing();
            int nl = s.lastIndexOf('\n');
            return s.isEmpty() ? null : s.substring(nl + 1);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of {@link #verify(Path)}: the number of records, or the first broken one and why. */
    public record Check(boolean intact, long records, long brokenLine, String problem) {
    }

    /** Checks a data directory's log with the default storage key ({@code storage.key} in that directory). */
    public static Check verify(Path dataDir) throws IOException {
        Path keyFile = dataDir.resolve(StorageKey.DEFAULT_FILE);
        if (!Files.isRegularFile(keyFile)) {
            return new Check(false, 0, 0, "no storage key to check the log with (" + keyFile + ")");
        }
        return verify(dataDir, StorageKey.load(vn.cccd.kiosk.config.StorageSettings.defaults(), dataDir, Map.of()));
    }

    /**
     * Checks the log of a data directory: every record's MAC and {@code prev}, then the authenticated head. A
     * missing or empty log, or a missing head, is broken: a kiosk that ran keeps both. Reads line by line.
     */
    public static Check verify(Path dataDir, byte[] storageKey) throws IOException {
        byte[] macKey = macKey(storageKey);
        Path log = dataDir.resolve(FILE_NAME);
        Path head = dataDir.resolve(HEAD_NAME);
        if (!Files.exists(log)) {
            return new Check(false, 0, 1, "there is no " + FILE_NAME + (Files.exists(head) ? " but there is "
                    + HEAD_NAME : "") + " (a kiosk that has run keeps one: it was deleted, or this is not a data"
                    + " directory)");
        }
        String prev = GENESIS;
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.length() > MAX_LINE) {
                    return new Check(false, n - 1, n, "the record is longer than any the kiosk writes");
                }
                java.util.regex.Matcher m = MAC_TAIL.matcher(line);
                if (!m.find()) {
                    return new Check(false, n - 1, n, "the record has no MAC (it was not written by the kiosk)");
                }
                String unsigned = line.substring(0, m.start()) + "}";
                if (!MessageDigest.isEqual(HexFormat.of().parseHex(m.group(1)), hmac(macKey, unsigned))) {
                    return new Check(false, n - 1, n, "the record's MAC is wrong (edited, or written without the"
                            + " storage key)");
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(unsigned);
                } catch (JsonProcessingException e) {
                    return new Check(false, n - 1, n, "the record is not JSON");
                }
                if (node == null || !node.path("prev").isTextual() || !node.get("prev").asText().equals(prev)) {
                    return new Check(false, n - 1, n, "the record does not follow the one before it"
                            + " (a record was removed or moved)");
                }
                prev = sha256(line);
            }
        }
        if (n == 0) {
            return new Check(false, 0, 1, FILE_NAME + " is empty (a kiosk's log starts with log-created)");
        }
        if (!Files.exists(head)) {
            return new Check(false, n, n, "there is no " + HEAD_NAME + " (deleted: the end of the log cannot be"
                    + " confirmed)");
        }
        String[] h = Files.readString(head, StandardCharsets.US_ASCII).strip().split(" ");
        if (h.length != 2 || !h[1].matches("[0-9a-f]{64}")
                || !MessageDigest.isEqual(HexFormat.of().parseHex(h[1]), hmac(macKey, "head:" + h[0]))) {
            return new Check(false, n, n, HEAD_NAME + " is not authenticated (rewritten without the storage key)");
        }
        if (!h[0].equals(prev)) {
            return new Check(false, n, n, "the last record does not match " + HEAD_NAME
                    + " (records were cut from the end, or the last one edited)");
        }
        return new Check(true, n, 0, null);
    }
}
