package vn.cccd.reader.lds.vn;

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
import vn.cccd.reader.lds.LdsTlv;
import vn.cccd.reader.lds.RandomPersons;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Hex;

class Dg13FileTest {

    /**
     * DG13 as real cards have it (docs/CARD-LAYOUTS.md), synthetic values, hand-checked against the byte prefixes
     * the Appota parser hard-codes (ID {@code 30 11 02 01 01 13 0C}, date of birth {@code 30 0F 02 01 03 13 0A},
     * expiry {@code 30 0F 02 01 0C 0C 0A}, empty 14 {@code 30 03 02 01 0E}, old ID {@code 30 0E 02 01 0F 13 09},
     * field 16 {@code 30 15 02 01 10 13 10}) and the 15 bytes between the container header and field 1 of the C
     * reader: version, OID 1.0.10646.1.0.8, and the SET header. The address (139 bytes) has long-form lengths.
     */
    static final String REAL_FIXTURE = """
            6D 82 01 E7
             30 82 01 E3
              02 01 01  06 06 28 D3 16 01 00 08
              31 82 01 D4
               30 11 02 01 01 13 0C 30 30 31 30 39 30 31 32 33 34 35 36
               30 14 02 01 02 0C 0F 4E 67 75 79 E1 BB 85 6E 20 56 C4 83 6E 20 41
               30 0F 02 01 03 13 0A 30 31 2F 30 31 2F 31 39 39 30
               30 08 02 01 04 0C 03 4E 61 6D
               30 0F 02 01 05 0C 0A 56 69 E1 BB 87 74 20 4E 61 6D
               30 09 02 01 06 0C 04 4B 69 6E 68
               30 0B 02 01 07 0C 06 4B 68 C3 B4 6E 67
               30 24 02 01 08 0C 1F 50 68 C3 BA 20 4C C3 A2 6D 2C 20 54 69 C3 AA 6E 20 44 75 2C 20 42 E1 BA AF 63
                 20 4E 69 6E 68
               30 81 91 02 01 09 0C 81 8B
                 53 E1 BB 91 20 31 32 20 6E 67 C3 B5 20 33 34 20 70 68 E1 BB 91 20 4E 67 75 79 E1 BB 85 6E 20 54 72
                 C3 A3 69 2C 20 54 E1 BB 95 20 64 C3 A2 6E 20 70 68 E1 BB 91 20 73 E1 BB 91 20 37 2C 20 50 68 C6 B0
                 E1 BB 9D 6E 67 20 C4 90 69 E1 BB 87 6E 20 42 69 C3 AA 6E 2C 20 51 75 E1 BA AD 6E 20 42 61 20 C4 90
                 C3 AC 6E 68 2C 20 54 68 C3 A0 6E 68 20 70 68 E1 BB 91 20 48 C3 A0 20 4E E1 BB 99 69 2C 20 56 69 E1
                 BB 87 74 20 4E 61 6D
               30 33 02 01 0A 0C 2E 4E E1 BB 91 74 20 72 75 E1 BB 93 69 20 43 3A 32 63 6D 20 74 72 C3 AA 6E 20 73
                 61 75 20 63 C3 A1 6E 68 20 6D C5 A9 69 20 70 68 E1 BA A3 69
               30 0F 02 01 0B 13 0A 31 35 2F 30 34 2F 32 30 32 31
               30 0F 02 01 0C 0C 0A 30 31 2F 30 31 2F 32 30 33 30
               30 28 02 01 0D
                 30 11 0C 0F 4E 67 75 79 E1 BB 85 6E 20 56 C4 83 6E 20 42
                 30 10 0C 0E 54 72 E1 BA A7 6E 20 54 68 E1 BB 8B 20 43
               30 03 02 01 0E
               30 0E 02 01 0F 13 09 30 31 32 33 34 35 36 37 38
               30 15 02 01 10 13 10 46 30 45 31 44 32 43 33 42 34 41 35 39 36 38 37
            """;

