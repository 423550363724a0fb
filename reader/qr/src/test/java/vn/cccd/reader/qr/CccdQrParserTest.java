package vn.cccd.reader.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.qr.QrException.Reason;

class CccdQrParserTest {
    private static final LocalDate TODAY = QrSamples.TODAY;
    /** The fake examples of cccd-card.md §4.1. */
    private static final String DOC_EXAMPLE_1 =
            "001090123456||Nguyễn Văn A|01011990|Nam|Số 1 Phố X, Phường Y, Quận Z, Hà Nội|15042021";
    private static final String DOC_EXAMPLE_2 =
            "001090123456|012345678|NGUYỄN VĂN A|01011990|Nam|Thôn X, Xã Y, Huyện Z, Tỉnh W|15042021";

    static CccdQr parse(String s) {
        return CccdQrParser.parse(s, TODAY);
    }

    @Test
    void parsesThe2021Format() {
        CccdQr qr = parse(DOC_EXAMPLE_2);
        assertThat(qr.format()).isEqualTo(QrFormat.CCCD2021);
        assertThat(qr.payload()).isEqualTo(DOC_EXAMPLE_2);
        QrFields f = qr.fields();
        assertThat(f.idNumber()).isEqualTo("001090123456");
        assertThat(f.oldIdNumber()).isEqualTo("012345678");
        assertThat(f.fullName()).isEqualTo("NGUYỄN VĂN A");
        assertThat(f.dateOfBirth()).isEqualTo("1990-01-01");
        assertThat(f.sex()).isEqualTo("Nam");
        assertThat(f.placeOfResidence()).isEqualTo("Thôn X, Xã Y, Huyện Z, Tỉnh W");
        assertThat(f.issueDate()).isEqualTo("2021-04-15");
        assertThat(f.extra()).isEmpty();
        assertThat(qr.warnings()).isEmpty();
    }

    @Test
    void emptyFieldsStayEmptyPositions() {
        CccdQr qr = parse(DOC_EXAMPLE_1);
        assertThat(qr.fields().oldIdNumber()).isNull();
        assertThat(qr.fields().fullName()).isEqualTo("Nguyễn Văn A");
        CccdQr noAddress = parse("001195004821|151987654|Nguyễn Thị Hồng Nhung|17081995|Nữ||15042021");
        assertThat(noAddress.fields().placeOfResidence()).isNull();
        assertThat(noAddress.fields().sex()).isEqualTo("Nữ");
        assertThat(noAddress.fields().issueDate()).isEqualTo("2021-04-15");
    }

    @Test
    void the2024FormatClassifiesTheExtraFields() {
        CccdQr qr = parse("079224001234||Trần Minh Khôi|05032024|Nam|Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"
                + "|20082024|079224009999|Trần Văn Hùng|Lê Thị Mai");
        assertThat(qr.format()).isEqualTo(QrFormat.CAN_CUOC2024);
        assertThat(qr.fields().oldIdNumber()).isNull();
        assertThat(qr.fields().extra()).containsExactly(
                new QrExtra(8, QrExtra.Kind.CANCELLED_ID_NUMBER, "079224009999"),
                new QrExtra(9, QrExtra.Kind.PARENT_NAME, "Trần Văn Hùng"),
                new QrExtra(10, QrExtra.Kind.PARENT_NAME, "Lê Thị Mai"));
    }

    @Test
    void aListOfCancelledNumbersIsSplitAndEmptyExtrasAreSkipped() {
        CccdQr qr = parse("001090123456|012345678|Nguyễn Văn A|01011990|Nam|Hà Nội|02092024|001090111111,"
                + "001090222222||987654321|x-7");
        assertThat(qr.fields().extra()).containsExactly(
                new QrExtra(8, QrExtra.Kind.CANCELLED_ID_NUMBER, "001090111111"),
                new QrExtra(8, QrExtra.Kind.CANCELLED_ID_NUMBER, "001090222222"),
                new QrExtra(10, QrExtra.Kind.OLD_ID_NUMBER, "987654321"),
                new QrExtra(11, QrExtra.Kind.UNKNOWN, "x-7"));
    }

