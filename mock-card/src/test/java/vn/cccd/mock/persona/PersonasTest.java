package vn.cccd.mock.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.reader.model.Person;

class PersonasTest {

    @Test
    void atLeastEightBuiltInsLoadAndValidate() {
        List<Persona> all = Personas.builtIn();
        assertThat(all).hasSizeGreaterThanOrEqualTo(8);
        assertThat(all).extracting(Persona::name).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        for (Persona p : all) {
            Person who = p.person();
            assertThat(who.fullName()).isEqualTo(Normalizer.normalize(who.fullName(), Normalizer.Form.NFC));
            if (p.isCccd()) {
                assertThat(p.documentNumber()).isEqualTo(who.idNumber().substring(3));
                assertThat(who.expiryDate()).isEqualTo(p.document().expiryDate());
            }
        }
    }

    @Test
    void builtInsCoverTheCasesReadersGetWrong() {
        List<Persona> all = Personas.builtIn();
        assertThat(all).anyMatch(p -> p.person().fullName().equals("Nguyễn Thị Hồng Nhung"));
        assertThat(all).anyMatch(p -> p.person().fullName().equals("Đặng Quốc Việt"));
        assertThat(all).anyMatch(p -> p.person().fullName().equals("Trần Văn Ưởng"));
        assertThat(all).anyMatch(p -> p.person().placeOfResidence() != null
                && p.person().placeOfResidence().getBytes(StandardCharsets.UTF_8).length > 127);
        assertThat(all).anyMatch(p -> p.isCccd() && p.person().oldIdNumber() == null);
        assertThat(all).anyMatch(p -> p.person().spouseName() != null);
        // a holder over 58 at issue: no expiry
        assertThat(all).anyMatch(p -> p.isCccd() && p.document().expiryDate() == null
                && p.person().dateOfBirth().compareTo("1966") < 0);
        // a 2024 card of a child, with both parents
        assertThat(all).anyMatch(p -> p.isCccd() && p.person().issueDate().startsWith("2024")
                && p.person().dateOfBirth().compareTo("2012") > 0 && p.person().fatherName() != null
                && p.person().motherName() != null);
        assertThat(all).anyMatch(p -> p.document().type() == Persona.DocumentType.PASSPORT
                && !p.issuingState().equals("VNM"));
        assertThat(all).anyMatch(p -> p.activeAuthentication() == Persona.KeyType.NONE
                && p.chipAuthentication() == Persona.KeyType.NONE && p.person().fatherName() == null);
        assertThat(all).anyMatch(p -> p.access().pace() && p.access().can() != null);
        assertThat(all).anyMatch(p -> p.activeAuthentication() == Persona.KeyType.RSA);
        assertThat(all).anyMatch(p -> p.activeAuthentication() == Persona.KeyType.EC);
    }

    @Test
    void jsonRoundTripsInTheContractFormat() {
        Persona p = Personas.builtIn("dang-quoc-viet");
        String json = Personas.toJson(p);
        assertThat(json).contains("\"name\" : \"dang-quoc-viet\"", "\"activeAuthentication\" : \"RSA\"",
                "\"spouseName\" : \"Lê Thị Thu Hà\"").doesNotContain("cccd", "\"face\"");
        assertThat(Personas.parse(json.getBytes(StandardCharsets.UTF_8), "round trip")).isEqualTo(p);
    }

    @Test
    void fileFaceIsResolvedNextToTheFile(@TempDir Path dir) throws Exception {
        String json = Personas.toJson(Personas.builtIn("nguyen-van-a")).replace("\"name\" : \"nguyen-van-a\"",
                "\"name\" : \"my-test\", \"face\" : \"me.jpg\"");
        Path file = dir.resolve("p.json");
        Files.writeString(file, json);
        Persona p = Personas.resolve(file.toString());
        assertThat(p.name()).isEqualTo("my-test");
        assertThat(Path.of(p.face())).isEqualTo(dir.resolve("me.jpg").toAbsolutePath());
    }

    @Test
    void badPersonasAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Personas.resolve("nobody-here")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a built-in persona").hasMessageContaining("nguyen-van-a");
        String good = Personas.toJson(Personas.builtIn("nguyen-van-a"));
        assertRefused(dir, good.replace("\"001090123456\"", "\"12345\""), "12 digits");
        assertRefused(dir, good.replace("\"1990-01-01\"", "\"01/01/1990\""), "person.dateOfBirth");
        assertRefused(dir, good.replace("\"Nam\"", "\"M\""), "person.sex");
        assertRefused(dir, good.replace("\"religion\"", "\"religon\""), "religon");
        assertRefused(dir, good.replace("\"nguyen-van-a\"", "\"Nguyen Van A\""), "slug");
        assertRefused(dir, good.replace("\"bac\" : true", "\"bac\" : false"), "BAC, PACE");
        assertRefused(dir, "{", "not a valid persona");
    }

    private static void assertRefused(Path dir, String json, String reason) throws Exception {
        Path f = Files.createTempFile(dir, "p", ".json");
        Files.writeString(f, json);
        assertThatThrownBy(() -> Personas.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
