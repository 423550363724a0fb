package vn.cccd.reader.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.cccd.reader.error.ExitCodes;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.model.Json;

/** Reports a typed failure on stderr (and as a JSON error object on stdout with --json) and gives its exit code. */
final class Failures {
    private Failures() {
    }

    static int report(ReaderException e, boolean json) {
        System.err.println("cccd-reader: " + e.code() + ": " + e.getMessage());
        if (json) {
            Map<String, String> err = new LinkedHashMap<>();
            err.put("error", e.code());
            err.put("message", e.getMessage());
            try {
                System.out.println(Json.MAPPER.writeValueAsString(err));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ignored) {
                // stderr already has it
            }
        }
        return ExitCodes.of(e);
    }
}
