package vn.cccd.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.qr.QrTestImages;

/** {@code cccd-reader qr IMAGE... [--json]}: the contract's QR JSON and exit codes. */
class QrCommandTest {
    private static final String PAYLOAD =
            "001195004821|151987654|Nguyễn Thị Hồng Nhung|17081995|Nữ|Phường Điện Biên, Quận Ba Đình, Hà Nội|15042021";

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            // a platform charset that cannot print Vietnamese: the command must still write UTF-8
            System.setOut(new PrintStream(out, true, StandardCharsets.US_ASCII));
            System.setErr(new PrintStream(err, true, StandardCharsets.US_ASCII));
            int exit = ReaderCli.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    Path write(String name, byte[] bytes) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void printsTheQrJsonWithTheFile() throws Exception {
        Path card = write("card.png", QrTestImages.png(QrTestImages.code(PAYLOAD, 4)));
        Run r = run("qr", card.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("file").asText()).isEqualTo(card.toString());
        assertThat(j.get("format").asText()).isEqualTo("CCCD2021");
        assertThat(j.get("payload").asText()).isEqualTo(PAYLOAD);
        assertThat(j.at("/fields/fullName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(j.at("/fields/dateOfBirth").asText()).isEqualTo("1995-08-17");
        assertThat(j.at("/fields/issueDate").asText()).isEqualTo("2021-04-15");
        assertThat(j.at("/fields/extra").isArray()).isTrue();
    }

    @Test
    void aCanCuocCodeWithMoreFieldsKeepsThemAndNamesAnUnexpectedOne() throws Exception {
        String payload = "079224001234||Trần Minh Khôi|05032024|Nam|Hà Nội|20082024|079224009999|Trần Văn Hùng"
                + "|Lê Thị Mai|A1-B2";
        Path card = write("child.png", QrTestImages.png(QrTestImages.code(payload, 4)));
        Run r = run("qr", card.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("format").asText()).isEqualTo("CAN_CUOC2024");
        JsonNode extra = j.at("/fields/extra");
        assertThat(extra).hasSize(4);
        assertThat(extra.get(0).get("field").asInt()).isEqualTo(8);
        assertThat(extra.get(0).get("kind").asText()).isEqualTo("CANCELLED_ID_NUMBER");
        assertThat(extra.get(2).get("value").asText()).isEqualTo("Lê Thị Mai");
        assertThat(extra.get(3).get("kind").asText()).isEqualTo("UNKNOWN");
        assertThat(extra.get(3).get("value").asText()).isEqualTo("A1-B2");
        assertThat(j.at("/warnings/0/code").asText()).isEqualTo("UNEXPECTED_FIELD");
        assertThat(j.at("/warnings/0/message").asText()).contains("field 11");
    }

    @Test
    void severalImagesGiveAnArrayInOrderAndExit7WhenOneHasNoCccdCode() throws Exception {
        Path card = write("card.jpg", QrTestImages.jpeg(QrTestImages.code(PAYLOAD, 4), 0.8f));
        Path link = write("link.png", QrTestImages.png(QrTestImages.code("https://example.vn/", 4)));
        Path blank = write("blank.png", QrTestImages.png(new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY)));
        Run r = run("qr", "--json", card.toString(), link.toString(), blank.toString());
        assertThat(r.exit()).isEqualTo(7);
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.isArray()).isTrue();
        assertThat(j.get(0).get("file").asText()).isEqualTo(card.toString());
        assertThat(j.get(0).at("/fields/sex").asText()).isEqualTo("Nữ");
        assertThat(j.get(1).get("error").asText()).isEqualTo("NOT_CCCD");
        assertThat(j.get(1).get("file").asText()).isEqualTo(link.toString());
        assertThat(j.get(2).get("error").asText()).isEqualTo("NO_QR");
        assertThat(r.err()).contains("NOT_CCCD").contains("NO_QR").doesNotContain("001195004821");
    }

    @Test
    void aFileThatIsNotAnImageExits6AndAMissingFile2() throws Exception {
        Path text = write("notes.png", "001195004821|...".getBytes(StandardCharsets.UTF_8));
        Run r = run("qr", text.toString(), "--json");
        assertThat(r.exit()).isEqualTo(6);
        assertThat(Json.MAPPER.readTree(r.out()).get("error").asText()).isEqualTo("NOT_AN_IMAGE");
        Run missing = run("qr", tmp.resolve("nope.png").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        assertThat(run("qr").exit()).isEqualTo(2);
    }

    @Test
    void textOutputIsReadableVietnamese() throws Exception {
        Path card = write("card.png", QrTestImages.png(QrTestImages.code(PAYLOAD, 4)));
        Run r = run("qr", card.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Họ và tên / Full name: Nguyễn Thị Hồng Nhung").contains("CCCD2021");
    }
}
