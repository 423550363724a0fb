package vn.cccd.kiosk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestForms;
import vn.cccd.reader.model.CardReadResult;

class FormValidatorTest {
    private final FormRegistry forms = FormRegistry.load(KioskConfig.builder().build());
    private final FormValidator validator = new FormValidator(new PrefillEngine(Map.of("place", "Hà Nội",
            "authority.police", "Công an phường Đồng Tâm")),
            Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh")), "Kiosk 1");
    private final FormDefinition ct01 = forms.get("ct01-2023").orElseThrow();
    private final List<CardReadResult> cards = List.of(TestCards.authentic("nguyen-thi-hong-nhung"));

    @Test
    void aCompleteFormValidatesWithChipValuesKept() {
        FilledForm f = validator.validate(ct01, cards, new FormInput(TestForms.ct01Typed(), Map.of(), null));
        assertThat(f.value("fullName")).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(f.value("headName")).isEqualTo("Trần Văn Ưởng");
        assertThat(f.fromChip()).containsExactlyInAnyOrder("fullName", "dateOfBirth", "sex", "idNumber");
        assertThat(f.place()).isEqualTo("Hà Nội");
        assertThat(f.signatureNames()).containsExactly(null, null, null, "Nguyễn Thị Hồng Nhung");
        assertThat(f.reference()).matches("K20261122-[A-Z2-9]{6}");
        assertThat(f.verdict()).isEqualTo("AUTHENTIC");
    }

    @Test
    void typedTextIsStoredAsNfc() {
        Map<String, String> typed = TestForms.ct01Typed();
        typed.put("headName", Normalizer.normalize("Trần Văn Ưởng", Normalizer.Form.NFD));
        FilledForm f = validator.validate(ct01, cards, new FormInput(typed, Map.of(), null));
        assertThat(f.value("headName")).isEqualTo("Trần Văn Ưởng").matches(v -> Normalizer.isNormalized(v, Normalizer.Form.NFC));
    }

    @Test
    void everyProblemIsReportedPerFieldInBothLanguages() {
        Map<String, String> typed = TestForms.ct01Typed();
        typed.remove("headName");
        typed.put("phone", "12345");
        typed.put("email", "not-an-email");
        typed.put("headIdNumber", "0010800123");
        typed.put("fullName", "Someone Else");
        typed.put("nickname", "x");
        FormValidationException e = catchThrowableOfType(FormValidationException.class,
                () -> validator.validate(ct01, cards, new FormInput(typed, Map.of(), null)));
        assertThat(e.errors()).containsOnlyKeys("headName", "phone", "email", "headIdNumber", "fullName", "nickname");
        assertThat(e.errors().get("headName")).isEqualTo(FormValidator.REQUIRED);
        assertThat(e.errors().get("fullName")).isEqualTo(FormValidator.FROM_CHIP);
        assertThat(e.errors().get("headIdNumber").vi()).contains("12 chữ số");
        assertThat(e.errors().get("phone").en()).contains("10 digits");
    }

    @Test
    void theChipValueMayBeSentBackUnchanged() {
        Map<String, String> typed = TestForms.ct01Typed();
        typed.put("fullName", "Nguyễn Thị Hồng Nhung");
        typed.put("dateOfBirth", "17/08/1995");
        assertThat(validator.validate(ct01, cards, new FormInput(typed, Map.of(), null)).value("dateOfBirth"))
                .isEqualTo("17/08/1995");
    }

    @Test
    void tableRowsAreCheckedPerCellAndEmptyRowsDropped() {
        Map<String, List<Map<String, String>>> tables = Map.of("members", List.of(
                Map.of("fullName", "Trần Thị Bé", "dateOfBirth", "01/02/2015", "sex", "Nữ", "relation", "Cháu"),
                Map.of(),
                Map.of("fullName", "Trần Văn Cu", "dateOfBirth", "31/02/2016", "sex", "X", "relation", "Cháu")));
        FormValidationException e = catchThrowableOfType(FormValidationException.class,
                () -> validator.validate(ct01, cards, new FormInput(TestForms.ct01Typed(), tables, null)));
        assertThat(e.errors()).containsOnlyKeys("members.1.dateOfBirth", "members.1.sex");
        FilledForm ok = validator.validate(ct01, cards, new FormInput(TestForms.ct01Typed(),
                Map.of("members", List.of(tables.get("members").get(0), Map.of())), null));
        assertThat(ok.tables().get("members")).hasSize(1);
    }

    @Test
    void controlCharactersAndOverlongValuesAreRefused() {
        Map<String, String> typed = TestForms.ct01Typed();
        typed.put("headName", "Trần\u0007Văn");
        typed.put("headRelation", "x".repeat(51));
        FormValidationException e = catchThrowableOfType(FormValidationException.class,
                () -> validator.validate(ct01, cards, new FormInput(typed, Map.of(), null)));
        assertThat(e.errors()).containsOnlyKeys("headName", "headRelation");
    }

    @Test
    void requiredTableMustHaveARow() {
        FormDefinition lltp = forms.get("ly-lich-tu-phap").orElseThrow();
        Map<String, String> typed = new HashMap<>(Map.of("placeOfBirth", "Hà Nội", "phone", "0912345678",
                "convictions", "Không có án tích", "certificateType", "Phiếu lý lịch tư pháp số 1",
                "usePurpose", "Xin việc", "addressee", "Sở Tư pháp thành phố Hà Nội"));
        typed.put("residence", "Số 12 Ngõ 34 Phố Vọng, Phường Bạch Mai, Thành phố Hà Nội"); // a split commune: picked
        assertThatThrownBy(() -> validator.validate(lltp, cards, new FormInput(typed, Map.of(), null)))
                .isInstanceOfSatisfying(FormValidationException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("residenceHistory"));
        FilledForm f = validator.validate(lltp, cards, new FormInput(typed, Map.of("residenceHistory",
                List.of(Map.of("from", "09/2009", "to", "nay", "place", "Hà Nội"))), null));
        assertThat(f.tables().get("residenceHistory").get(0)).containsEntry("place", "Hà Nội");
    }
}
