package vn.cccd.reader.lds;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.cccd.reader.util.Text;

/**
 * DG11, additional personal details (ICAO 9303-10 §4.7.11). Absent on a CCCD (cccd-card.md §1.1), present on
 * many passports. Text is kept as stored (NFC): names as "SURNAME&lt;&lt;GIVEN NAMES", multi-part fields (place
 * of birth, address, other travel documents) with '&lt;' between parts; accessors convert for display.
 */
public final class Dg11File {
    public static final int FULL_NAME = 0x5F0E;
    public static final int OTHER_NAME = 0x5F0F;
    public static final int PERSONAL_NUMBER = 0x5F10;
    public static final int FULL_DATE_OF_BIRTH = 0x5F2B;
    public static final int PLACE_OF_BIRTH = 0x5F11;
    public static final int PERMANENT_ADDRESS = 0x5F42;
    public static final int TELEPHONE = 0x5F12;
    public static final int PROFESSION = 0x5F13;
    public static final int TITLE = 0x5F14;
    public static final int PERSONAL_SUMMARY = 0x5F15;
    public static final int PROOF_OF_CITIZENSHIP = 0x5F16;
    public static final int OTHER_VALID_TD_NUMBERS = 0x5F17;
    public static final int CUSTODY_INFORMATION = 0x5F18;

    private final String fullName;
    private final List<String> otherNames;
    private final String personalNumber;
    private final String fullDateOfBirth;
    private final String placeOfBirth;
    private final String permanentAddress;
    private final String telephone;
    private final String profession;
    private final String title;
    private final String personalSummary;
    private final byte[] proofOfCitizenship;
    private final String otherValidTdNumbers;
    private final String custodyInformation;

    private Dg11File(Builder b) {
        this.fullName = b.fullName;
        this.otherNames = List.copyOf(b.otherNames);
        this.personalNumber = b.personalNumber;
        this.fullDateOfBirth = b.fullDateOfBirth;
        this.placeOfBirth = b.placeOfBirth;
        this.permanentAddress = b.permanentAddress;
        this.telephone = b.telephone;
        this.profession = b.profession;
        this.title = b.title;
        this.personalSummary = b.personalSummary;
        this.proofOfCitizenship = b.proofOfCitizenship == null ? null : b.proofOfCitizenship.clone();
        this.otherValidTdNumbers = b.otherValidTdNumbers;
        this.custodyInformation = b.custodyInformation;
    }

    public static Dg11File parse(byte[] encoded) {
        TaggedFields f = TaggedFields.parse(encoded, LdsFile.DG11, OTHER_NAME);
        Builder b = builder()
                .fullName(f.text(FULL_NAME))
                .otherNames(f.repeatedText(OTHER_NAME))
                .personalNumber(f.text(PERSONAL_NUMBER))
                .placeOfBirth(f.text(PLACE_OF_BIRTH))
                .permanentAddress(f.text(PERMANENT_ADDRESS))
                .telephone(f.text(TELEPHONE))
                .profession(f.text(PROFESSION))
                .title(f.text(TITLE))
                .personalSummary(f.text(PERSONAL_SUMMARY))
                .proofOfCitizenship(f.bytes(PROOF_OF_CITIZENSHIP))
                .otherValidTdNumbers(f.text(OTHER_VALID_TD_NUMBERS))
                .custodyInformation(f.text(CUSTODY_INFORMATION));
        b.fullDateOfBirth = f.fullDate(FULL_DATE_OF_BIRTH, 8);
        return b.build();
    }

    public byte[] encode() {
        return new TaggedFields.Writer()
                .text(FULL_NAME, fullName)
                .repeated(OTHER_NAME, otherNames)
                .text(PERSONAL_NUMBER, personalNumber)
                .text(FULL_DATE_OF_BIRTH, fullDateOfBirth)
                .text(PLACE_OF_BIRTH, placeOfBirth)
                .text(PERMANENT_ADDRESS, permanentAddress)
                .text(TELEPHONE, telephone)
                .text(PROFESSION, profession)
                .text(TITLE, title)
                .text(PERSONAL_SUMMARY, personalSummary)
                .bytes(PROOF_OF_CITIZENSHIP, proofOfCitizenship)
                .text(OTHER_VALID_TD_NUMBERS, otherValidTdNumbers)
                .text(CUSTODY_INFORMATION, custodyInformation)
                .encode(LdsFile.DG11);
    }

    /** As stored, e.g. "NGUYEN&lt;&lt;VAN A" or a name without separators. */
    public String fullName() {
        return fullName;
    }

    /** The stored name for display: "SURNAME GIVEN NAMES" with '&lt;' as spaces. */
    public String displayName() {
        return fullName == null ? null : Text.nfcOrNull(fullName.replaceAll("<+", " "));
    }

