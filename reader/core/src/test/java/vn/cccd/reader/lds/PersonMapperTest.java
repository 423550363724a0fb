package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.lds.vn.Dg13File;
import vn.cccd.reader.lds.vn.PersonMapper.MappedIdentity;
import vn.cccd.reader.lds.vn.PersonMapper;
import vn.cccd.reader.model.DocumentInfo;
import vn.cccd.reader.model.Person;

class PersonMapperTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Dg13File.Builder cccdHolder() {
        return Dg13File.builder()
                .idNumber("001090123456").fullName("Nguyễn Văn A").dateOfBirth(LocalDate.of(1990, 1, 1))
                .sex("Nam").nationality("Việt Nam").ethnicity("Kinh").religion("Không")
                .placeOfOrigin("Xã Quảng Phú, Huyện Quảng Điền, Tỉnh Thừa Thiên Huế")
                .placeOfResidence("Phường Điện Biên, Quận Ba Đình, Thành phố Hà Nội")
                .identifyingMarks("Sẹo chấm C:1cm trên trước đầu mày trái")
                .issueDate(LocalDate.of(2021, 4, 15)).expiryDate(LocalDate.of(2030, 1, 1))
                .fatherName("Nguyễn Văn B").motherName("Trần Thị C").oldIdNumber("012345678");
    }

    @Test
    void aCccdGetsEveryFieldFromDg13() {
        Dg1File dg1 = new Dg1File(Mrz.parse(MrzTest.CCCD_MRZ));
        MappedIdentity m = PersonMapper.map(dg1, cccdHolder().build(), null, null, TODAY);
        assertThat(m.document()).isEqualTo(new DocumentInfo("CCCD", "VNM", "090123456", MrzTest.CCCD_MRZ));
        assertThat(m.person()).isEqualTo(new Person("001090123456", "Nguyễn Văn A", "1990-01-01", "Nam",
                "Việt Nam", "Kinh", "Không", "Xã Quảng Phú, Huyện Quảng Điền, Tỉnh Thừa Thiên Huế",
                "Phường Điện Biên, Quận Ba Đình, Thành phố Hà Nội", "Sẹo chấm C:1cm trên trước đầu mày trái",
                "2021-04-15", "2030-01-01", "Nguyễn Văn B", "Trần Thị C", null, "012345678"));
        assertThat(m.toString()).doesNotContain("Nguyễn", "001090123456");
    }

    @Test
    void aCardWithoutExpiryHasANullExpiryDate() {
        Dg1File dg1 = new Dg1File(Mrz.vietnameseId("001044012345", "Đỗ Thị Ánh", LocalDate.of(1944, 5, 6), 'F', null));
        Person p = PersonMapper.map(dg1, cccdHolder().expiryDate(null).sex("NỮ").build(), null, null, TODAY).person();
        assertThat(p.expiryDate()).isNull();
        assertThat(p.sex()).isEqualTo("Nữ");
        Person noDg13Expiry = PersonMapper.map(dg1, cccdHolder().expiryText(null).build(), null, null, TODAY).person();
        assertThat(noDg13Expiry.expiryDate()).as("MRZ 991231 means no expiry").isNull();
    }

    @Test
    void theMrzFillsOnlyWhatDg13Lacks() {
        Dg1File dg1 = new Dg1File(Mrz.parse(MrzTest.CCCD_MRZ));
        Dg13File sparse = Dg13File.builder().fullName("Nguyễn Văn A").sex("không rõ").build();
        Person p = PersonMapper.map(dg1, sparse, null, null, TODAY).person();
        assertThat(p.idNumber()).isEqualTo("001090123456");
        assertThat(p.fullName()).isEqualTo("Nguyễn Văn A");
        assertThat(p.dateOfBirth()).isEqualTo("1990-01-01");
        assertThat(p.sex()).as("an unknown DG13 sex text falls back to the MRZ").isEqualTo("Nam");
        assertThat(p.expiryDate()).isEqualTo("2030-01-01");
        assertThat(p.ethnicity()).isNull();
        assertThat(p.issueDate()).isNull();
    }

    @Test
    void aCccdWhoseDg13WasNotUnderstoodGetsWhatTheMrzSays() {
        Dg1File dg1 = new Dg1File(Mrz.parse(MrzTest.CCCD_MRZ));
        MappedIdentity m = PersonMapper.map(dg1, null, null, null, TODAY);
        assertThat(m.document()).isEqualTo(new DocumentInfo("CCCD", "VNM", "090123456", MrzTest.CCCD_MRZ));
        Person p = m.person();
        assertThat(p.idNumber()).as("from the MRZ optional data").isEqualTo("001090123456");
        assertThat(p.fullName()).isEqualTo("NGUYEN VAN A");
        assertThat(p.dateOfBirth()).isEqualTo("1990-01-01");
        assertThat(p.sex()).isEqualTo("Nam");
        assertThat(p.nationality()).isEqualTo("Việt Nam");
        assertThat(p.placeOfResidence()).as("only DG13 has it").isNull();
        assertThat(p.issueDate()).isNull();
        assertThat(p.fatherName()).isNull();
    }

    @Test
    void dg13WithoutDg1IsStillACccd() {
        MappedIdentity m = PersonMapper.map(null, cccdHolder().build(), null, null, TODAY);
        assertThat(m.document()).isEqualTo(new DocumentInfo("CCCD", "VNM", null, null));
        assertThat(m.person().idNumber()).isEqualTo("001090123456");
    }

    @Test
    void aForeignPassportReadWithItsMrzKeyGivesThePersonFromDg1() {
        MappedIdentity m = PersonMapper.map(new Dg1File(Mrz.parse(MrzTest.ICAO_TD3)), null, null, null, TODAY);
        assertThat(m.document()).isEqualTo(new DocumentInfo("PASSPORT", "UTO", "L898902C", MrzTest.ICAO_TD3));
        assertThat(m.person()).isEqualTo(new Person("ZE184226B", "ERIKSSON ANNA MARIA", "1969-08-06", "Nữ", "UTO",
                null, null, null, null, null, null, "1994-06-23", null, null, null, null));
    }

    @Test
    void dg11AndDg12AddNameAddressAndIssueDate() {
        Dg11File dg11 = Dg11File.builder().fullName("ERIKSSON<<ANNA MARIA").personalNumber("123456789")
                .fullDateOfBirth(LocalDate.of(1969, 8, 6)).permanentAddress("1 MAIN STREET<ANYTOWN<UTOPIA").build();
        Dg12File dg12 = Dg12File.builder().dateOfIssue(LocalDate.of(1989, 6, 24)).build();
        Person p = PersonMapper.map(new Dg1File(Mrz.parse(MrzTest.ICAO_TD3)), null, dg11, dg12, TODAY).person();
        assertThat(p.idNumber()).isEqualTo("123456789");
        assertThat(p.fullName()).isEqualTo("ERIKSSON ANNA MARIA");
        assertThat(p.placeOfResidence()).isEqualTo("1 MAIN STREET, ANYTOWN, UTOPIA");
        assertThat(p.issueDate()).isEqualTo("1989-06-24");
        assertThat(p.placeOfOrigin()).isNull();
    }

    @Test
    void aVietnamesePassportKeepsVietNamAsNationalityAndIsAPassport() {
        Mrz mrz = Mrz.builder(Mrz.Format.TD3).documentCode("P").issuingState("VNM").documentNumber("C1234567")
                .nationality("VNM").dateOfBirth("900101").sex('M').dateOfExpiry("320101")
                .name("Nguyễn", "Văn A").optionalData2("001090123456").build();
        MappedIdentity m = PersonMapper.map(new Dg1File(mrz), null, null, null, TODAY);
        assertThat(m.document().type()).isEqualTo("PASSPORT");
        assertThat(m.person().nationality()).isEqualTo("Việt Nam");
        assertThat(m.person().idNumber()).isEqualTo("001090123456");
        assertThat(m.person().fullName()).isEqualTo("NGUYEN VAN A");
    }

    @Test
    void aForeignIdCardIsAnIdCard() {
        MappedIdentity m = PersonMapper.map(new Dg1File(Mrz.parse(MrzTest.ICAO_TD1)), null, null, null, TODAY);
        assertThat(m.document().type()).isEqualTo("ID_CARD");
        assertThat(m.person().idNumber()).isNull();
        assertThat(m.person().sex()).isEqualTo("Nữ");
        // DG13 on a document that is not a Vietnamese ID card is not used
        MappedIdentity withDg13 = PersonMapper.map(new Dg1File(Mrz.parse(MrzTest.ICAO_TD1)), cccdHolder().build(),
                null, null, TODAY);
        assertThat(withDg13.document().type()).isEqualTo("ID_CARD");
        assertThat(withDg13.person().fullName()).isEqualTo("ERIKSSON ANNA MARIA");
    }

    @Test
    void unknownSexIsNull() {
        Mrz mrz = Mrz.builder(Mrz.Format.TD3).documentCode("P").issuingState("D").documentNumber("C01X00T47")
                .nationality("D").dateOfBirth("640812").sex('<').dateOfExpiry("271031").name("MUSTERMANN", "ERIKA")
                .build();
        Person p = PersonMapper.map(new Dg1File(mrz), null, null, null, TODAY).person();
        assertThat(p.sex()).isNull();
        assertThat(p.nationality()).isEqualTo("D");
    }

    static java.util.stream.Stream<Person> randomPersons() {
        RandomPersons r = new RandomPersons(42);
        return java.util.stream.IntStream.range(0, 40).mapToObj(i -> new Person(
                r.digits(12), r.fullName(), r.date(1930, 2015).toString(), r.chance(50) ? "Nam" : "Nữ", "Việt Nam",
                r.chance(80) ? "Kinh" : "Mường", r.chance(60) ? "Không" : "Công giáo", r.place(),
                r.address(r.chance(50)), r.chance(50) ? "Nốt ruồi cách 2cm dưới đuôi mắt trái" : null,
                r.date(2021, 2025).toString(), r.chance(20) ? null : r.date(2030, 2075).toString(),
                r.chance(80) ? r.fullName() : null, r.chance(80) ? r.fullName() : null,
                r.chance(30) ? r.fullName() : null,
                r.chance(40) ? r.digits(9) : r.chance(30) ? r.digits(12) : null));
    }

    /** Person -> DG13 and MRZ -> bytes -> parse -> person: what the mock card writes, the reader reads back. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("randomPersons")
    void aPersonSurvivesTheCardAndBack(Person person) {
        byte[] dg13 = PersonMapper.toDg13(person).build().encode();
        LocalDate expiry = person.expiryDate() == null ? null : LocalDate.parse(person.expiryDate());
        byte[] dg1 = new Dg1File(Mrz.vietnameseId(person.idNumber(), person.fullName(),
                LocalDate.parse(person.dateOfBirth()), person.sex().equals("Nam") ? 'M' : 'F', expiry)).encode();
        MappedIdentity m = PersonMapper.map(Dg1File.parse(dg1), Dg13File.parse(dg13), null, null, TODAY);
        assertThat(m.person()).isEqualTo(person);
        assertThat(m.document().type()).isEqualTo("CCCD");
        assertThat(m.document().documentNumber()).isEqualTo(person.idNumber().substring(3));
    }

    @Test
    void needsDg1OrDg13() {
        assertThatThrownBy(() -> PersonMapper.map(null, null, null, null, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
