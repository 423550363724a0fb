package vn.cccd.kiosk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of personal-data processing the controller must keep (who read a card, when, for what purpose,
 * with which consent text, what was produced): one JSON object per line in {@code <data-dir>/processing-log.jsonl}.
 * It holds no personal data itself (no names, ID numbers or form values), only events, purposes, form ids,
 * verdicts and random document references.
 */
public class ProcessingLog {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessingLog.class);
    public static final String FILE_NAME = "processing-log.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final String station;
    private final Clock clock;

    public ProcessingLog(Path dataDir, String station, Clock clock) {
        this.file = dataDir == null ? null : dataDir.resolve(FILE_NAME);
        this.station = station;
        this.clock = clock;
    }

    /** A log that keeps nothing (tests that do not look at it). */
    public static ProcessingLog none() {
        return new ProcessingLog(null, "", Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    /** Appends one event; a failure to write is reported in the technical log, never to the citizen. */
    public synchronized void record(String event, Map<String, ?> details) {
        if (file == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("station", station);
        line.put("event", event);
        line.putAll(details);
        try {
            byte[] bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (JsonProcessingException e) {
            LOG.error("processing log entry {} cannot be written: {}", event, e.getOriginalMessage());
        } catch (IOException e) {
            LOG.error("processing log {} cannot be written: {}", file, e.toString());
        }
    }
}