    public List<String> otherNames() {
        return otherNames;
    }

    public String personalNumber() {
        return personalNumber;
    }

    /** yyyyMMdd as stored (8 digits), or null. */
    public String fullDateOfBirth() {
        return fullDateOfBirth;
    }

    /** The full date of birth, or null when absent or not a valid date (some issuers write 00 for unknown). */
    public LocalDate dateOfBirth() {
        return ymd(fullDateOfBirth);
    }

    public String placeOfBirth() {
        return placeOfBirth;
    }

    public String permanentAddress() {
        return permanentAddress;
    }

    /** The permanent address for display, its '&lt;'-separated parts joined by ", ". */
    public String displayAddress() {
        return parts(permanentAddress);
    }

    public String telephone() {
        return telephone;
    }

    public String profession() {
        return profession;
    }

    public String title() {
        return title;
    }

    public String personalSummary() {
        return personalSummary;
    }

    public byte[] proofOfCitizenship() {
        return proofOfCitizenship == null ? null : proofOfCitizenship.clone();
    }

    public String otherValidTdNumbers() {
        return otherValidTdNumbers;
    }

    public String custodyInformation() {
        return custodyInformation;
    }

    static LocalDate ymd(String yyyymmdd) {
        if (yyyymmdd == null || !yyyymmdd.matches("[0-9]{8}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String parts(String s) {
        if (s == null) {
            return null;
        }
        return Text.nfcOrNull(String.join(", ", Arrays.stream(s.split("<+")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds DG11; null values are left out of the file. */
    public static final class Builder {
        private String fullName;
        private List<String> otherNames = List.of();
        private String personalNumber;
        private String fullDateOfBirth;
        private String placeOfBirth;
        private String permanentAddress;
        private String telephone;
        private String profession;
        private String title;
        private String personalSummary;
        private byte[] proofOfCitizenship;
        private String otherValidTdNumbers;
        private String custodyInformation;

        private Builder() {
        }

        public Builder fullName(String v) {
            fullName = Text.nfcOrNull(v);
            return this;
        }

        public Builder otherNames(List<String> v) {
            otherNames = v.stream().map(Text::nfcOrNull).filter(Objects::nonNull).toList();
            return this;
        }

        public Builder personalNumber(String v) {
            personalNumber = Text.nfcOrNull(v);
            return this;
        }

        public Builder fullDateOfBirth(LocalDate d) {
            fullDateOfBirth = d == null ? null : String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(),
                    d.getDayOfMonth());
            return this;
        }

        public Builder placeOfBirth(String v) {
            placeOfBirth = Text.nfcOrNull(v);
            return this;
        }

        public Builder permanentAddress(String v) {
            permanentAddress = Text.nfcOrNull(v);
            return this;
        }

        public Builder telephone(String v) {
            telephone = Text.nfcOrNull(v);
            return this;
        }

        public Builder profession(String v) {
            profession = Text.nfcOrNull(v);
            return this;
        }

        public Builder title(String v) {
            title = Text.nfcOrNull(v);
            return this;
        }

        public Builder personalSummary(String v) {
            personalSummary = Text.nfcOrNull(v);
            return this;
        }

        public Builder proofOfCitizenship(byte[] image) {
            proofOfCitizenship = image == null ? null : image.clone();
            return this;
        }

        public Builder otherValidTdNumbers(String v) {
            otherValidTdNumbers = Text.nfcOrNull(v);
            return this;
        }

        public Builder custodyInformation(String v) {
            custodyInformation = Text.nfcOrNull(v);
            return this;
        }

        public Dg11File build() {
            return new Dg11File(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dg11File d && Objects.equals(d.fullName, fullName) && d.otherNames.equals(otherNames)
                && Objects.equals(d.personalNumber, personalNumber) && Objects.equals(d.fullDateOfBirth, fullDateOfBirth)
                && Objects.equals(d.placeOfBirth, placeOfBirth) && Objects.equals(d.permanentAddress, permanentAddress)
                && Objects.equals(d.telephone, telephone) && Objects.equals(d.profession, profession)
                && Objects.equals(d.title, title) && Objects.equals(d.personalSummary, personalSummary)
                && Arrays.equals(d.proofOfCitizenship, proofOfCitizenship)
                && Objects.equals(d.otherValidTdNumbers, otherValidTdNumbers)
                && Objects.equals(d.custodyInformation, custodyInformation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fullName, otherNames, personalNumber, fullDateOfBirth, placeOfBirth, permanentAddress,
                telephone, profession, title, personalSummary, Arrays.hashCode(proofOfCitizenship),
                otherValidTdNumbers, custodyInformation);
    }

    @Override
    public String toString() {
        return "Dg11File[redacted]";
    }
}
