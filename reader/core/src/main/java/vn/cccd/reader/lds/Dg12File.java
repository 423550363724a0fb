package vn.cccd.reader.lds;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.cccd.reader.util.Text;

/** DG12, additional document details (ICAO 9303-10 §4.7.12): issuing authority, date of issue and more. */
public final class Dg12File {
    public static final int ISSUING_AUTHORITY = 0x5F19;
    public static final int DATE_OF_ISSUE = 0x5F26;
    public static final int NAME_OF_OTHER_PERSON = 0x5F1A;
    public static final int ENDORSEMENTS_AND_OBSERVATIONS = 0x5F1B;
    public static final int TAX_OR_EXIT_REQUIREMENTS = 0x5F1C;
    public static final int IMAGE_OF_FRONT = 0x5F1D;
    public static final int IMAGE_OF_REAR = 0x5F1E;
    public static final int DATE_AND_TIME_OF_PERSONALIZATION = 0x5F55;
    public static final int PERSONALIZATION_SYSTEM_SERIAL_NUMBER = 0x5F56;

    private final String issuingAuthority;
    private final String dateOfIssue;
    private final List<String> namesOfOtherPersons;
    private final String endorsementsAndObservations;
    private final String taxOrExitRequirements;
    private final byte[] imageOfFront;
    private final byte[] imageOfRear;
    private final String dateAndTimeOfPersonalization;
    private final String personalizationSystemSerialNumber;

    private Dg12File(Builder b) {
        issuingAuthority = b.issuingAuthority;
        dateOfIssue = b.dateOfIssue;
        namesOfOtherPersons = List.copyOf(b.namesOfOtherPersons);
        endorsementsAndObservations = b.endorsementsAndObservations;
        taxOrExitRequirements = b.taxOrExitRequirements;
        imageOfFront = b.imageOfFront == null ? null : b.imageOfFront.clone();
        imageOfRear = b.imageOfRear == null ? null : b.imageOfRear.clone();
        dateAndTimeOfPersonalization = b.dateAndTimeOfPersonalization;
        personalizationSystemSerialNumber = b.personalizationSystemSerialNumber;
    }

    public static Dg12File parse(byte[] encoded) {
        TaggedFields f = TaggedFields.parse(encoded, LdsFile.DG12, NAME_OF_OTHER_PERSON);
        Builder b = builder()
                .issuingAuthority(f.text(ISSUING_AUTHORITY))
                .namesOfOtherPersons(f.repeatedText(NAME_OF_OTHER_PERSON))
                .endorsementsAndObservations(f.text(ENDORSEMENTS_AND_OBSERVATIONS))
                .taxOrExitRequirements(f.text(TAX_OR_EXIT_REQUIREMENTS))
                .imageOfFront(f.bytes(IMAGE_OF_FRONT))
                .imageOfRear(f.bytes(IMAGE_OF_REAR))
                .personalizationSystemSerialNumber(f.text(PERSONALIZATION_SYSTEM_SERIAL_NUMBER));
        b.dateOfIssue = f.fullDate(DATE_OF_ISSUE, 8);
        b.dateAndTimeOfPersonalization = f.fullDate(DATE_AND_TIME_OF_PERSONALIZATION, 14);
        return b.build();
    }

    public byte[] encode() {
        return new TaggedFields.Writer()
                .text(ISSUING_AUTHORITY, issuingAuthority)
                .text(DATE_OF_ISSUE, dateOfIssue)
                .repeated(NAME_OF_OTHER_PERSON, namesOfOtherPersons)
                .text(ENDORSEMENTS_AND_OBSERVATIONS, endorsementsAndObservations)
                .text(TAX_OR_EXIT_REQUIREMENTS, taxOrExitRequirements)
                .bytes(IMAGE_OF_FRONT, imageOfFront)
                .bytes(IMAGE_OF_REAR, imageOfRear)
                .text(DATE_AND_TIME_OF_PERSONALIZATION, dateAndTimeOfPersonalization)
                .text(PERSONALIZATION_SYSTEM_SERIAL_NUMBER, personalizationSystemSerialNumber)
                .encode(LdsFile.DG12);
    }

