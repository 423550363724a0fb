package vn.cccd.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;

class MockCardCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MockCardCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void personasListsTheBuiltInNamesOnePerLine() {
        assertThat(run("personas")).isZero();
        assertThat(out.toString().split("\\R")).containsExactlyElementsOf(Personas.builtInNames());
    }

    @Test
    void personasWithANamePrintsItsJson() {
        assertThat(run("personas", "dang-quoc-viet")).isZero();
        assertThat(out.toString()).contains("\"fullName\" : \"Đặng Quốc Việt\"");
        assertThat(run("personas", "nobody")).isEqualTo(2);
        assertThat(err.toString()).contains("no built-in persona 'nobody'");
    }

    @Test
    void pkiWritesTheTrustAnchors(@TempDir Path dir) throws Exception {
        assertThat(run("pki", "--out", dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve(MockPki.EC_CSCA_FILE)))
                .isEqualTo(MockPki.pem(MockPki.instance().csca(MockPki.Family.EC).certificate()));
        assertThat(dir.resolve(MockPki.RSA_CSCA_FILE)).exists();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serve --persona nobody-at-all|neither a built-in persona",
        "serve --persona nguyen-van-a --fault explode|unknown fault 'explode'",
        "serve --persona nguyen-van-a --fault remove-after:x|needs a whole number",
        "serve --persona nguyen-van-a --link-kbps 300|106, 212, 424 or 848",
        "serve --persona nguyen-van-a --vpcd host:port|HOST:PORT",
        "serve|--persona",
        "frobnicate|frobnicate",
        "|a command is required"})
    void badArgumentsExitWith2AndSayWhy(String args, String message) {
        String[] argv = args == null ? new String[0] : args.split(" ");
        assertThat(run(argv)).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }
}
