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
        assertThat(c.brokenLine()).isEqualTo(4);
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
}
