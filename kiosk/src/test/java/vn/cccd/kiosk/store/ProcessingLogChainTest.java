package vn.cccd.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processing log is a hash chain: edits, removals and reorderings are found; no ID number is written. */
class ProcessingLogChainTest {
    @TempDir
    Path dir;

    ProcessingLog log() {
        return new ProcessingLog(dir, "Kiosk 1", Clock.systemUTC());
    }

    void write(int n) {
        ProcessingLog log = log();
        for (int i = 0; i < n; i++) {
            log.record("card-read", Map.of("verdict", "AUTHENTIC", "card", i), "00109012345" + (i % 10));
        }
    }

    List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(dir.resolve(ProcessingLog.FILE_NAME), StandardCharsets.UTF_8));
    }

    void rewrite(List<String> lines) throws Exception {
        Files.write(dir.resolve(ProcessingLog.FILE_NAME), lines, StandardCharsets.UTF_8);
    }

    @Test
    void anIntactLogVerifiesAcrossRestartsAndHoldsNoIdNumber() throws Exception {
        write(5);
        write(3); // a new ProcessingLog object continues the chain from the file
        ProcessingLog.Check c = ProcessingLog.verify(dir);
        assertThat(c.intact()).isTrue();
        assertThat(c.records()).isEqualTo(8);
        String all = Files.readString(dir.resolve(ProcessingLog.FILE_NAME));
        assertThat(all).doesNotContain("001090123450").contains("\"subject\":\"");
        assertThat(log().subjectHash("001090123451")).isEqualTo(log().subjectHash("001090123451"));
    }

    @Test
    void anEditedRecordIsFound() throws Exception {
        write(6);
        List<String> l = lines();
        l.set(2, l.get(2).replace("AUTHENTIC", "NOT_AUTHENTIC"));
        rewrite(l);
        ProcessingLog.Check c = ProcessingLog.verify(dir);
        assertThat(c.intact()).isFalse();
        assertThat(c.brokenLine()).isEqualTo(3);
    }

    @Test
    void aRemovedOrMovedRecordIsFound() throws Exception {
        write(6);
        List<String> removed = lines();
        removed.remove(3);
        rewrite(removed);
        assertThat(ProcessingLog.verify(dir).brokenLine()).isEqualTo(4);
        Files.delete(dir.resolve(ProcessingLog.FILE_NAME));
        Files.delete(dir.resolve(ProcessingLog.HEAD_NAME));
        write(6);
        List<String> swapped = lines();
        String a = swapped.get(1);
        swapped.set(1, swapped.get(2));
        swapped.set(2, a);
        rewrite(swapped);
        assertThat(ProcessingLog.verify(dir).intact()).isFalse();
    }

    @Test
    void anEditedOrDroppedLastRecordIsFoundByTheHead() throws Exception {
        write(4);
        List<String> l = lines();
        l.remove(3);
        rewrite(l);
        ProcessingLog.Check c = ProcessingLog.verify(dir);
        assertThat(c.intact()).isFalse();
        assertThat(c.problem()).contains(ProcessingLog.HEAD_NAME);
    }

    // ---- forgeries by someone who can write the data directory but has not the storage key (kept elsewhere) ----

    private static final byte[] STORAGE_KEY = new byte[32];

    static {
        new java.security.SecureRandom().nextBytes(STORAGE_KEY);
    }

    private void writeKeyed(int n) {
        ProcessingLog log = new ProcessingLog(dir, "Kiosk 1", Clock.systemUTC(), STORAGE_KEY);
        log.open();
        for (int i = 0; i < n; i++) {
            log.record(i % 2 == 0 ? "card-read" : "guest-deleted", Map.of("card", i));
        }
    }

    /** The chain recomputed over {@code lines} as an attacker would: new prev hashes, MACs and head under a guess. */
    private void forge(List<String> lines) throws Exception {
        byte[] guess = new byte[32];
        List<String> out = new ArrayList<>();
        String prev = ProcessingLog.GENESIS;
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> rec = m.readValue(line, java.util.LinkedHashMap.class);
            rec.remove("mac");
            rec.put("prev", prev);
            String text = m.writeValueAsString(rec);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(ProcessingLog.macKey(guess), "HmacSHA256"));
            String signed = text.substring(0, text.length() - 1) + ",\"mac\":\""
                    + java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))) + "\"}";
            out.add(signed);
            prev = ProcessingLog.sha256(signed);
        }
        rewrite(out);
        Files.writeString(dir.resolve(ProcessingLog.HEAD_NAME), prev + " " + "0".repeat(64));
    }

    private ProcessingLog.Check checkKeyed() throws Exception {
        return ProcessingLog.verify(dir, STORAGE_KEY);
    }

    @Test
    void withTheKeyElsewhereAnIntactLogVerifiesAndStartsWithLogCreated() throws Exception {
        writeKeyed(4);
        writeKeyed(2);
        ProcessingLog.Check c = checkKeyed();
        assertThat(c.intact()).as(String.valueOf(c.problem())).isTrue();
        assertThat(c.records()).isEqualTo(7);
        assertThat(lines().get(0)).contains("\"event\":\"log-created\"", "\"otherDataFound\":false");
        byte[] other = new byte[32];
        assertThat(ProcessingLog.verify(dir, other).intact()).isFalse();
    }

    @Test
    void deletingRecordsAndRecomputingTheChainIsFound() throws Exception {
        writeKeyed(6);
        List<String> l = lines();
        l.remove(3);
        l.remove(2);
        forge(l);
        ProcessingLog.Check c = checkKeyed();
        assertThat(c.intact()).isFalse();
        assertThat(c.brokenLine()).isEqualTo(1);
        assertThat(c.problem()).contains("MAC");
    }

    @Test
    void cuttingTheTailAndRewritingTheHeadIsFound() throws Exception {
        writeKeyed(6);
        List<String> l = lines();
        List<String> cut = new ArrayList<>(l.subList(0, 4));
        rewrite(cut);
        Files.writeString(dir.resolve(ProcessingLog.HEAD_NAME), ProcessingLog.sha256(cut.get(3)));
        assertThat(checkKeyed().intact()).isFalse();
        assertThat(checkKeyed().problem()).contains(ProcessingLog.HEAD_NAME);
        // the head in the old, unauthenticated form, or with a made-up MAC
        Files.writeString(dir.resolve(ProcessingLog.HEAD_NAME), ProcessingLog.sha256(cut.get(3)) + " " + "ab".repeat(32));
        assertThat(checkKeyed().intact()).isFalse();
        // without the head the end of the log cannot be confirmed either
        Files.delete(dir.resolve(ProcessingLog.HEAD_NAME));
        assertThat(checkKeyed().intact()).isFalse();
        assertThat(checkKeyed().problem()).contains("no " + ProcessingLog.HEAD_NAME);
    }

    @Test
    void deletingLogAndHeadIsFoundAndANewLogSaysOtherDataWasThere() throws Exception {
        writeKeyed(3);
        Files.writeString(dir.resolve(Database.SQLITE_FILE), "a register");
        Files.delete(dir.resolve(ProcessingLog.FILE_NAME));
        assertThat(checkKeyed().intact()).isFalse();
        Files.delete(dir.resolve(ProcessingLog.HEAD_NAME));
        ProcessingLog.Check c = checkKeyed();
        assertThat(c.intact()).isFalse();
        assertThat(c.problem()).contains("there is no " + ProcessingLog.FILE_NAME);
        Files.writeString(dir.resolve(ProcessingLog.FILE_NAME), "");
        assertThat(checkKeyed().intact()).isFalse();
        Files.delete(dir.resolve(ProcessingLog.FILE_NAME));
        // the kiosk started again over the remains: its new log says that a register was already there
        writeKeyed(0);
        assertThat(checkKeyed().intact()).isTrue();
        assertThat(lines().get(0)).contains("\"otherDataFound\":true");
    }
}
