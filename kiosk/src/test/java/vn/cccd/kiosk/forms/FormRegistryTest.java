package vn.cccd.kiosk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.config.ConfigException;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.config.Mode;

class FormRegistryTest {

    @Test
    void bundledFormsAreTheOneStopProceduresAtTheirCurrentVersions() {
        FormRegistry reg = FormRegistry.load(KioskConfig.builder().build(), at("2026-12-06"));
        assertThat(reg.all()).extracting(FormDefinition::id).containsExactlyInAnyOrder("ct01", "khai-sinh",
                "xac-nhan-hon-nhan", "ly-lich-tu-phap", "ly-lich-tu-phap-uy-quyen");
        FormDefinition ct01 = reg.get("ct01").orElseThrow();
        assertThat(ct01.title().vi()).isEqualTo("Tờ khai thay đổi thông tin cư trú");
        assertThat(ct01.legalBasis().instrument()).isEqualTo("Thông tư số 116/2026/TT-BCA");
        assertThat(ct01.formCode()).isEqualTo("Mẫu CT01 ban hành kèm theo Thông tư số 116/2026/TT-BCA ngày 29 tháng 6"
                + " năm 2026 của Bộ trưởng Bộ Công an");
        // TT116: items 1-11, field 1 the birth name, the head of household footnoted (2), the request (3)
        assertThat(ct01.fields()).filteredOn(f -> f.number() != null).extracting(FormDefinition.Field::number)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(ct01.field("fullName").orElseThrow().label().vi()).isEqualTo("Họ, chữ đệm và tên khai sinh");
        assertThat(ct01.field("headName").orElseThrow().label().vi()).isEqualTo("Họ, chữ đệm và tên chủ hộ(2)");
        assertThat(ct01.field("request").orElseThrow().label().vi()).isEqualTo("Nội dung đề nghị(3)");
        assertThat(ct01.field("phone").orElseThrow().required()).as("not required by the official form").isFalse();
        assertThat(ct01.signatures()).extracting(s -> s.title().vi()).containsExactly("Ý KIẾN CỦA CHỦ HỘ(4)",
                "Ý KIẾN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP(5)", "Ý KIẾN CỦA CHA HOẶC MẸ HOẶC NGƯỜI GIÁM HỘ(6)",
                "NGƯỜI KÊ KHAI(7)");
        // footnotes (1)-(8), the three consent notes (4), (5), (6) in one entry
        assertThat(ct01.notes()).extracting(n -> n.vi().substring(0, 3)).containsExactly("(1)", "(2)", "(3)", "(4)",
                "(7)", "(8)");
        assertThat(ct01.notes().get(2).vi()).startsWith("(3)").contains("ghi thông tin theo địa giới hành chính mới,"
                + " đồng thời ghi chú địa giới hành chính theo giấy tờ");
        // the former id still names it (URLs, forms.enabled of existing stations)
        assertThat(reg.get("ct01-2023").orElseThrow()).isSameAs(ct01);
    }

    @Test
    void everyBundledFormVersionCarriesItsLegalBasisAndValidity() {
        for (FormDefinition f : FormRegistry.loadBundled().values()) {
            assertThat(f.legalBasis()).as(f.version()).isNotNull();
            assertThat(f.legalBasis().instrument()).as(f.version()).isNotBlank();
            assertThat(f.legalBasis().inForceFrom()).as(f.version()).isNotBlank();
            assertThat(f.validFrom()).as(f.version()).isNotBlank();
        }
    }

    @Test
    void movingTheClockAcross1July2026ChangesTheCt01VersionOffered() {
        MutableClockForTest clock = new MutableClockForTest(java.time.Instant.parse("2026-06-30T16:59:00Z"));
        FormRegistry reg = FormRegistry.load(KioskConfig.builder().build(), clock); // Asia/Ho_Chi_Minh: 23:59
        FormDefinition before = reg.get("ct01").orElseThrow();
        assertThat(before.legalBasis().instrument()).isEqualTo("Thông tư số 53/2025/TT-BCA");
        assertThat(before.formCode()).contains("53/2025/TT-BCA");
        assertThat(before.field("request").orElseThrow().label().vi()).isEqualTo("Nội dung đề nghị(2)");
        clock.now = java.time.Instant.parse("2026-06-30T17:01:00Z"); // 00:01 on 01/07/2026
        FormDefinition after = reg.get("ct01").orElseThrow();
        assertThat(after.legalBasis().instrument()).isEqualTo("Thông tư số 116/2026/TT-BCA");
        assertThat(after.field("request").orElseThrow().label().vi()).isEqualTo("Nội dung đề nghị(3)");
        assertThat(reg.all()).contains(after).doesNotContain(before);
        // the older versions stay as data
        assertThat(reg.versions("ct01")).extracting(v -> v.legalBasis().instrument()).containsExactly(
                "Thông tư số 116/2026/TT-BCA", "Thông tư số 53/2025/TT-BCA", "Thông tư số 66/2023/TT-BCA");
        clock.now = java.time.Instant.parse("2024-03-01T00:00:00Z");
        assertThat(reg.get("ct01").orElseThrow().legalBasis().instrument()).isEqualTo("Thông tư số 66/2023/TT-BCA");
    }

