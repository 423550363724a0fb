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
    void bundledFormsAreTheFourOneStopProcedures() {
        FormRegistry reg = FormRegistry.load(KioskConfig.builder().build());
        assertThat(reg.all()).extracting(FormDefinition::id)
                .containsExactlyInAnyOrder("ct01-2023", "khai-sinh", "xac-nhan-hon-nhan", "ly-lich-tu-phap");
        FormDefinition ct01 = reg.get("ct01-2023").orElseThrow();
        assertThat(ct01.title().vi()).isEqualTo("Tờ khai thay đổi thông tin cư trú");
        // the 2023 numbering: 1-4 from the chip, 5-11 typed (the 2021 form had residence items 7-10)
        assertThat(ct01.fields()).filteredOn(f -> f.number() != null).extracting(FormDefinition.Field::number)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(ct01.field("headIdNumber").orElseThrow().label().vi())
                .isEqualTo("Số định danh cá nhân của chủ hộ");
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
        FormDefinition def = FormRegistry.loadDir(dir).get("giay-moi");
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
