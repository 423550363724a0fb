package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.interfaces.DHPublicKey;
import net.sf.scuba.data.Gender;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG11File;
import org.jmrtd.lds.icao.DG12File;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.lds.image.JpegDimensions;

/**
 * Differential tests against JMRTD 0.8.6 (test scope only): files we build are parsed by JMRTD to the same
 * values, and files JMRTD builds are parsed by us to the same values.
 */
class JmrtdDifferentialTest {

    // ---- EF.COM ----

    static Stream<ComFile> comFiles() {
        return ComFileTest.randomComFiles().limit(20);
    }

    @ParameterizedTest
    @MethodSource("comFiles")
    void comWeBuildJmrtdReads(ComFile ours) throws IOException {
        COMFile theirs = new COMFile(new ByteArrayInputStream(ours.encode()));
        assertThat(theirs.getLDSVersion()).isEqualTo(dotted(ours.ldsVersion()));
        assertThat(theirs.getUnicodeVersion()).isEqualTo(dotted(ours.unicodeVersion()));
        assertThat(Arrays.stream(theirs.getTagList()).boxed().toList()).isEqualTo(ours.tagList());
    }

    @ParameterizedTest
    @MethodSource("comFiles")
    void comJmrtdBuildsWeRead(ComFile expected) {
        COMFile theirs = new COMFile(dotted(expected.ldsVersion()), dotted(expected.unicodeVersion()),
                expected.tagList().stream().mapToInt(Integer::intValue).toArray());
        assertThat(ComFile.parse(theirs.getEncoded())).isEqualTo(expected);
    }

