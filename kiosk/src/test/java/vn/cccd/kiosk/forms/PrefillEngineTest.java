package vn.cccd.kiosk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Person;

class PrefillEngineTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Map<String, String> STATION = Map.of("authority.police", "Công an phường Đồng Tâm",
            "authority.commune", "Ủy ban nhân dân phường Đồng Tâm", "place", "Hà Nội");
    private final PrefillEngine engine = new PrefillEngine(STATION);
    private final FormRegistry forms = FormRegistry.load(KioskConfig.builder().build());

    static Stream<Arguments> everyFormWithEveryCccdPersona() {
        FormRegistry reg = FormRegistry.load(KioskConfig.builder().build());
        return reg.all().stream().flatMap(f -> Personas.builtIn().stream().filter(p -> p.isCccd())
                .map(p -> Arguments.of(f.id(), p.name())));
    }

    /** The generic check of every form against every persona: chip fields hold exactly the card's values. */
    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("everyFormWithEveryCccdPersona")
    void chipFieldsHoldTheCardValuesAndAreReadOnly(String formId, String persona) {
        FormDefinition def = forms.get(formId).orElseThrow();
        CardReadResult card = TestCards.authentic(persona);
        Prefill p = engine.prefill(def, List.of(card), null, TODAY);
        for (FormDefinition.Field f : def.fields()) {
            if (f.source() == null || !f.source().startsWith("person.")) {
                continue;
            }
            SourceExpression e = SourceExpression.parse(f.source());
            String expected = e.evaluate(contextOf(card));
            assertThat(p.fields().get(f.id())).as(f.id()).isEqualTo(expected);
            // a converted address is a proposal the person confirms or edits, with the card's original beside it
            assertThat(p.readOnly().contains(f.id())).as(f.id() + " read-only")
                    .isEqualTo(expected != null && !e.convertsAddress());
            if (e.convertsAddress() && card.person().placeOfResidence() != null) {
                assertThat(p.addresses().get(f.id()).original()).isEqualTo(card.person().placeOfResidence());
            }
        }
        for (String missing : p.missing()) {
            assertThat(def.field(missing).orElseThrow().required()).isTrue();
            assertThat(p.fields()).doesNotContainKey(missing);
        }
    }

    @Test
    void ct01TakesNameDateSexAndIdNumberFromTheChip() {
        Person who = TestCards.person("nguyen-thi-hong-nhung");
        Prefill p = engine.prefill(forms.get("ct01-2023").orElseThrow(),
                List.of(TestCards.authentic("nguyen-thi-hong-nhung")), null, TODAY);
        assertThat(p.fields()).containsEntry("fullName", "Nguyễn Thị Hồng Nhung")
                .containsEntry("dateOfBirth", "17/08/1995")
                .containsEntry("sex", "Nữ")
                .containsEntry("idNumber", who.idNumber())
                .containsEntry("addressee", "Công an phường Đồng Tâm");
        assertThat(p.readOnly()).containsExactly("fullName", "dateOfBirth", "sex", "idNumber");
        // the station value is a starting point the person may change: not read-only
        assertThat(p.readOnly()).doesNotContain("addressee");
        // TT116: the phone number is optional; the request waits for the person's pick of the split Phường Đồng Tâm
        assertThat(p.missing()).containsExactly("headName", "headRelation", "headIdNumber", "request");
    }

    @Test
    void withoutACardNothingComesFromAChip() {
        Prefill p = engine.prefill(forms.get("ct01-2023").orElseThrow(), List.of(), null, TODAY);
        assertThat(p.readOnly()).isEmpty();
        assertThat(p.missing()).contains("fullName", "idNumber");
    }

    @Test
    void birthRegistrationTakesMotherAndFatherFromTwoCardsBySex() {
        CardReadResult mother = TestCards.authentic("nguyen-thi-hong-nhung");
        CardReadResult father = TestCards.authentic("dang-quoc-viet");
        FormDefinition def = forms.get("khai-sinh").orElseThrow();
        // the father's card read first: roles still follow the cards, the requester is the first card
        Prefill p = engine.prefill(def, List.of(father, mother), null, TODAY);
        assertThat(p.cards()).containsEntry("father", 0).containsEntry("mother", 1);
        assertThat(p.fields()).containsEntry("requesterName", father.person().fullName())
                .containsEntry("motherName", "Nguyễn Thị Hồng Nhung")
                .containsEntry("motherBirthYear", "1995")
                .containsEntry("motherEthnicity", mother.person().ethnicity())
                .containsEntry("fatherName", father.person().fullName())
                .containsEntry("fatherBirthYear", father.person().dateOfBirth().substring(0, 4))
                .containsEntry("requesterDocument", "Thẻ căn cước/CCCD số " + father.person().idNumber())
                .containsEntry("childNationality", "Việt Nam");
        assertThat(p.readOnly()).contains("motherName", "fatherName").doesNotContain("motherResidence", "fatherResidence");
        assertThat(p.addresses().get("motherResidence").original()).isEqualTo(mother.person().placeOfResidence());
        assertThat(p.addresses().get("fatherResidence").original()).isEqualTo(father.person().placeOfResidence());
        // Thạc Gián (Thanh Khê, Đà Nẵng) went whole to Phường Thanh Khê
        assertThat(p.fields()).containsEntry("fatherResidence", "Tổ 23, Phường Thanh Khê, Thành phố Đà Nẵng");
    }

    @Test
    void oneCardFillsOnlyItsParentAndLeavesTheOtherEditable() {
        FormDefinition def = forms.get("khai-sinh").orElseThrow();
        Prefill p = engine.prefill(def, List.of(TestCards.authentic("nguyen-thi-hong-nhung")), null, TODAY);
        assertThat(p.fields()).containsEntry("motherName", "Nguyễn Thị Hồng Nhung").doesNotContainKey("fatherName");
        assertThat(p.readOnly()).doesNotContain("fatherName");
    }

    @Test
    void thePersonCanSayACardIsNotAParent() {
        FormDefinition def = forms.get("khai-sinh").orElseThrow();
        // a grandmother registering the birth: her card fills the requester only
        Prefill p = engine.prefill(def, List.of(TestCards.authentic("nguyen-thi-a")), List.of("-"), TODAY);
        assertThat(p.fields()).containsEntry("requesterName", "Nguyễn Thị A").doesNotContainKey("motherName");
        assertThatThrownBy(() -> engine.prefill(def, List.of(TestCards.authentic("nguyen-thi-a")), List.of("aunt"), TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aunt");
    }

    @Test
    void criminalRecordFormTakesParentsAndSpouseFromTheChipWhenPresent() {
        FormDefinition def = forms.get("ly-lich-tu-phap").orElseThrow();
        Person a = TestCards.person("nguyen-thi-a");
        Prefill p = engine.prefill(def, List.of(TestCards.authentic("nguyen-thi-a")), null, TODAY);
        assertThat(p.fields()).containsEntry("fatherName", a.fatherName()).containsEntry("motherName", a.motherName())
                .containsEntry("spouseName", a.spouseName())
                .containsEntry("issueDate", LocalDate.parse(a.issueDate()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        Prefill single = engine.prefill(def, List.of(TestCards.authentic("nguyen-thi-hong-nhung")), null, TODAY);
        // no spouse on the card: left empty and editable, never invented
        assertThat(single.fields()).doesNotContainKey("spouseName");
        assertThat(single.readOnly()).doesNotContain("spouseName");
    }

    private SourceExpression.SourceContext contextOf(CardReadResult card) {
        return engine.context(forms.get("ct01-2023").orElseThrow(), List.of(card), null, TODAY);
    }
}