    @Test
    void extraFieldsOfNoKnownKindAreKeptAndNamedByPosition() {
        CccdQr qr = parse("079224001234||Trần Minh Khôi|05032024|Nam|Hà Nội|20082024|079224009999|Trần Văn Hùng"
                + "|Lê Thị Mai|01012030|A1-B2");
        assertThat(qr.format()).isEqualTo(QrFormat.CAN_CUOC2024);
        assertThat(qr.fields().fullName()).isEqualTo("Trần Minh Khôi");
        assertThat(qr.fields().issueDate()).isEqualTo("2024-08-20");
        assertThat(qr.fields().extra()).containsExactly(
                new QrExtra(8, QrExtra.Kind.CANCELLED_ID_NUMBER, "079224009999"),
                new QrExtra(9, QrExtra.Kind.PARENT_NAME, "Trần Văn Hùng"),
                new QrExtra(10, QrExtra.Kind.PARENT_NAME, "Lê Thị Mai"),
                new QrExtra(11, QrExtra.Kind.UNKNOWN, "01012030"),
                new QrExtra(12, QrExtra.Kind.UNKNOWN, "A1-B2"));
        assertThat(qr.warnings()).extracting(QrWarning::code, QrWarning::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(QrWarning.Code.UNEXPECTED_FIELD, "extra"),
                org.assertj.core.groups.Tuple.tuple(QrWarning.Code.UNEXPECTED_FIELD, "extra"));
        assertThat(qr.warnings().get(0).message()).contains("field 11").contains("a date?")
                .doesNotContain("01012030");
        assertThat(qr.warnings().get(1).message()).contains("field 12").doesNotContain("A1-B2");
        assertThat(qr.hasUncertainText()).isFalse();
    }

    @Test
    void aFieldInAnUnexpectedPlaceIsKeptWithItsPositionInsteadOfRefusingTheCode() {
        // a parent's name where the old CMND belongs, an ID number where the issue date belongs, the CMND after them
        CccdQr qr = parse("001090123456|Trần Văn Hùng|Nguyễn Văn A|01011990|Nam|Hà Nội|001090111111|012345678");
        QrFields f = qr.fields();
        assertThat(f.idNumber()).isEqualTo("001090123456");
        assertThat(f.fullName()).isEqualTo("Nguyễn Văn A");
        assertThat(f.dateOfBirth()).isEqualTo("1990-01-01");
        assertThat(f.oldIdNumber()).isNull();
        assertThat(f.issueDate()).isNull();
        assertThat(f.extra()).containsExactly(
                new QrExtra(2, QrExtra.Kind.PARENT_NAME, "Trần Văn Hùng"),
                new QrExtra(7, QrExtra.Kind.CANCELLED_ID_NUMBER, "001090111111"),
                new QrExtra(8, QrExtra.Kind.OLD_ID_NUMBER, "012345678"));
        assertThat(qr.warnings()).extracting(QrWarning::code, QrWarning::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(QrWarning.Code.UNEXPECTED_FIELD, "oldIdNumber"),
                org.assertj.core.groups.Tuple.tuple(QrWarning.Code.UNEXPECTED_FIELD, "issueDate"));
        assertThat(qr.warnings().get(0).message()).contains("field 2").contains("a name").doesNotContain("Hùng");
        assertThat(qr.warnings().get(1).message()).contains("field 7").contains("12 digits")
                .doesNotContain("001090111111");
        // a date where the CMND belongs
        CccdQr dated = parse("001090123456|15042021|Nguyễn Văn A|01011990|Nam|Hà Nội|");
        assertThat(dated.fields().extra()).containsExactly(new QrExtra(2, QrExtra.Kind.UNKNOWN, "15042021"));
        assertThat(dated.warnings()).extracting(QrWarning::message).singleElement().asString().contains("field 2");
    }

    @Test
    void sevenFieldsIssuedUnderTheNewLawAreACanCuoc() {
        assertThat(parse("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01072024").format())
                .isEqualTo(QrFormat.CAN_CUOC2024);
        assertThat(parse("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|30062024").format())
                .isEqualTo(QrFormat.CCCD2021);
    }

    @Test
    void textIsNfcAndScannerLineEndsAreDropped() {
        String nfd = Normalizer.normalize(DOC_EXAMPLE_1, Normalizer.Form.NFD);
        CccdQr qr = parse("\uFEFF" + nfd + "\r\n");
        assertThat(qr.fields().fullName()).isEqualTo("Nguyễn Văn A");
        assertThat(Normalizer.isNormalized(qr.fields().fullName(), Normalizer.Form.NFC)).isTrue();
        assertThat(qr.fields().placeOfResidence()).isEqualTo("Số 1 Phố X, Phường Y, Quận Z, Hà Nội");
        assertThat(qr.warnings()).isEmpty();
    }