    public String issuingAuthority() {
        return issuingAuthority;
    }

    /** yyyyMMdd as stored, or null. */
    public String dateOfIssueText() {
        return dateOfIssue;
    }

    /** The date of issue, or null when absent or not a valid date. */
    public LocalDate dateOfIssue() {
        return Dg11File.ymd(dateOfIssue);
    }

    public List<String> namesOfOtherPersons() {
        return namesOfOtherPersons;
    }

    public String endorsementsAndObservations() {
        return endorsementsAndObservations;
    }

    public String taxOrExitRequirements() {
        return taxOrExitRequirements;
    }

    public byte[] imageOfFront() {
        return imageOfFront == null ? null : imageOfFront.clone();
    }

    public byte[] imageOfRear() {
        return imageOfRear == null ? null : imageOfRear.clone();
    }

    /** yyyyMMddHHmmss as stored, or null. */
    public String dateAndTimeOfPersonalization() {
        return dateAndTimeOfPersonalization;
    }

    public String personalizationSystemSerialNumber() {
        return personalizationSystemSerialNumber;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds DG12; null values are left out of the file. */
    public static final class Builder {
        private String issuingAuthority;
        private String dateOfIssue;
        private List<String> namesOfOtherPersons = List.of();
        private String endorsementsAndObservations;
        private String taxOrExitRequirements;
        private byte[] imageOfFront;
        private byte[] imageOfRear;
        private String dateAndTimeOfPersonalization;
        private String personalizationSystemSerialNumber;

        private Builder() {
        }

        public Builder issuingAuthority(String v) {
            issuingAuthority = Text.nfcOrNull(v);
            return this;
        }

        public Builder dateOfIssue(LocalDate d) {
            dateOfIssue = d == null ? null : String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(),
                    d.getDayOfMonth());
            return this;
        }

        public Builder namesOfOtherPersons(List<String> v) {
            namesOfOtherPersons = v.stream().map(Text::nfcOrNull).filter(Objects::nonNull).toList();
            return this;
        }

        public Builder endorsementsAndObservations(String v) {
            endorsementsAndObservations = Text.nfcOrNull(v);
            return this;
        }

        public Builder taxOrExitRequirements(String v) {
            taxOrExitRequirements = Text.nfcOrNull(v);
            return this;
        }

        public Builder imageOfFront(byte[] v) {
            imageOfFront = v == null ? null : v.clone();
            return this;
        }

        public Builder imageOfRear(byte[] v) {
            imageOfRear = v == null ? null : v.clone();
            return this;
        }

        /** 14 digits yyyyMMddHHmmss, or null. */
        public Builder dateAndTimeOfPersonalization(String v) {
            if (v != null && !v.matches("[0-9]{14}")) {
                throw new IllegalArgumentException("date and time of personalization is yyyyMMddHHmmss");
            }
            dateAndTimeOfPersonalization = v;
            return this;
        }

        public Builder personalizationSystemSerialNumber(String v) {
            personalizationSystemSerialNumber = Text.nfcOrNull(v);
            return this;
        }

        public Dg12File build() {
            return new Dg12File(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dg12File d && Objects.equals(d.issuingAuthority, issuingAuthority)
                && Objects.equals(d.dateOfIssue, dateOfIssue) && d.namesOfOtherPersons.equals(namesOfOtherPersons)
                && Objects.equals(d.endorsementsAndObservations, endorsementsAndObservations)
                && Objects.equals(d.taxOrExitRequirements, taxOrExitRequirements)
                && Arrays.equals(d.imageOfFront, imageOfFront) && Arrays.equals(d.imageOfRear, imageOfRear)
                && Objects.equals(d.dateAndTimeOfPersonalization, dateAndTimeOfPersonalization)
                && Objects.equals(d.personalizationSystemSerialNumber, personalizationSystemSerialNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuingAuthority, dateOfIssue, namesOfOtherPersons, endorsementsAndObservations,
                taxOrExitRequirements, Arrays.hashCode(imageOfFront), Arrays.hashCode(imageOfRear),
                dateAndTimeOfPersonalization, personalizationSystemSerialNumber);
    }

    @Override
    public String toString() {
        return "Dg12File[redacted]";
    }
}
