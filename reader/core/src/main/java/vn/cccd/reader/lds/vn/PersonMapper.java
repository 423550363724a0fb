package vn.cccd.reader.lds.vn;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import vn.cccd.reader.lds.Dg11File;
import vn.cccd.reader.lds.Dg12File;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.Mrz;
import vn.cccd.reader.model.DocumentInfo;
import vn.cccd.reader.model.Person;
import vn.cccd.reader.util.Text;

/**
 * From parsed data groups to the contract's {@link DocumentInfo} and {@link Person}.
 *
 * <ul>
 *   <li>A Vietnamese ID card (issuing state VNM, document code I…, TD1) is a {@code CCCD}: the person comes from
 *       DG13; the MRZ only fills what DG13 lacks (ID number from the optional data, name without diacritics,
 *       dates, sex, nationality), and gives all of it when DG13 was not read or not understood.</li>
 *   <li>Any other document (a foreign passport read with its MRZ key, a foreign ID card): the person comes from
 *       DG1, with DG11 (name, personal number, full date of birth, address) and DG12 (date of issue) when read.
 *       A TD3 with document code P… is a {@code PASSPORT}, anything else an {@code ID_CARD}.</li>
 * </ul>
 * Values the files do not state are null, never guessed. Sex is "Nam"/"Nữ" (MRZ M/F) or null. Nationality is
 * DG13's text for a CCCD; from the MRZ, "VNM" becomes "Việt Nam" and any other code is kept as the code.
 */
public final class PersonMapper {
    private static final String VIETNAM_CODE = "VNM";
    private static final String VIETNAM_NAME = "Việt Nam";

    private PersonMapper() {
    }

    /** The document and its holder. */
    public record MappedIdentity(DocumentInfo document, Person person) {
        @Override
        public String toString() {
            return "MappedIdentity[" + document.type() + ", redacted]";
        }
    }

    /**
     * Maps what was read; any file may be null (not read or absent) but DG1 and DG13 not both.
     *
     * @param today the reference for two-digit MRZ years (birth dates are not in the future)
     */
    public static MappedIdentity map(Dg1File dg1, Dg13File dg13, Dg11File dg11, Dg12File dg12, LocalDate today) {
        Mrz mrz = dg1 == null ? null : dg1.mrz();
        if (mrz == null && dg13 == null) {
            throw new IllegalArgumentException("a person needs DG1 or DG13");
        }
        if (dg13 != null && (mrz == null || isVietnameseIdCard(mrz))) {
            return cccd(dg13, mrz, today);
        }
        if (isVietnameseIdCard(mrz)) {
            // a CCCD whose DG13 was not read or not understood: what the MRZ says, the rest null
            return cccd(Dg13File.builder().build(), mrz, today);
        }
        return fromMrz(mrz, dg11, dg12, today);
    }

    /** As {@link #map(Dg1File, Dg13File, Dg11File, Dg12File, LocalDate)} with today's date. */
    public static MappedIdentity map(Dg1File dg1, Dg13File dg13, Dg11File dg11, Dg12File dg12) {
        return map(dg1, dg13, dg11, dg12, LocalDate.now());
    }

    /** True for a TD1 ID card (document code starting with I) issued by Vietnam. */
    public static boolean isVietnameseIdCard(Mrz mrz) {
        return mrz.format() == Mrz.Format.TD1 && VIETNAM_CODE.equals(mrz.issuingState())
                && mrz.documentCode().startsWith("I");
    }

    private static MappedIdentity cccd(Dg13File d, Mrz mrz, LocalDate today) {
        Optional<Mrz> m = Optional.ofNullable(mrz);
        String expiry;
        if (d.expiryDate() != null) {
            expiry = d.expiryDate().toString();
        } else if (d.hasNoExpiry()) {
            expiry = null;
        } else {
            expiry = m.flatMap(x -> x.expiryDate(today)).map(LocalDate::toString).orElse(null);
        }
        Person person = new Person(
                first(d.idNumber(), m.flatMap(Mrz::vietnameseIdNumber).orElse(null)),
                first(d.fullName(), m.map(Mrz::fullName).map(Text::nfcOrNull).orElse(null)),
                first(iso(d.dateOfBirth()), m.flatMap(x -> x.birthDate(today)).map(LocalDate::toString).orElse(null)),
                first(sexFromText(d.sex()), m.map(x -> sexFromMrz(x.sex())).orElse(null)),
                first(d.nationality(), m.map(x -> nationalityFromCode(x.nationality())).orElse(null)),
                d.ethnicity(),
                d.religion(),
                d.placeOfOrigin(),
                d.placeOfResidence(),
                d.identifyingMarks(),
                iso(d.issueDate()),
                expiry,
                d.fatherName(),
                d.motherName(),
                d.spouseName(),
                first(d.oldIdNumber(), d.previousIdNumber()));
        DocumentInfo doc = new DocumentInfo(DocumentInfo.CCCD,
                m.map(Mrz::issuingState).orElse(VIETNAM_CODE),
                m.map(Mrz::documentNumber).orElse(null),
                m.map(Mrz::text).orElse(null));
        return new MappedIdentity(doc, person);
    }