    @Test
    void givesTheChipKeysInOrder() {
        CccdQr qr = parse(DOC_EXAMPLE_1);
        // born 1990-01-01, issued 2021-04-15 at 31: valid to the 40th birthday
        assertThat(qr.accessKeys(TODAY)).containsExactly(new MrzKey("090123456", "900101", "300101"));
        assertThat(qr.accessKeys(TODAY).get(0).mrzInformation()).isEqualTo("090123456290010113001019");
        CccdQr noIssue = parse("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|");
        assertThat(noIssue.fields().issueDate()).isNull();
        assertThat(noIssue.accessKeys(TODAY)).hasSizeGreaterThan(1).first()
                .isEqualTo(new MrzKey("090123456", "900101", "300101"));
    }

    @Test
    void theJsonHasTheContractNames() throws Exception {
        JsonNode j = Json.MAPPER.readTree(Json.write(parse(DOC_EXAMPLE_2)));
        assertThat(j.get("format").asText()).isEqualTo("CCCD2021");
        assertThat(j.get("payload").asText()).isEqualTo(DOC_EXAMPLE_2);
        JsonNode f = j.get("fields");
        assertThat(f.fieldNames()).toIterable().containsExactly("idNumber", "oldIdNumber", "fullName", "dateOfBirth",
                "sex", "placeOfResidence", "issueDate", "extra");
        assertThat(f.get("dateOfBirth").asText()).isEqualTo("1990-01-01");
        assertThat(f.get("extra").isArray()).isTrue();
        JsonNode empty = Json.MAPPER.readTree(Json.write(parse(DOC_EXAMPLE_1))).get("fields");
        assertThat(empty.get("oldIdNumber").isNull()).isTrue();
    }

    @Test
    void neverPrintsPersonalData() {
        CccdQr qr = parse(DOC_EXAMPLE_2);
        assertThat(qr.toString() + qr.fields() + qr.fields().extra())
                .doesNotContain("001090123456").doesNotContain("NGUYỄN").doesNotContain("012345678");
    }

    // ---- keyboard-wedge damage ------------------------------------------------------------------------------

    /** What a wedge scanner types: each UTF-8 byte as the Windows-1252 character (C1 controls for the 5 holes). */
    static String asWindows1252(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        java.nio.charset.Charset cp = java.nio.charset.Charset.forName("windows-1252");
        for (byte x : b) {
            String c = new String(new byte[] {x}, cp);
            out.append(c.equals("\uFFFD") ? (char) (x & 0xFF) : c.charAt(0));
        }
        return out.toString();
    }

    static String asLatin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void repairsUtf8ReadAsWindows1252() {
        String mangled = asWindows1252(DOC_EXAMPLE_1);
        assertThat(mangled).contains("Nguyá»…n");
        CccdQr qr = parse(mangled);
        assertThat(qr.fields().fullName()).isEqualTo("Nguyễn Văn A");
        assertThat(qr.fields().placeOfResidence()).isEqualTo("Số 1 Phố X, Phường Y, Quận Z, Hà Nội");
        assertThat(qr.payload()).isEqualTo(mangled);
        assertThat(qr.warnings()).extracting(QrWarning::code).containsOnly(QrWarning.Code.TEXT_REPAIRED);
        assertThat(qr.hasUncertainText()).isFalse();
    }

    @Test
    void repairsUtf8ReadAsLatin1AndTheSexField() {
        CccdQr qr = parse(asLatin1("001195004821|151987654|ĐẶNG THỊ HỒNG NHUNG|17081995|Nữ|Xã Ỷ La|15042021"));
        assertThat(qr.fields().fullName()).isEqualTo("ĐẶNG THỊ HỒNG NHUNG");
        assertThat(qr.fields().sex()).isEqualTo("Nữ");
        assertThat(qr.fields().placeOfResidence()).isEqualTo("Xã Ỷ La");
    }

    @Test
    void aDroppedByteIsFilledWhenOnlyOneLetterFits() {
        // "Đ" is C4 90 and 0x90 has no Windows-1252 character: the scanner dropped it. C4 + one of the five holes
        // gives a Vietnamese letter only for 90.
        String mangled = asWindows1252("Đặng Văn Bình").replace("\u0090", "");
        CccdQr qr = parse("001090123456||" + mangled + "|01011990|Nam|Hà Nội|15042021");
        assertThat(qr.fields().fullName()).isEqualTo("Đặng Văn Bình");
        assertThat(qr.hasUncertainText()).isFalse();
    }

