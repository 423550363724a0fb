package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.reader.util.Hex.decode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Hex;

class Dg13FileTest {

    /**
     * Hand-checked: container SEQUENCE after a 15-byte header (INTEGER 1, an OID), ID, name, date of birth, sex,
     * nationality, a 139-byte address (30 81 91 ... 0C 81 8B: long-form lengths), expiry "Không thời hạn",
     * nested parents, the empty index 14 of the published sample, and the old CMND at 15.
     */
    static final String FIXTURE = """
            6D 82 01 55
             30 82 01 51
              02 01 01  06 0A 60 85 40 01 63 01 0D 01 00 01
              30 11 02 01 01 13 0C 30 30 31 30 39 30 31 32 33 34 35 36
              30 14 02 01 02 0C 0F 4E 67 75 79 E1 BB 85 6E 20 56 C4 83 6E 20 41
              30 0F 02 01 03 13 0A 30 31 2F 30 31 2F 31 39 39 30
              30 08 02 01 04 0C 03 4E 61 6D
              30 0F 02 01 05 0C 0A 56 69 E1 BB 87 74 20 4E 61 6D
              30 81 91 02 01 09 0C 81 8B
                53 E1 BB 91 20 31 32 20 6E 67 C3 B5 20 33 34 20 70 68 E1 BB 91 20 4E 67 75 79 E1 BB 85 6E 20 54 72
                C3 A3 69 2C 20 54 E1 BB 95 20 64 C3 A2 6E 20 70 68 E1 BB 91 20 73 E1 BB 91 20 37 2C 20 50 68 C6 B0
                E1 BB 9D 6E 67 20 C4 90 69 E1 BB 87 6E 20 42 69 C3 AA 6E 2C 20 51 75 E1 BA AD 6E 20 42 61 20 C4 90
                C3 AC 6E 68 2C 20 54 68 C3 A0 6E 68 20 70 68 E1 BB 91 20 48 C3 A0 20 4E E1 BB 99 69 2C 20 56 69 E1
                BB 87 74 20 4E 61 6D
              30 18 02 01 0C 0C 13 4B 68 C3 B4 6E 67 20 74 68 E1 BB 9D 69 20 68 E1 BA A1 6E
              30 28 02 01 0D
                30 11 0C 0F 4E 67 75 79 E1 BB 85 6E 20 56 C4 83 6E 20 42
                30 10 0C 0E 54 72 E1 BA A7 6E 20 54 68 E1 BB 8B 20 43
              30 03 02 01 0E
              30 0E 02 01 0F 13 09 30 31 32 33 34 35 36 37 38
            """;
    static final String ADDRESS = "Số 12 ngõ 34 phố Nguyễn Trãi, Tổ dân phố số 7, Phường Điện Biên, Quận Ba Đình, "
            + "Thành phố Hà Nội, Việt Nam";