    private static MappedIdentity fromMrz(Mrz mrz, Dg11File dg11, Dg12File dg12, LocalDate today) {
        Optional<Dg11File> e = Optional.ofNullable(dg11);
        String personalNumber = e.map(Dg11File::personalNumber).orElse(null);
        if (personalNumber == null && mrz.format() == Mrz.Format.TD3 && !mrz.optionalData2().isEmpty()) {
            personalNumber = mrz.optionalData2().replace('<', ' ').strip();
        }
        Person person = new Person(
                Text.nfcOrNull(personalNumber),
                first(e.map(Dg11File::displayName).orElse(null), Text.nfcOrNull(mrz.fullName())),
                first(e.map(Dg11File::dateOfBirth).map(LocalDate::toString).orElse(null),
                        mrz.birthDate(today).map(LocalDate::toString).orElse(null)),
                sexFromMrz(mrz.sex()),
                nationalityFromCode(mrz.nationality()),
                null,
                null,
                null,
                e.map(Dg11File::displayAddress).orElse(null),
                null,
                Optional.ofNullable(dg12).map(Dg12File::dateOfIssue).map(LocalDate::toString).orElse(null),
                mrz.expiryDate(today).map(LocalDate::toString).orElse(null),
                null,
                null,
                null,
                null);
        String type = mrz.format() == Mrz.Format.TD3 && mrz.documentCode().startsWith("P")
                ? DocumentInfo.PASSPORT : DocumentInfo.ID_CARD;
        DocumentInfo doc = new DocumentInfo(type, mrz.issuingState(), mrz.documentNumber(), mrz.text());
        return new MappedIdentity(doc, person);
    }

    /**
     * The other direction, for building a card: a DG13 builder preset with the person's values in the published
     * layout. A null expiry means a card without expiry; an old ID number of 9 digits goes to index 15 (the old
     * CMND), one of 12 digits to index 16. Reading the built file back with {@link #map} gives the same person.
     *
     * @throws IllegalArgumentException for dates that are not ISO {@code YYYY-MM-DD}
     */
    public static Dg13File.Builder toDg13(Person p) {
        Dg13File.Builder b = Dg13File.builder()
                .idNumber(p.idNumber()).fullName(p.fullName()).dateOfBirth(isoDate(p.dateOfBirth(), "dateOfBirth"))
                .sex(p.sex()).nationality(p.nationality()).ethnicity(p.ethnicity()).religion(p.religion())
                .placeOfOrigin(p.placeOfOrigin()).placeOfResidence(p.placeOfResidence())
                .identifyingMarks(p.identifyingMarks()).issueDate(isoDate(p.issueDate(), "issueDate"))
                .expiryDate(isoDate(p.expiryDate(), "expiryDate"))
                .fatherName(p.fatherName()).motherName(p.motherName()).spouseName(p.spouseName());
        String old = Text.nfcOrNull(p.oldIdNumber());
        if (old != null && old.length() == 12) {
            b.field16(old);
        } else {
            b.oldIdNumber(old);
        }
        return b;
    }

    private static LocalDate isoDate(String s, String what) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be YYYY-MM-DD");
        }
    }

    /** "Nam" / "Nữ" from DG13's text in any case; anything else is unknown. */
    static String sexFromText(String s) {
        String t = Text.nfcOrNull(s);
        if (t == null) {
            return null;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("nam")) {
            return "Nam";
        }
        if (lower.equals(Text.nfc("nữ"))) {
            return "Nữ";
        }
        return null;
    }

    static String sexFromMrz(char c) {
        return switch (c) {
            case 'M' -> "Nam";
            case 'F' -> "Nữ";
            default -> null;
        };
    }

    /** "Việt Nam" for VNM; other codes are kept as they are (no country table is guessed at). */
    static String nationalityFromCode(String code) {
        String c = code == null ? "" : code.replace("<", "").strip();
        if (c.isEmpty()) {
            return null;
        }
        return VIETNAM_CODE.equals(c) ? VIETNAM_NAME : c;
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
