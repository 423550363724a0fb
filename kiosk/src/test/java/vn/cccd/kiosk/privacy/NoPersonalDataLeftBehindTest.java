package vn.cccd.kiosk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.server.KioskApp;
import vn.cccd.kiosk.server.KioskServer;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.Dg2File;
import vn.cccd.reader.lds.LdsFile;

/**
 * Full sessions of every CCCD persona through the real demo path (mock chip, reader, verification), then a search
 * of every log line and every file the kiosk wrote for the personas' names, ID numbers, MRZ lines and portrait
 * bytes: none may be there. (The browser side is covered by the browser tests, which check the page is wiped.)
 */
class NoPersonalDataLeftBehindTest {
    @TempDir
    Path data;

    @Test
    void sessionsOfEveryPersonaLeaveNoPersonalDataInLogsOrFiles() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        // our code at DEBUG (the most it ever logs), third-party libraries at INFO
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        Logger ours = (Logger) LoggerFactory.getLogger("vn.cccd");
        ch.qos.logback.classic.Level oursLevel = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        Server server = KioskServer.newServer(KioskApp.create(KioskHarness.config(data).demo(true).build()));
        List<Persona> read = new ArrayList<>();
        try {
            server.start();
            URI base = URI.create("http://127.0.0.1:" + server.getURI().getPort());
            HttpClient http = HttpClient.newHttpClient();
            for (Persona p : Personas.builtIn()) {
                if (!p.isCccd()) {
                    continue;
                }
                post(http, base, "/api/session/start", "{}");
                post(http, base, "/api/session/consent", "{\"accepted\":true,\"textVersion\":\"v1\"}");
                post(http, base, "/api/session/key", "{\"idNumber\":\"" + p.person().idNumber() + "\",\"dateOfBirth\":\""
                        + p.person().dateOfBirth() + "\",\"issueDate\":\"" + p.person().issueDate() + "\"}");
                post(http, base, "/api/demo/insert", "{\"persona\":\"" + p.name() + "\"}");
                HttpResponse<String> session = null;
                for (int i = 0; i < 100; i++) {
                    session = http.send(HttpRequest.newBuilder(base.resolve("/api/session")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (session.statusCode() == 200) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(session.statusCode()).as(p.name()).isEqualTo(200);
                assertThat(session.body()).contains(p.person().idNumber()); // the session itself has it, in memory
                post(http, base, "/api/demo/remove", "{}");
                read.add(p);
            }
        } finally {
            server.stop();
            root.detachAppender(logs);
            root.setLevel(level);
            ours.setLevel(oursLevel);
        }
        assertThat(read).hasSizeGreaterThan(5);

        List<String> logLines = logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Persona p : read) {
            var docs = DocumentFactory.files(p);
            List<String> mrz = Dg1File.parse(docs.get(LdsFile.DG1)).mrz().lines();
            byte[] face = Dg2File.parse(docs.get(LdsFile.DG2)).face().image();
            byte[] faceSample = Arrays.copyOfRange(face, face.length / 2, face.length / 2 + 24);
            List<String> secrets = new ArrayList<>(List.of(p.person().idNumber(), p.person().fullName(),
                    p.person().idNumber().substring(3)));
            secrets.addAll(mrz);
            for (String line : logLines) {
                for (String secret : secrets) {
                    assertThat(line.contains(secret)).as("a log line holds personal data of %s: %s", p.name(),
                            line.length() > 160 ? line.substring(0, 160) : line).isFalse();
                }
            }
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    assertThat(text).as(f.getFileName() + " holds personal data of " + p.name()).doesNotContain(secret);
                }
                assertThat(vn.cccd.reader.util.Bytes.indexOf(bytes, faceSample)).as(f.getFileName() + " holds a portrait")
                        .isNegative();
            }
        }
    }

    private static void post(HttpClient http, URI base, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 299);
    }
}