    @Test
    void parsesTheHandCheckedFixture() {
        Dg13File d = Dg13File.parse(decode(FIXTURE));
        assertThat(d.idNumber()).isEqualTo("001090123456");
        assertThat(d.fullName()).isEqualTo("Nguyễn Văn A");
        assertThat(d.dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(d.sex()).isEqualTo("Nam");
        assertThat(d.nationality()).isEqualTo("Việt Nam");
        assertThat(d.placeOfResidence()).isEqualTo(ADDRESS);
        assertThat(d.expiryText()).isEqualTo("Không thời hạn");
        assertThat(d.expiryDate()).isNull();
        assertThat(d.hasNoExpiry()).isTrue();
        assertThat(d.fatherName()).isEqualTo("Nguyễn Văn B");
        assertThat(d.motherName()).isEqualTo("Trần Thị C");
        assertThat(d.spouseName()).isNull();
        assertThat(d.oldIdNumber()).isEqualTo("012345678");
        assertThat(d.previousIdNumber()).isNull();
        assertThat(d.ethnicity()).isNull();
        assertThat(d.issueDate()).isNull();
        assertThat(d.header()).hasSize(2);
        assertThat(d.header().get(0).encode()).isEqualTo(decode("02 01 01"));
    }

    @Test
    void theBuilderAndTheFixtureAgree() {
        Dg13File built = Dg13File.builder()
                .idNumber("001090123456").fullName("Nguyễn Văn A").dateOfBirth(LocalDate.of(1990, 1, 1))
                .sex("Nam").nationality("Việt Nam").placeOfResidence(ADDRESS).expiryDate(null)
                .fatherName("Nguyễn Văn B").motherName("Trần Thị C").oldIdNumber("012345678")
                .build();
        byte[] enc = built.encode();
        // absent fields are written as the empty form of index 14 (30 03 02 01 idx); the fixture omits them
        Dg13File fromFixture = Dg13File.parse(decode(FIXTURE));
        assertThat(Dg13File.parse(enc)).isEqualTo(fromFixture);
        assertThat(fromFixture).isEqualTo(built);
    }

    @Test
    void writesThePublishedPrefixes() {
        Dg13File d = Dg13File.builder().idNumber("001090123456").dateOfBirth(LocalDate.of(1990, 1, 1))
                .expiryDate(LocalDate.of(2030, 1, 1)).oldIdNumber("012345678").fullName("Nguyễn Văn A").build();
        String hex = Hex.encode(d.encode());
        // the byte prefixes hard-coded by the published parsers (cccd-card.md §2.1)
        assertThat(hex).contains("3011020101130C");    // ID number, PrintableString of 12
        assertThat(hex).contains("300F020103130A");    // date of birth, PrintableString of 10
        assertThat(hex).contains("300F02010C0C0A");    // expiry, UTF8String of 10
        assertThat(hex).contains("300E02010F1309");    // old ID, PrintableString of 9
        assertThat(hex).contains("300302010E");        // empty index 14
        assertThat(hex).startsWith("6D81").contains("020101060A6085400163010D010001"); // synthetic header
    }

    @Test
    void fieldsDirectlyUnder6DWithoutHeaderParseToo() {
        Dg13File d = Dg13File.builder().idNumber("079200001234").fullName("Lê Thị Hạnh")
                .header(List.of()).containerSequence(false).build();
        byte[] enc = d.encode();
        assertThat(enc[0]).isEqualTo((byte) 0x6D);
        assertThat(enc[2]).isEqualTo((byte) 0x30);
        Dg13File back = Dg13File.parse(enc);
        assertThat(back).isEqualTo(d);
        assertThat(back.header()).isEmpty();
    }

    @Test
    void aHeaderThatLooksLikeAFieldIsSkipped() {
        Tlv versionAndOid = Tlv.of(0x30, Tlv.of(0x02, new byte[] {1}), Tlv.of(0x06, decode("2B 06 01")));
        Dg13File d = Dg13File.builder().idNumber("001090123456").header(List.of(versionAndOid)).build();
        Dg13File back = Dg13File.parse(d.encode());
        assertThat(back.idNumber()).isEqualTo("001090123456");
        assertThat(back.header()).containsExactly(versionAndOid);
    }

    @Test
    void oldIdNumbersAreClassifiedByContentAtIndex15Or16() {
        Dg13File layout2024 = parseFields(field(16, 0x13, "012345678"));
        assertThat(layout2024.oldIdNumber()).isEqualTo("012345678");
        Dg13File previous = parseFields(field(15, 0x13, "001090123456"));
        assertThat(previous.previousIdNumber()).isEqualTo("001090123456");
        assertThat(previous.oldIdNumber()).isNull();
        Dg13File unknown = parseFields(field(15, 0x13, "012345678"), field(16, 0x13, "AB12CD34EF56GH78"));
        assertThat(unknown.oldIdNumber()).isEqualTo("012345678");
        assertThat(unknown.unclassifiedIdFields()).containsEntry(16, "AB12CD34EF56GH78").hasSize(1);
    }

    @Test
    void spouseMayBeNestedOrPlain() {
        Dg13File nested = parseFields(Tlv.of(0x30, LdsTlv.integer(14),
                Tlv.of(0x30, Tlv.of(0x0C, "Phạm Văn D".getBytes(StandardCharsets.UTF_8)))));
        Dg13File plain = parseFields(field(14, 0x0C, "Phạm Văn D"));
        assertThat(nested.spouseName()).isEqualTo("Phạm Văn D");
        assertThat(plain.spouseName()).isEqualTo("Phạm Văn D");
    }

    @Test
    void decomposedTextComesOutAsNfc() {
        String nfd = java.text.Normalizer.normalize("Nguyễn Thị Ánh", java.text.Normalizer.Form.NFD);
        Dg13File d = parseFields(field(2, 0x0C, nfd));
        assertThat(d.fullName()).isEqualTo("Nguyễn Thị Ánh");
    }

    @Test
    void unexpectedShapesOfTheUncertainFieldsAreSkippedNotFatal() {
        Tlv oddSpouse = Tlv.of(0x30, LdsTlv.integer(14), Tlv.of(0x04, new byte[] {1, 2}));
        Tlv future = Tlv.of(0x30, LdsTlv.integer(17), Tlv.of(0x0C, "x".getBytes(StandardCharsets.UTF_8)));
        Dg13File d = parseFields(field(1, 0x13, "001090123456"), oddSpouse, future);
        assertThat(d.spouseName()).isNull();
        assertThat(d.unrecognized()).containsExactly(oddSpouse, future);
    }

    @Test
    void elementsAfterTheFieldsAreKeptNotRead() {
        Dg13File d = Dg13File.parse(decode("6D 0C 30 06 02 01 02 0C 01 41 04 02 01 02"));
        assertThat(d.fullName()).isEqualTo("A");
        assertThat(d.unrecognized()).containsExactly(Tlv.of(0x04, new byte[] {1, 2}));
    }

    @Test
    void ddMMyyyyDatesOnly() {
        Dg13File d = parseFields(field(3, 0x13, "1990"), field(11, 0x13, "31/02/2021"), field(12, 0x0C, "01/01/2030"));
        assertThat(d.dateOfBirth()).isNull();
        assertThat(d.dateOfBirthText()).isEqualTo("1990");
        assertThat(d.issueDate()).isNull();
        assertThat(d.expiryDate()).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(d.hasNoExpiry()).isFalse();
    }

    static Stream<Dg13File> randomDg13() {
        RandomPersons r = new RandomPersons(13);
        return IntStream.range(0, 60).mapToObj(i -> {
            Dg13File.Builder b = Dg13File.builder()
                    .idNumber(r.digits(12)).fullName(r.fullName()).dateOfBirth(r.date(1930, 2020))
                    .sex(r.chance(50) ? "Nam" : "Nữ").nationality("Việt Nam")
                    .ethnicity(r.chance(80) ? "Kinh" : r.chance(50) ? "Tày" : "Ê Đê")
                    .religion(r.chance(70) ? "Không" : "Phật giáo")
                    .placeOfOrigin(r.place()).placeOfResidence(r.address(r.chance(50)))
                    .identifyingMarks(r.chance(70) ? "Nốt ruồi C:2cm trên sau cánh mũi phải" : "")
                    .issueDate(r.date(2021, 2025))
                    .expiryDate(r.chance(20) ? null : r.date(2030, 2080))
                    .fatherName(r.chance(80) ? r.fullName() : null)
                    .motherName(r.chance(80) ? r.fullName() : null)
                    .spouseName(r.chance(40) ? r.fullName() : null);
            if (r.chance(50)) {
                b.oldIdNumber(r.digits(9));
            }
            if (r.chance(30)) {
                b.field16(r.chance(50) ? r.digits(12) : "X" + r.digits(15));
            }
            if (r.chance(20)) {
                b.header(List.of()).containerSequence(r.chance(50));
            }
            return b.build();
        });
    }

    @ParameterizedTest
    @MethodSource("randomDg13")
    void roundTrips(Dg13File built) {
        byte[] enc = built.encode();
        Dg13File back = Dg13File.parse(enc);
        assertThat(back).isEqualTo(built);
        assertThat(back.encode()).isEqualTo(enc);
        assertThat(back.toString()).doesNotContain(built.idNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "6D 00",                                                   // no fields
        "6D 05 30 03 02 01 01 00",                                 // trailing byte inside 6D
        "6D 12 30 06 02 01 01 13 01 31 30 08 02 01 02 02 03 01 02 03", // name field holding an INTEGER
        "6D 10 30 06 02 01 02 0C 01 41 30 06 02 01 02 0C 01 42",   // field 2 twice
        "6D 09 30 07 02 01 02 0C 02 C3 28",                        // invalid UTF-8
        "6D 16 30 06 02 01 01 13 01 31 30 0C 02 01 0D 02 01 01 02 01 02 02 01 03", // parents as INTEGERs
        "6D 09 30 07 02 01 02 0C 81 FF 41",                        // length past the end
        "61 05 30 03 02 01 01",                                    // wrong file
    })
    void rejectsMalformedFiles(String hex) {
        assertThatThrownBy(() -> Dg13File.parse(decode(hex))).isInstanceOf(MalformedDataException.class);
    }

    private static Tlv field(int index, int stringTag, String value) {
        return Tlv.of(0x30, LdsTlv.integer(index), Tlv.of(stringTag, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Dg13File parseFields(Tlv... fields) {
        return Dg13File.parse(Tlv.of(0x6D, Tlv.of(0x30, List.of(fields))).encode());
    }
}