    /** "0107" -> "1.7", "040000" -> "4.0.0": JMRTD's rendering of the version digits. */
    private static String dotted(String digits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 2) {
            sb.append(i == 0 ? "" : ".").append(Integer.parseInt(digits.substring(i, i + 2)));
        }
        return sb.toString();
    }

    // ---- DG1 / MRZ ----

    static Stream<Arguments> mrzs() {
        return MrzTest.randomMrzs().limit(45);
    }

    @ParameterizedTest
    @MethodSource("mrzs")
    void dg1WeBuildJmrtdReads(Mrz ours) throws IOException {
        MRZInfo theirs = new DG1File(new ByteArrayInputStream(new Dg1File(ours).encode())).getMRZInfo();
        assertSameMrz(ours, theirs);
        assertThat(theirs.toString().strip()).isEqualTo(ours.text());
    }

    @ParameterizedTest
    @MethodSource("mrzs")
    void dg1JmrtdBuildsWeRead(Mrz template) {
        Gender g = gender(template.sex());
        MRZInfo theirs = switch (template.format()) {
            case TD1 -> MRZInfo.createTD1MRZInfo(template.documentCode(), template.issuingState(),
                    template.documentNumber(), template.optionalData1(), template.dateOfBirth(), g,
                    template.dateOfExpiry(), template.nationality(), template.optionalData2(),
                    template.primaryIdentifier(), template.secondaryIdentifier());
            case TD2 -> MRZInfo.createTD2MRZInfo(template.documentCode(), template.issuingState(),
                    template.primaryIdentifier(), template.secondaryIdentifier(), template.documentNumber(),
                    template.nationality(), template.dateOfBirth(), g, template.dateOfExpiry(),
                    template.optionalData2());
            case TD3 -> MRZInfo.createTD3MRZInfo(template.documentCode(), template.issuingState(),
                    template.primaryIdentifier(), template.secondaryIdentifier(), template.documentNumber(),
                    template.nationality(), template.dateOfBirth(), g, template.dateOfExpiry(),
                    template.optionalData2());
        };
        Dg1File ours = Dg1File.parse(new DG1File(theirs).getEncoded());
        assertSameMrz(ours.mrz(), theirs);
        assertThat(ours.mrz().text()).isEqualTo(theirs.toString().strip());
        assertThat(ours.mrz().failedChecks()).isEmpty();
    }

    private static void assertSameMrz(Mrz ours, MRZInfo theirs) {
        assertThat(theirs.getDocumentCode().replace("<", "")).isEqualTo(ours.documentCode());
        assertThat(theirs.getIssuingState().replace("<", "")).isEqualTo(ours.issuingState());
        assertThat(theirs.getDocumentNumber()).isEqualTo(ours.documentNumber());
        assertThat(theirs.getDateOfBirth()).isEqualTo(ours.dateOfBirth());
        assertThat(theirs.getDateOfExpiry()).isEqualTo(ours.dateOfExpiry());
        assertThat(theirs.getNationality().replace("<", "")).isEqualTo(ours.nationality());
        assertThat(theirs.getPrimaryIdentifier()).isEqualTo(ours.primaryIdentifier());
        assertThat(theirs.getSecondaryIdentifier()).isEqualTo(ours.secondaryIdentifier());
        assertThat(theirs.getGenderCode()).isEqualTo(gender(ours.sex()));
        if (ours.format() == Mrz.Format.TD1) {
            assertThat(trimFiller(theirs.getOptionalData1())).isEqualTo(ours.optionalData1());
        }
        assertThat(trimFiller(theirs.getOptionalData2() == null ? theirs.getPersonalNumber() : theirs.getOptionalData2()))
                .isEqualTo(ours.optionalData2());
    }

    /** JMRTD's reading of the sex character: '&lt;' is UNKNOWN, 'X' UNSPECIFIED. */
    private static Gender gender(char sex) {
        return switch (sex) {
            case 'M' -> Gender.MALE;
            case 'F' -> Gender.FEMALE;
            case 'X' -> Gender.UNSPECIFIED;
            default -> Gender.UNKNOWN;
        };
    }

    private static String trimFiller(String s) {
        return s == null ? "" : s.replaceAll("<+$", "");
    }

    // ---- DG2 ----

    static Stream<byte[]> portraits() {
        return IntStream.range(0, 6).mapToObj(i -> TestImages.jpeg(24 + 16 * i, 32 + 16 * i, i));
    }

    @ParameterizedTest
    @MethodSource("portraits")
    void dg2WeBuildJmrtdReads(byte[] jpeg) throws IOException {
        Dg2File ours = Dg2File.ofJpeg(jpeg);
        DG2File theirs = new DG2File(new ByteArrayInputStream(ours.encode()));
        List<FaceImageInfo> images = theirs.getSubRecords().stream()
                .flatMap(b -> ((FaceInfo) b).getFaceImageInfos().stream()).toList();
        assertThat(images).hasSize(1);
        FaceImageInfo image = images.get(0);
        assertThat(image.getMimeType()).isEqualTo("image/jpeg");
        assertThat(image.getWidth()).isEqualTo(ours.face().width());
        assertThat(image.getHeight()).isEqualTo(ours.face().height());
        assertThat(image.getImageInputStream().readAllBytes()).isEqualTo(jpeg);
        assertThat(image.getFaceImageType()).isEqualTo(ours.face().faceImageType());
        assertThat(image.getImageDataType()).isEqualTo(ours.face().imageDataType());
    }

    @ParameterizedTest
    @MethodSource("portraits")
    void dg2JmrtdBuildsWeRead(byte[] jpeg) throws IOException {
        int[] size = JpegDimensions.of(jpeg);
        FaceImageInfo image = new FaceImageInfo(Gender.FEMALE, FaceImageInfo.EyeColor.BROWN, 0, 0, 0,
                new int[3], new int[3], FaceImageInfo.FACE_IMAGE_TYPE_FULL_FRONTAL, 1, 2, 0, 0,
                new FaceImageInfo.FeaturePoint[0], size[0], size[1], new ByteArrayInputStream(jpeg), jpeg.length,
                FaceImageInfo.IMAGE_DATA_TYPE_JPEG);
        DG2File theirs = DG2File.createISO19794DG2File(List.of(new FaceInfo(List.of(image))));
        Dg2File ours = Dg2File.parse(theirs.getEncoded());
        assertThat(ours.faces()).hasSize(1);
        assertThat(ours.face().image()).isEqualTo(jpeg);
        assertThat(ours.face().mimeType()).isEqualTo("image/jpeg");
        assertThat(ours.face().width()).isEqualTo(size[0]);
        assertThat(ours.face().height()).isEqualTo(size[1]);
        assertThat(ours.face().gender()).isEqualTo(Gender.FEMALE.toInt());
    }

    // ---- DG14, EF.CardAccess, DG15 ----

    static Stream<SecurityInfos> securityInfos() throws Exception {
        return SecurityInfosTest.randomInfos();
    }

    /**
     * JMRTD 0.8.6 cannot decode an X9.42 (dhpublicnumber) DH key, including the form it writes itself (its key
     * factory reports "algorithm identifier 1.2.840.10046.2.1 in key not recognised"), so those are left out here.
     */
    static Stream<SecurityInfos> securityInfosJmrtdCanRead() throws Exception {
        return securityInfos().filter(s -> s.chipAuthenticationPublicKeyInfos().stream().noneMatch(k ->
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(k.subjectPublicKeyInfo()).getAlgorithm()
                        .getAlgorithm().equals(org.bouncycastle.asn1.x9.X9ObjectIdentifiers.dhpublicnumber)));
    }

    @ParameterizedTest
    @MethodSource("securityInfosJmrtdCanRead")
    void dg14WeBuildJmrtdReads(SecurityInfos ours) throws IOException {
        DG14File theirs = new DG14File(new ByteArrayInputStream(new Dg14File(ours).encode()));
        assertSameInfos(ours, theirs.getSecurityInfos());
    }

    @ParameterizedTest
    @MethodSource("securityInfos")
    void dg14JmrtdBuildsWeRead(SecurityInfos expected) {
        Collection<org.jmrtd.lds.SecurityInfo> theirs = toJmrtd(expected);
        Dg14File ours = Dg14File.parse(new DG14File(theirs).getEncoded());
        assertSameInfos(ours.securityInfos(), theirs);
    }

    @ParameterizedTest
    @MethodSource("securityInfos")
    void cardAccessBothWays(SecurityInfos infos) throws IOException {
        List<SecurityInfo> pace = new ArrayList<>(infos.paceInfos());
        SecurityInfos ours = new SecurityInfos(pace);
        org.jmrtd.lds.CardAccessFile read = new org.jmrtd.lds.CardAccessFile(
                new ByteArrayInputStream(new CardAccessFile(ours).encode()));
        assertSameInfos(ours, read.getSecurityInfos());
        org.jmrtd.lds.CardAccessFile built = new org.jmrtd.lds.CardAccessFile(toJmrtd(ours));
        assertThat(CardAccessFile.parse(built.getEncoded()).securityInfos()).isEqualTo(ours);
    }

    private static Collection<org.jmrtd.lds.SecurityInfo> toJmrtd(SecurityInfos infos) {
        List<org.jmrtd.lds.SecurityInfo> out = new ArrayList<>();
        for (SecurityInfo i : infos.all()) {
            if (i instanceof PaceInfo p) {
                out.add(new org.jmrtd.lds.PACEInfo(p.protocol(), p.version(),
                        p.parameterId() == null ? null : BigInteger.valueOf(p.parameterId())));
            } else if (i instanceof ChipAuthenticationInfo c) {
                out.add(c.keyId() == null ? new org.jmrtd.lds.ChipAuthenticationInfo(c.protocol(), c.version())
                        : new org.jmrtd.lds.ChipAuthenticationInfo(c.protocol(), c.version(), c.keyId()));
            } else if (i instanceof ChipAuthenticationPublicKeyInfo k) {
                out.add(new org.jmrtd.lds.ChipAuthenticationPublicKeyInfo(k.protocol(), k.publicKey(), k.keyId()));
            } else if (i instanceof ActiveAuthenticationInfo a) {
                out.add(new org.jmrtd.lds.ActiveAuthenticationInfo(a.signatureAlgorithm()));
            } else if (i instanceof TerminalAuthenticationInfo) {
                out.add(new org.jmrtd.lds.TerminalAuthenticationInfo());
            } else if (i instanceof PaceDomainParameterInfo d) {
                out.add(new org.jmrtd.lds.PACEDomainParameterInfo(d.protocol(),
                        org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(d.domainParameter()),
                        d.parameterId() == null ? null : BigInteger.valueOf(d.parameterId())));
            } else {
                throw new IllegalArgumentException("no JMRTD form for " + i);
            }
        }
        return out;
    }

    private static void assertSameInfos(SecurityInfos ours, Collection<org.jmrtd.lds.SecurityInfo> theirs) {
        assertThat(theirs).hasSameSizeAs(ours.all());
        for (SecurityInfo i : ours.all()) {
            List<org.jmrtd.lds.SecurityInfo> same = theirs.stream().filter(t -> t.getObjectIdentifier().equals(i.protocol()))
                    .filter(t -> matches(i, t)).toList();
            assertThat(same).as("JMRTD has an equal info for %s", i).isNotEmpty();
        }
    }

    private static boolean matches(SecurityInfo ours, org.jmrtd.lds.SecurityInfo theirs) {
        if (ours instanceof PaceInfo p) {
            // JMRTD reports an absent parameter ID as -1
            BigInteger theirId = theirs instanceof org.jmrtd.lds.PACEInfo t && t.getParameterId() != null
                    && t.getParameterId().signum() >= 0 ? t.getParameterId() : null;
            return theirs instanceof org.jmrtd.lds.PACEInfo t && t.getVersion() == p.version()
                    && java.util.Objects.equals(theirId, p.parameterId() == null ? null
                            : BigInteger.valueOf(p.parameterId()));
        }
        if (ours instanceof ChipAuthenticationInfo c) {
            return theirs instanceof org.jmrtd.lds.ChipAuthenticationInfo t && t.getVersion() == c.version()
                    && java.util.Objects.equals(t.getKeyId(), c.keyId());
        }
        if (ours instanceof ChipAuthenticationPublicKeyInfo k) {
            return theirs instanceof org.jmrtd.lds.ChipAuthenticationPublicKeyInfo t
                    && sameKey(k.publicKey(), t.getSubjectPublicKey())
                    && java.util.Objects.equals(t.getKeyId(), k.keyId());
        }
        if (ours instanceof ActiveAuthenticationInfo a) {
            return theirs instanceof org.jmrtd.lds.ActiveAuthenticationInfo t && t.getVersion() == a.version()
                    && java.util.Objects.equals(t.getSignatureAlgorithmOID(), a.signatureAlgorithm());
        }
        if (ours instanceof TerminalAuthenticationInfo ta) {
            return theirs instanceof org.jmrtd.lds.TerminalAuthenticationInfo t && t.getVersion() == ta.version();
        }
        if (ours instanceof PaceDomainParameterInfo) {
            return theirs instanceof org.jmrtd.lds.PACEDomainParameterInfo;
        }
        return false;
    }

    private static boolean sameKey(PublicKey a, PublicKey b) {
        if (a instanceof ECPublicKey x && b instanceof ECPublicKey y) {
            return x.getW().equals(y.getW());
        }
        if (a instanceof DHPublicKey x && b instanceof DHPublicKey y) {
            return x.getY().equals(y.getY()) && x.getParams().getP().equals(y.getParams().getP());
        }
        return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    @org.junit.jupiter.api.Test
    void publishedDg14AndDg15ReadTheSameInBoth() throws IOException {
        byte[] dg14 = vn.cccd.reader.util.Hex.decode(SecurityInfosTest.DE_DG14);
        assertSameInfos(Dg14File.parse(dg14).securityInfos(),
                new DG14File(new ByteArrayInputStream(dg14)).getSecurityInfos());
        byte[] dg15 = vn.cccd.reader.util.Hex.decode(Dg15FileTest.RSA_DG15);
        assertThat(sameKey(Dg15File.parse(dg15).publicKey(),
                new DG15File(new ByteArrayInputStream(dg15)).getPublicKey())).isTrue();
    }

    static Stream<PublicKey> aaKeys() throws Exception {
        return Dg15FileTest.aaKeys().stream();
    }

    @ParameterizedTest
    @MethodSource("aaKeys")
    void dg15BothWays(PublicKey key) throws IOException {
        DG15File theirs = new DG15File(new ByteArrayInputStream(Dg15File.of(key).encode()));
        assertThat(sameKey(theirs.getPublicKey(), key)).isTrue();
        Dg15File ours = Dg15File.parse(new DG15File(key).getEncoded());
        assertThat(sameKey(ours.publicKey(), key)).isTrue();
    }

    // ---- DG11 / DG12 ----

    static Stream<Dg11File> dg11s() {
        RandomPersons r = new RandomPersons(11);
        return IntStream.range(0, 20).mapToObj(i -> Dg11File.builder()
                .fullName(Mrz.transliterate(r.fullName()).replaceFirst("<", "<<"))
                .otherNames(r.chance(50) ? List.of(r.fullName(), r.fullName()) : List.of())
                .personalNumber(r.chance(70) ? r.digits(12) : null)
                .fullDateOfBirth(r.date(1930, 2020))
                .placeOfBirth(r.chance(70) ? "HA NOI<VIET NAM" : null)
                .permanentAddress(r.address(r.chance(50)).replace(", ", "<"))
                .telephone(r.chance(50) ? "+84" + r.digits(9) : null)
                .profession(r.chance(50) ? "Kỹ sư" : null)
                .title(r.chance(30) ? "TS" : null)
                .personalSummary(r.chance(30) ? "Không" : null)
                .proofOfCitizenship(r.chance(30) ? new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3} : null)
                .otherValidTdNumbers(r.chance(30) ? "C1234567<B7654321" : null)
                .custodyInformation(r.chance(20) ? "Cha mẹ" : null)
                .build());
    }

    @ParameterizedTest
    @MethodSource("dg11s")
    void dg11WeBuildJmrtdReads(Dg11File ours) throws IOException {
        DG11File theirs = new DG11File(new ByteArrayInputStream(ours.encode()));
        assertThat(theirs.getNameOfHolder()).isEqualTo(ours.fullName());
        assertThat(orEmpty(theirs.getOtherNames())).isEqualTo(ours.otherNames());
        assertThat(theirs.getPersonalNumber()).isEqualTo(ours.personalNumber());
        assertThat(theirs.getFullDateOfBirth()).isEqualTo(ours.fullDateOfBirth());
        assertThat(joined(theirs.getPlaceOfBirth())).isEqualTo(ours.placeOfBirth());
        assertThat(joined(theirs.getPermanentAddress())).isEqualTo(ours.permanentAddress());
        assertThat(theirs.getTelephone()).isEqualTo(ours.telephone());
        assertThat(theirs.getProfession()).isEqualTo(ours.profession());
        assertThat(theirs.getTitle()).isEqualTo(ours.title());
        assertThat(theirs.getPersonalSummary()).isEqualTo(ours.personalSummary());
        assertThat(theirs.getProofOfCitizenship()).isEqualTo(ours.proofOfCitizenship());
        assertThat(joined(theirs.getOtherValidTDNumbers())).isEqualTo(ours.otherValidTdNumbers());
        assertThat(theirs.getCustodyInformation()).isEqualTo(ours.custodyInformation());
    }

    @ParameterizedTest
    @MethodSource("dg11s")
    void dg11JmrtdBuildsWeRead(Dg11File expected) {
        DG11File theirs = new DG11File(expected.fullName(), expected.otherNames(), expected.personalNumber(),
                expected.fullDateOfBirth(), split(expected.placeOfBirth()), split(expected.permanentAddress()),
                expected.telephone(), expected.profession(), expected.title(), expected.personalSummary(),
                expected.proofOfCitizenship(), split(expected.otherValidTdNumbers()), expected.custodyInformation());
        assertThat(Dg11File.parse(theirs.getEncoded())).isEqualTo(expected);
    }

    static Stream<Dg12File> dg12s() {
        RandomPersons r = new RandomPersons(12);
        return IntStream.range(0, 20).mapToObj(i -> Dg12File.builder()
                .issuingAuthority(r.chance(70) ? "Cục Cảnh sát QLHC về TTXH" : null)
                .dateOfIssue(r.chance(80) ? r.date(2015, 2025) : null)
                .namesOfOtherPersons(r.chance(30) ? List.of(r.fullName()) : List.of())
                .endorsementsAndObservations(r.chance(30) ? "Không" : null)
                .taxOrExitRequirements(r.chance(20) ? "N/A" : null)
                .imageOfFront(r.chance(20) ? new byte[] {(byte) 0xFF, (byte) 0xD8, 9} : null)
                .imageOfRear(r.chance(20) ? new byte[] {(byte) 0xFF, (byte) 0xD8, 8} : null)
                .dateAndTimeOfPersonalization(r.chance(50) ? "20210415093000" : null)
                .personalizationSystemSerialNumber(r.chance(50) ? "PS" + r.digits(6) : null)
                .build());
    }

    @ParameterizedTest
    @MethodSource("dg12s")
    void dg12WeBuildJmrtdReads(Dg12File ours) throws IOException {
        DG12File theirs = new DG12File(new ByteArrayInputStream(ours.encode()));
        assertThat(theirs.getIssuingAuthority()).isEqualTo(ours.issuingAuthority());
        assertThat(theirs.getDateOfIssue()).isEqualTo(ours.dateOfIssueText());
        assertThat(orEmpty(theirs.getNamesOfOtherPersons())).isEqualTo(ours.namesOfOtherPersons());
        assertThat(theirs.getEndorsementsAndObservations()).isEqualTo(ours.endorsementsAndObservations());
        assertThat(theirs.getTaxOrExitRequirements()).isEqualTo(ours.taxOrExitRequirements());
        assertThat(theirs.getImageOfFront()).isEqualTo(ours.imageOfFront());
        assertThat(theirs.getImageOfRear()).isEqualTo(ours.imageOfRear());
        assertThat(theirs.getDateAndTimeOfPersonalization()).isEqualTo(ours.dateAndTimeOfPersonalization());
        assertThat(theirs.getPersonalizationSystemSerialNumber()).isEqualTo(ours.personalizationSystemSerialNumber());
    }

    @ParameterizedTest
    @MethodSource("dg12s")
    void dg12JmrtdBuildsWeRead(Dg12File expected) {
        DG12File theirs = new DG12File(expected.issuingAuthority(), expected.dateOfIssueText(),
                expected.namesOfOtherPersons(), expected.endorsementsAndObservations(),
                expected.taxOrExitRequirements(), expected.imageOfFront(), expected.imageOfRear(),
                expected.dateAndTimeOfPersonalization(), expected.personalizationSystemSerialNumber());
        assertThat(Dg12File.parse(theirs.getEncoded())).isEqualTo(expected);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String joined(List<String> parts) {
        return parts == null || parts.isEmpty() ? null : String.join("<", parts);
    }

    private static List<String> split(String s) {
        return s == null ? null : List.of(s.split("<"));
    }

}