    @Test
    void anAmbiguousLostLetterIsFlaggedNotGuessed() {
        // "ề" is E1 BB 81 and "ọ" E1 BB 8D: with the last byte lost, either could have been meant
        String mangled = asWindows1252("Nguyễn Thị Huyền").replace("\u0081", "?");
        CccdQr qr = parse("001190123456||" + mangled + "|01011990|Nữ|Hà Nội|15042021");
        assertThat(qr.fields().fullName()).isEqualTo("Nguyễn Thị Huy\uFFFDn");
        assertThat(qr.warnings()).extracting(QrWarning::code, QrWarning::field)
                .contains(org.assertj.core.groups.Tuple.tuple(QrWarning.Code.TEXT_UNCERTAIN, "fullName"));
        assertThat(qr.hasUncertainText()).isTrue();
    }

    @Test
    void questionMarksForLettersAreFlagged() {
        CccdQr qr = parse("001190123456||Nguy?n Th? Hoa|01011990|N?|H? N?i|15042021");
        assertThat(qr.fields().fullName()).isEqualTo("Nguy\uFFFDn Th\uFFFD Hoa");
        assertThat(qr.fields().sex()).isEqualTo("Nữ");
        assertThat(qr.warnings()).extracting(QrWarning::field).contains("fullName", "placeOfResidence", "sex");
    }

