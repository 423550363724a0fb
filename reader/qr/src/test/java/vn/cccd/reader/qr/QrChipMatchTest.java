package vn.cccd.reader.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.model.Person;

class QrChipMatchTest {
    private static final String QR =
            "001195004821|151987654|NGUYỄN THỊ HỒNG NHUNG|17081995|Nữ|Phường Điện Biên, Quận Ba Đình, Hà Nội|15042021";

    static Person chip(String id, String name, String dob, String sex, String oldId, String issue) {
        return new Person(id, name, dob, sex, "Việt Nam", "Kinh", "Không", "Hà Nội",
                "Phường Điện Biên, Quận Ba Đình, Hà Nội", null, issue, "2035-08-17", "Nguyễn Văn B", "Lê Thị C", null,
                oldId);
    }

    static Person sameCard() {
        return chip("001195004821", "Nguyễn Thị Hồng Nhung", "1995-08-17", "Nữ", "151987654", "2021-04-15");
    }

    @Test
    void theSameCardMatchesWhateverTheCaseAndNormalisation() {
        CccdQr qr = CccdQrParser.parse(QR, QrSamples.TODAY);
        assertThat(QrChipMatch.qrMatchesChip(qr, sameCard())).isTrue();
        Person nfd = chip("001195004821", Normalizer.normalize("nguyễn  thị hồng nhung ", Normalizer.Form.NFD),
                "1995-08-17", "Nữ", "151987654", "2021-04-15");
        assertThat(QrChipMatch.mismatches(qr, nfd)).isEmpty();
    }

    @Test
    void eachDifferingFieldIsNamed() {
        CccdQr qr = CccdQrParser.parse(QR, QrSamples.TODAY);
        assertThat(QrChipMatch.mismatches(qr, chip("001195004822", "Nguyễn Thị Hồng Nhung", "1995-08-17", "Nữ",
                "151987654", "2021-04-15"))).containsExactly("idNumber");
        assertThat(QrChipMatch.mismatches(qr, chip("001195004821", "Nguyễn Thị Hồng Nhụng", "1995-08-18", "Nam",
                "151987655", "2021-04-16")))
                .containsExactly("fullName", "dateOfBirth", "sex", "oldIdNumber", "issueDate");
        assertThat(QrChipMatch.qrMatchesChip(qr, chip("001195004821", "Nguyen Thi Hong Nhung", "1995-08-17", "Nữ",
                null, null))).isFalse();
    }

    @Test
    void whatOneSideLacksIsNotCompared() {
        CccdQr qr = CccdQrParser.parse(QR, QrSamples.TODAY);
        assertThat(QrChipMatch.qrMatchesChip(qr, chip("001195004821", "Nguyễn Thị Hồng Nhung", "1995-08-17", null,
                null, null))).isTrue();
        assertThat(QrChipMatch.qrMatchesChip(null, sameCard())).isNull();
        assertThat(QrChipMatch.qrMatchesChip(qr, null)).isNull();
    }

    @Test
    void scannerDamageIsNotTamperingButAnotherNameIs() {
        CccdQr stripped = CccdQrParser.parse(
                "001195004821|151987654|NGUYEN THI HONG NHUNG|17081995|Nu|Phuong Dien Bien|15042021", QrSamples.TODAY);
        assertThat(QrChipMatch.qrMatchesChip(stripped, sameCard())).isTrue();
        CccdQr lost = CccdQrParser.parse(
                "001195004821|151987654|NGUY?N TH? H?NG NHUNG|17081995|N?|Ph??ng|15042021", QrSamples.TODAY);
        assertThat(QrChipMatch.qrMatchesChip(lost, sameCard())).isTrue();
        CccdQr other = CccdQrParser.parse(
                "001195004821|151987654|TRAN THI HONG NHUNG|17081995|Nu|Phuong Dien Bien|15042021", QrSamples.TODAY);
        assertThat(QrChipMatch.mismatches(other, sameCard())).containsExactly("fullName");
    }

    static Stream<QrSamples.Sample> samples() {
        QrSamples g = new QrSamples(4242L);
        return IntStream.range(0, 100).mapToObj(i -> g.next());
    }

    /** Property: a card's QR matches its own chip, and never the chip of the next (different) person. */
    @ParameterizedTest
    @MethodSource("samples")
    void aCardMatchesItselfOnly(QrSamples.Sample s) {
        CccdQr qr = CccdQrParser.parse(s.payload(), QrSamples.TODAY);
        QrFields f = s.fields();
        Person own = chip(f.idNumber(), f.fullName().toLowerCase(java.util.Locale.ROOT), f.dateOfBirth(), f.sex(),
                f.oldIdNumber(), f.issueDate());
        assertThat(QrChipMatch.qrMatchesChip(qr, own)).isTrue();
        Person renamed = chip(f.idNumber(), f.fullName() + " Anh", f.dateOfBirth(), f.sex(), f.oldIdNumber(),
                f.issueDate());
        assertThat(QrChipMatch.qrMatchesChip(qr, renamed)).isFalse();
    }
}