    /**
     * The parents in one SEQUENCE, as NghiaLio/NFC_CCCD_Reader reads field 13, in a real-layout SET whose fields
     * are not in index order (BER does not sort a SET): 13, then 2, then 1.
     */
    static final String PARENTS_TOGETHER_FIXTURE = """
            6D 56
             30 54
              02 01 01  06 06 28 D3 16 01 00 08
              31 47
               30 26 02 01 0D
                 30 21 0C 0F 4E 67 75 79 E1 BB 85 6E 20 56 C4 83 6E 20 42
                       0C 0E 54 72 E1 BA A7 6E 20 54 68 E1 BB 8B 20 43
               30 0A 02 01 02 0C 05 4C C3 AA 20 41
               30 11 02 01 01 13 0C 30 30 31 30 39 30 31 32 33 34 35 36
            """;

    /**
     * The synthetic layout this project wrote before the real one was known (no real card is known to have it):
     * fields directly in the container SEQUENCE after a made-up header (INTEGER 1, an OID under 2.16.704); the
     * address's long-form lengths, expiry "Không thời hạn", nested parents, the empty index 14, old CMND at 15.
     */
    static final String LEGACY_FIXTURE = """
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

    static Dg13File.Builder fixtureValues() {
        return Dg13File.builder()
                .idNumber("001090123456").fullName("Nguyễn Văn A").dateOfBirth(LocalDate.of(1990, 1, 1))
                .sex("Nam").nationality("Việt Nam").ethnicity("Kinh").religion("Không")
                .placeOfOrigin("Phú Lâm, Tiên Du, Bắc Ninh").placeOfResidence(ADDRESS)
                .identifyingMarks("Nốt ruồi C:2cm trên sau cánh mũi phải").issueDate(LocalDate.of(2021, 4, 15))
                .expiryDate(LocalDate.of(2030, 1, 1)).fatherName("Nguyễn Văn B").motherName("Trần Thị C")
                .oldIdNumber("012345678").field16("F0E1D2C3B4A59687");
    }

    @Test
    void readsEveryFieldOfTheRealLayout() {
        Dg13File d = Dg13File.parse(decode(REAL_FIXTURE));
        assertThat(d.idNumber()).isEqualTo("001090123456");
        assertThat(d.fullName()).isEqualTo("Nguyễn Văn A");
        assertThat(d.dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(d.sex()).isEqualTo("Nam");
        assertThat(d.nationality()).isEqualTo("Việt Nam");
        assertThat(d.ethnicity()).isEqualTo("Kinh");
        assertThat(d.religion()).isEqualTo("Không");
        assertThat(d.placeOfOrigin()).isEqualTo("Phú Lâm, Tiên Du, Bắc Ninh");
        assertThat(d.placeOfResidence()).isEqualTo(ADDRESS);
        assertThat(d.identifyingMarks()).isEqualTo("Nốt ruồi C:2cm trên sau cánh mũi phải");
        assertThat(d.issueDate()).isEqualTo(LocalDate.of(2021, 4, 15));
        assertThat(d.expiryDate()).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(d.fatherName()).isEqualTo("Nguyễn Văn B");
        assertThat(d.motherName()).isEqualTo("Trần Thị C");
        assertThat(d.spouseName()).isNull();
        assertThat(d.oldIdNumber()).isEqualTo("012345678");
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.header()).isEqualTo(Dg13Layout.REAL_HEADER);
        assertThat(d.otherFields()).isEmpty();
        assertThat(d.unrecognized()).isEmpty();
    }

    @Test
    void theSixteenCharacterField16IsKeptRawNeverInterpreted() {
        Dg13File d = Dg13File.parse(decode(REAL_FIXTURE));
        assertThat(d.field16()).isEqualTo("F0E1D2C3B4A59687");
        assertThat(d.unclassifiedIdFields()).containsExactly(java.util.Map.entry(16, "F0E1D2C3B4A59687"));
        assertThat(d.previousIdNumber()).isNull();
        assertThat(d.oldIdNumber()).as("the old CMND comes from field 15, not 16").isEqualTo("012345678");
    }

    @Test
    void theBuilderWritesTheRealLayoutByteForByte() {
        assertThat(Hex.encode(fixtureValues().build().encode())).isEqualTo(Hex.encode(decode(REAL_FIXTURE)));
        assertThat(Dg13File.parse(decode(REAL_FIXTURE))).isEqualTo(fixtureValues().build());
    }

    @Test
    void readsTheParentsTogetherInAShuffledSet() {
        Dg13File d = Dg13File.parse(decode(PARENTS_TOGETHER_FIXTURE));
        assertThat(d.idNumber()).isEqualTo("001090123456");
        assertThat(d.fullName()).isEqualTo("Lê A");
        assertThat(d.fatherName()).isEqualTo("Nguyễn Văn B");
        assertThat(d.motherName()).isEqualTo("Trần Thị C");
        assertThat(d.layout().parents()).isEqualTo(Dg13Layout.ParentsShape.TOGETHER);
        assertThat(d.layout().order()).containsExactly(13, 2, 1);
        // and the builder writes that shape and order byte for byte
        Dg13File built = Dg13File.builder().idNumber("001090123456").fullName("Lê A").fatherName("Nguyễn Văn B")
                .motherName("Trần Thị C").layout(Dg13Layout.REAL.withParents(Dg13Layout.ParentsShape.TOGETHER)
                        .withOrder(List.of(13, 2, 1)).withAbsentAsEmpty(false))
                .build();
        assertThat(Hex.encode(built.encode())).isEqualTo(Hex.encode(decode(PARENTS_TOGETHER_FIXTURE)));
    }

    @Test
    void theLegacySyntheticLayoutStillReads() {
        Dg13File d = Dg13File.parse(decode(LEGACY_FIXTURE));
        assertThat(d.idNumber()).isEqualTo("001090123456");
        assertThat(d.fullName()).isEqualTo("Nguyễn Văn A");
        assertThat(d.dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(d.placeOfResidence()).isEqualTo(ADDRESS);
        assertThat(d.expiryText()).isEqualTo("Không thời hạn");
        assertThat(d.expiryDate()).isNull();
        assertThat(d.hasNoExpiry()).isTrue();
        assertThat(d.fatherName()).isEqualTo("Nguyễn Văn B");
        assertThat(d.motherName()).isEqualTo("Trần Thị C");
        assertThat(d.spouseName()).isNull();
        assertThat(d.oldIdNumber()).isEqualTo("012345678");
        assertThat(d.ethnicity()).isNull();
        assertThat(d.header()).isEqualTo(Dg13Layout.SYNTHETIC_HEADER);
    }

    @Test
    void theBuilderWritesTheLegacyLayoutAsAnOption() {
        Dg13File built = Dg13File.builder()
                .idNumber("001090123456").fullName("Nguyễn Văn A").dateOfBirth(LocalDate.of(1990, 1, 1))
                .sex("Nam").nationality("Việt Nam").placeOfResidence(ADDRESS).expiryDate(null)
                .fatherName("Nguyễn Văn B").motherName("Trần Thị C").oldIdNumber("012345678")
                .layout(Dg13Layout.LEGACY_SYNTHETIC.withAbsentAsEmpty(false))
                .build();
        // the fixture leaves out the absent fields and keeps the empty index 14 of the published sample
        String hex = Hex.encode(built.encode());
        // field 1 follows the made-up header directly: no SET
        assertThat(hex).startsWith("6D8201").contains("020101060A6085400163010D010001" + "3011020101");
        assertThat(Dg13File.parse(built.encode())).isEqualTo(Dg13File.parse(decode(LEGACY_FIXTURE)));
    }

    @Test
    void writesThePublishedPrefixes() {
        String hex = Hex.encode(Dg13File.builder().idNumber("001090123456").dateOfBirth(LocalDate.of(1990, 1, 1))
                .expiryDate(LocalDate.of(2030, 1, 1)).oldIdNumber("012345678").fullName("Nguyễn Văn A").build()
                .encode());
        // the byte prefixes hard-coded by the published parsers (cccd-card.md §2.1)
        assertThat(hex).contains("3011020101130C");    // ID number, PrintableString of 12
        assertThat(hex).contains("300F020103130A");    // date of birth, PrintableString of 10
        assertThat(hex).contains("300F02010C0C0A");    // expiry, UTF8String of 10
        assertThat(hex).contains("300E02010F1309");    // old ID, PrintableString of 9
        assertThat(hex).contains("300302010E");        // empty index 14
        assertThat(hex).startsWith("6D81").contains("020101060628D3160100083181"); // version, OID, SET
    }

    /** Every layout the sources show (and the legacy one), with the parents' two shapes and the spouse's three. */
    static Stream<Dg13Layout> layouts() {
        List<Integer> shuffled = List.of(9, 16, 2, 13, 1, 14, 5, 12, 3, 8, 11, 4, 15, 7, 10, 6);
        List<Dg13Layout> base = List.of(Dg13Layout.REAL, Dg13Layout.REAL.withFieldsIn(0x30),
                Dg13Layout.LEGACY_SYNTHETIC, Dg13Layout.FLAT);
        return base.stream().flatMap(l -> Stream.of(l, l.withOrder(shuffled),
                l.withParents(Dg13Layout.ParentsShape.TOGETHER).withOrder(shuffled),
                l.withSpouse(Dg13Layout.SpouseShape.PLAIN).withAbsentAsEmpty(false)));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void everyLayoutRoundTripsWithEveryFieldRight(Dg13Layout layout) {
        for (boolean married : new boolean[] {true, false}) {
            Dg13File built = fixtureValues().spouseName(married ? "Phạm Thị D" : null).layout(layout).build();
            byte[] enc = built.encode();
            Dg13File back = Dg13File.parse(enc);
            assertThat(back).isEqualTo(built);
            assertThat(back.spouseName()).isEqualTo(married ? "Phạm Thị D" : null);
            assertThat(back.fatherName()).isEqualTo("Nguyễn Văn B");
            assertThat(back.motherName()).isEqualTo("Trần Thị C");
            assertThat(back.field16()).isEqualTo("F0E1D2C3B4A59687");
            assertThat(Hex.encode(back.encode())).as("re-encoded in the layout found").isEqualTo(Hex.encode(enc));
        }
    }

    @Test
    void aParentMayBeAbsentInEitherShape() {
        for (Dg13Layout.ParentsShape shape : Dg13Layout.ParentsShape.values()) {
            Dg13Layout layout = Dg13Layout.REAL.withParents(shape);
            Dg13File motherOnly = Dg13File.parse(Dg13File.builder().idNumber("001090123456").motherName("Trần Thị C")
                    .layout(layout).build().encode());
            assertThat(motherOnly.fatherName()).as(shape.name()).isNull();
            assertThat(motherOnly.motherName()).as(shape.name()).isEqualTo("Trần Thị C");
            Dg13File fatherOnly = Dg13File.parse(Dg13File.builder().idNumber("001090123456").fatherName("Lê Văn E")
                    .layout(layout).build().encode());
            assertThat(fatherOnly.fatherName()).as(shape.name()).isEqualTo("Lê Văn E");
            assertThat(fatherOnly.motherName()).as(shape.name()).isNull();
        }
    }

    @Test
    void fieldsNestedInContainersOfContainersAreFoundUpToTheLimit() {
        Tlv id = field(1, 0x13, "001090123456");
        Tlv wrapped = id;
        for (int i = 0; i < Dg13Parser.MAX_CONTAINER_DEPTH; i++) {
            wrapped = Tlv.of(i % 2 == 0 ? 0x31 : 0x30, wrapped);
        }
        Tlv nested = wrapped;
        // 6D → four containers → field: found
        assertThat(Dg13File.parse(Tlv.of(0x6D, nested).encode()).idNumber()).isEqualTo("001090123456");
        // one more container than the walk enters: no field found, a clear error rather than a deeper walk
        assertThatThrownBy(() -> Dg13File.parse(Tlv.of(0x6D, Tlv.of(0x30, nested)).encode()))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("no indexed fields");
    }

    @Test
    void otherAsn1StringTypesAreRead() {
        Dg13File d = parseFields(field(1, 0x12, "001090123456"), field(2, 0x16, "Le Van A"), field(4, 0x1A, "Nam"),
                Tlv.of(0x30, LdsTlv.integer(6), Tlv.of(0x1E, "Tày".getBytes(StandardCharsets.UTF_16BE))));
        assertThat(d.idNumber()).isEqualTo("001090123456");
        assertThat(d.fullName()).isEqualTo("Le Van A");
        assertThat(d.sex()).isEqualTo("Nam");
        assertThat(d.ethnicity()).isEqualTo("Tày");
    }

    @Test
    void unknownFieldsAreKeptRawAndNeverFailTheRead() {
        Tlv seventeen = Tlv.of(0x30, LdsTlv.integer(17), Tlv.of(0x04, new byte[] {1, 2, 3}));
        Tlv twoHundred = Tlv.of(0x30, LdsTlv.integer(200), Tlv.of(0x0C, "x".getBytes(StandardCharsets.UTF_8)),
                Tlv.of(0x30, field(1, 0x13, "999999999999")));
        Tlv oddSixteen = Tlv.of(0x30, LdsTlv.integer(16), Tlv.of(0x02, new byte[] {7}));
        Dg13File d = Dg13File.parse(Tlv.of(0x6D, Tlv.of(0x30, Dg13Layout.REAL_HEADER.get(0),
                Dg13Layout.REAL_HEADER.get(1), Tlv.of(0x31, twoHundred, field(1, 0x13, "001090123456"), seventeen,
                        oddSixteen))).encode());
        assertThat(d.idNumber()).as("a field inside an unknown field is not read as a field").isEqualTo("001090123456");
        assertThat(d.otherFields()).containsOnlyKeys(16, 17, 200);
        assertThat(d.otherFields().get(17)).containsExactly(Tlv.of(0x04, new byte[] {1, 2, 3}));
        assertThat(d.field16()).isNull();
        // and they are written back where the layout found them
        assertThat(Dg13File.parse(d.encode()).otherFields()).isEqualTo(d.otherFields());
    }

    @Test
    void fieldsDirectlyUnder6DWithoutHeaderParseToo() {
        Dg13File d = Dg13File.builder().idNumber("079200001234").fullName("Lê Thị Hạnh").layout(Dg13Layout.FLAT)
                .build();
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
        byte[] enc = Tlv.of(0x6D, Tlv.of(0x30, versionAndOid, field(1, 0x13, "001090123456"))).encode();
        Dg13File back = Dg13File.parse(enc);
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
        assertThat(d.otherFields()).containsOnlyKeys(14, 17);
        assertThat(d.otherFields().get(14)).containsExactly(Tlv.of(0x04, new byte[] {1, 2}));
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
            b.layout(layouts().skip(r.random().nextInt(16)).findFirst().orElseThrow());
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
        "6D 0A 04 08 01 02 03 04 05 06 07 08",                     // a layout no source shows
        "6D 0F 30 0D 02 01 01 06 06 28 D3 16 01 00 08 31 00",      // the real layout with an empty SET
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