    @Test
    void droppedDiacriticsAreFlagged() {
        CccdQr qr = parse("001190123456||NGUYEN THI HOA|01011990|Nu|Ha Noi|15042021");
        assertThat(qr.fields().sex()).isEqualTo("Nữ");
        assertThat(qr.fields().fullName()).isEqualTo("NGUYEN THI HOA");
        assertThat(qr.warnings()).extracting(QrWarning::code, QrWarning::field).contains(
                org.assertj.core.groups.Tuple.tuple(QrWarning.Code.DIACRITICS_MISSING, "fullName"),
                org.assertj.core.groups.Tuple.tuple(QrWarning.Code.DIACRITICS_MISSING, "placeOfResidence"));
        assertThat(qr.hasUncertainText()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lê Thành", "NGÃ", "Ê Đê", "Võ Thị Sáu", "Bà Rịa – Vũng Tàu", "ÂU CƠ"})
    void correctTextIsNeverRepaired(String text) {
        WedgeText.Result r = WedgeText.repair(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.outcome()).isEqualTo(WedgeText.Outcome.UNCHANGED);
    }

    static Stream<QrSamples.Sample> samples() {
        QrSamples g = new QrSamples(0xC0FFEEL);
        return IntStream.range(0, 200).mapToObj(i -> g.next());
    }

    /** Property: every generated payload parses to its fields, as is and after a wedge scanner mangled it. */
    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesAndSurvivesTheWedge(QrSamples.Sample s) {
        CccdQr qr = parse(s.payload());
        assertThat(qr.fields()).usingRecursiveComparison().isEqualTo(s.fields());
        assertThat(qr.format()).isEqualTo(s.format());
        assertThat(qr.warnings()).isEmpty();
        for (String mangled : List.of(asWindows1252(s.payload()), asLatin1(s.payload()))) {
            CccdQr repaired = parse(mangled);
            assertThat(repaired.fields()).usingRecursiveComparison().isEqualTo(s.fields());
            assertThat(repaired.hasUncertainText()).isFalse();
        }
        // the 5 holes of Windows-1252 lost: never a wrong letter, at worst U+FFFD with a warning
        String lossy = asWindows1252(s.payload()).replaceAll("[\u0081\u008D\u008F\u0090\u009D]", "");
        CccdQr damaged = parse(lossy);
        assertThat(damaged.fields().idNumber()).isEqualTo(s.fields().idNumber());
        assertThat(damaged.fields().dateOfBirth()).isEqualTo(s.fields().dateOfBirth());
        assertLettersRightOrUnknown(damaged.fields().fullName(), s.fields().fullName());
        if (damaged.fields().fullName().contains("\uFFFD")) {
            assertThat(damaged.hasUncertainText()).isTrue();
        }
    }

    private static void assertLettersRightOrUnknown(String got, String expected) {
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.length(); i++) {
            if (got.charAt(i) != '\uFFFD') {
                assertThat(got.charAt(i)).as("letter %d", i).isEqualTo(expected.charAt(i));
            }
        }
    }

    // ---- hostile and wrong input ----------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '#', value = {
        "https://example.vn/a?b=c# NOT_CCCD",
        "WIFI:S:cafe;T:WPA;P:12345678;;# NOT_CCCD",
        "hello|world|this|is|not|a|card# NOT_CCCD",
        "0010901234|012345678|Nguyễn Văn A|01011990|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001090123456|012345678|Nguyễn Văn A|01011990|Nam# INVALID_CCCD_QR",
        "001090123456|012345678|Nguyễn Văn A|01011990|Nam|Hà Nội# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|31021990|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|31132021# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|15041985# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|15042031# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|1990-01-01|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|01011991|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001290123456||Nguyễn Văn A|01011990|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001190123456||Nguyễn Văn A|01011990|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|01011990|Male|Hà Nội|15042021# INVALID_CCCD_QR",
        "001090123456|12345|Nguyễn Văn A|01011990|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001090123456|<b>|Nguyễn Văn A|01011990|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|2021-04-15# INVALID_CCCD_QR",
        "001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|150420# INVALID_CCCD_QR",
        "001090123456|||01011990|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001090123456||<script>|01011990|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "001326123456||Nguyễn Văn A|01012126|Nam|Hà Nội|15042021# INVALID_CCCD_QR",
        "|# NOT_CCCD",
        "'   '# NOT_CCCD",
    })
    void refusesWhatCannotBeACccdQrCode(String payload, Reason reason) {
        assertThatThrownBy(() -> parse(payload)).isInstanceOfSatisfying(QrException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.code()).isEqualTo(reason.name());
            assertThat(e.getMessage()).doesNotContain("123456").doesNotContain("Nguyễn");
        });
    }

    @Test
    void aUrlIsNamedAsSuch() {
        assertThatThrownBy(() -> parse("https://dichvucong.gov.vn/x")).hasMessageContaining("link");
    }

    @Test
    void controlCharactersTooLongAndTooManyFieldsAreRefused() {
        assertThatThrownBy(() -> parse("001090123456||Nguyễn\u0000 Văn A|01011990|Nam|Hà Nội|15042021"))
                .isInstanceOfSatisfying(QrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CCCD_QR));
        assertThatThrownBy(() -> parse(DOC_EXAMPLE_1 + "|" + "x".repeat(4000)))
                .isInstanceOfSatisfying(QrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CCCD_QR));
        assertThatThrownBy(() -> parse(DOC_EXAMPLE_1 + "|".repeat(40)))
                .isInstanceOfSatisfying(QrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CCCD_QR));
        assertThatThrownBy(() -> parse(null))
                .isInstanceOfSatisfying(QrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CCCD));
    }

    /** Property: every prefix of a valid payload is either refused with a typed error or parses to a true prefix. */
    @Test
    void truncatedPayloadsNeverGiveWrongData() {
        QrSamples g = new QrSamples(7L);
        for (int n = 0; n < 30; n++) {
            QrSamples.Sample s = g.cccd2021();
            for (int cut = 0; cut < s.payload().length(); cut++) {
                String prefix = s.payload().substring(0, cut);
                try {
                    CccdQr qr = parse(prefix);
                    // only a cut inside the issue date's field can still parse: then it must be the same card
                    assertThat(qr.fields().idNumber()).isEqualTo(s.fields().idNumber());
                    assertThat(qr.fields().fullName()).isEqualTo(s.fields().fullName());
                    assertThat(qr.fields().dateOfBirth()).isEqualTo(s.fields().dateOfBirth());
                    assertThat(qr.fields().issueDate()).isNull();
                } catch (QrException e) {
                    assertThat(e.reason()).isIn(Reason.NOT_CCCD, Reason.INVALID_CCCD_QR);
                }
            }
        }
    }

    /** Property: seeded random garbage never crashes the parser. */
    @Test
    void randomGarbageGivesTypedErrorsOnly() {
        java.util.Random r = new java.util.Random(99);
        String alphabet = "0123456789|||ăâđêôơưÃ»¡\u0081\u0090 ?-,\r\n\t\uFFFD";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(120);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            try {
                parse(sb.toString());
            } catch (QrException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }
}