    @Test
    void theCriminalRecordRequestGoesToThePoliceUnderThongTu06Of2024() {
        FormRegistry reg = FormRegistry.load(KioskConfig.builder().build(), at("2026-12-06"));
        for (String id : new String[] {"ly-lich-tu-phap", "ly-lich-tu-phap-uy-quyen"}) {
            FormDefinition f = reg.get(id).orElseThrow();
            assertThat(f.legalBasis().instrument()).isEqualTo("Thông tư số 06/2024/TT-BTP");
            assertThat(f.legalBasis().inForceFrom()).isEqualTo("2024-07-01");
            assertThat(f.field("addressee").orElseThrow().source()).isEqualTo("config:authority.criminalRecords");
            assertThat(f.field("addressee").orElseThrow().hint().vi()).startsWith("Công an tỉnh/thành phố")
                    .doesNotContain("Sở Tư pháp");
            assertThat(f.formCode()).endsWith("/2024/LLTP");
            assertThat(f.field("phone").orElseThrow().required()).isFalse();
        }
        assertThat(reg.get("ly-lich-tu-phap-uy-quyen").orElseThrow().cardRoles())
                .extracting(FormDefinition.CardRole::id).containsExactly("applicant", "subject");
        for (String id : new String[] {"khai-sinh", "xac-nhan-hon-nhan"}) {
            assertThat(reg.get(id).orElseThrow().legalBasis().instrument()).startsWith("Thông tư số 04/2024/TT-BTP");
        }
    }

    @Test
    void twoVersionsInForceOnTheSameDayAreRefused(@TempDir Path dir) throws Exception {
        String a = minimal("x", "citizen", "\"source\": \"person.fullName\"").replace("\"version\": \"test\"",
                "\"version\": \"a\", \"validFrom\": \"2025-01-01\"");
        String b = minimal("x", "citizen", "\"source\": \"person.fullName\"").replace("\"version\": \"test\"",
                "\"version\": \"b\", \"validFrom\": \"2026-01-01\"");
        write(dir, "a.json", a);
        write(dir, "b.json", b);
        assertThatThrownBy(() -> FormRegistry.select(FormRegistry.loadDir(dir), Mode.CITIZEN, Set.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("both in force");
    }

    private static java.time.Clock at(String day) {
        return java.time.Clock.fixed(java.time.LocalDate.parse(day).atStartOfDay(VN).toInstant(), VN);
    }

    private static final java.time.ZoneId VN = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    /** A clock the test moves (the kiosk's own clock is Clock.systemDefaultZone()). */
    private static final class MutableClockForTest extends java.time.Clock {
        volatile java.time.Instant now;

        MutableClockForTest(java.time.Instant start) {
            now = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return VN;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void theRepositoryConfigDirectoryHoldsTheSameForms() {
        Path dir = Path.of("..", "config", "forms");
        assertThat(FormRegistry.loadDir(dir).keySet()).isEqualTo(FormRegistry.loadBundled().keySet());
    }

    @Test
    void enabledFormsRestrictTheList() {
        FormRegistry reg = FormRegistry.load(KioskConfig.builder().enabledForms(Set.of("khai-sinh")).build());
        assertThat(reg.all()).extracting(FormDefinition::id).containsExactly("khai-sinh");
    }

    @Test
    void anUnknownEnabledFormIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> FormRegistry.load(KioskConfig.builder().enabledForms(Set.of("ct02")).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("forms.enabled")
                .hasMessageContaining("ct02");
    }

    @Test
    void formsOfAnotherAudienceAreNotOffered(@TempDir Path dir) throws Exception {
        write(dir, "guest.json", minimal("guest-card", "lodging", "\"source\": \"person.fullName\""));
        Map<String, FormDefinition> all = FormRegistry.loadDir(dir);
        assertThat(FormRegistry.select(all, Mode.CITIZEN, Set.of()).all()).isEmpty();
        assertThat(FormRegistry.select(all, Mode.LODGING, Set.of()).all()).hasSize(1);
    }

    @Test
    void aNewFormNeedsOnlyAJsonFile(@TempDir Path dir) throws Exception {
        write(dir, "new.json", minimal("giay-moi", "citizen", "\"source\": \"person.placeOfOrigin|upper\""));
        FormDefinition def = FormRegistry.loadDir(dir).get("new");
        assertThat(def.fields()).hasSize(1);
    }

    @Test
    void brokenDefinitionsNameTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        expectBroken(dir, minimal("x", "citizen", "\"source\": \"person.fulName\""), "unknown card path 'person.fulName'");
        expectBroken(dir, minimal("x", "citizen", "\"source\": \"mother:person.fullName\""), "card role 'mother' is not declared");
        expectBroken(dir, minimal("x", "citizen", "\"pattern\": \"([0-9]\""), "bad pattern");
        expectBroken(dir, minimal("x", "citizen", "\"type\": \"checkbox\""), "unknown field type 'checkbox'");
        expectBroken(dir, minimal("x", "citizen", "\"source\": \"person.dateOfBirth|date:qqqq-ZZ-j\""), "bad date pattern");
        expectBroken(dir, minimal("x", "citizen", "\"sorce\": \"person.fullName\""), "sorce");
        expectBroken(dir, minimal("x", "citizen", "\"type\": \"select\""), "a select needs options");
        expectBroken(dir, minimal("x", "hotel", "\"required\": true"), "unknown mode 'hotel'");
        expectBroken(dir, "{ not json", "bad.json");
    }

    private static void expectBroken(Path dir, String json, String message) throws Exception {
        Path f = write(dir, "bad.json", json);
        assertThatThrownBy(() -> FormRegistry.loadDir(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("forms.dir")
                .hasMessageContaining("bad.json")
                .hasMessageContaining(message);
        Files.delete(f);
    }

    static String minimal(String id, String audience, String fieldExtra) {
        return "{ \"id\": \"" + id + "\", \"version\": \"test\", \"title\": { \"vi\": \"Giấy thử\" }, \"audience\": \""
                + audience + "\", \"sections\": [ { \"id\": \"s\", \"fields\": [ { \"id\": \"a\", \"label\": { \"vi\": \"A\" }, "
                + fieldExtra + " } ] } ] }";
    }

    private static Path write(Path dir, String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
    }
}
