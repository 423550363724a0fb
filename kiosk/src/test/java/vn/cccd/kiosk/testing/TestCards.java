package vn.cccd.kiosk.testing;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.persona.PortraitGenerator;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.model.DocumentInfo;
import vn.cccd.reader.model.Face;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.Person;
import vn.cccd.reader.model.Stats;
import vn.cccd.reader.model.Verification;

/**
 * Card read results built from the mock card's personas (fake people), for tests that do not go through a chip.
 */
public final class TestCards {
    private TestCards() {
    }

    public static Person person(String persona) {
        return Personas.builtIn(persona).person();
    }

    /** A read with Passive Authentication valid, AA and CA passed. */
    public static CardReadResult authentic(String persona) {
        return withChecks(persona, PassiveAuthentication.Status.VALID, CheckResult.Status.PASSED,
                CheckResult.Status.PASSED);
    }

    /** An authentic read of a persona whose card gives another residence (e.g. a pre-2025 address). */
    public static CardReadResult livingAt(String persona, String residence) {
        CardReadResult r = authentic(persona);
        Person p = r.person();
        Person moved = new Person(p.idNumber(), p.fullName(), p.dateOfBirth(), p.sex(), p.nationality(),
                p.ethnicity(), p.religion(), p.placeOfOrigin(), residence, p.identifyingMarks(), p.issueDate(),
                p.expiryDate(), p.fatherName(), p.motherName(), p.spouseName(), p.oldIdNumber());
        return new CardReadResult(r.document(), moved, r.face(), r.verification(), r.dataGroups(), r.stats(),
                r.problems());
    }

    /**
     * An authentic read whose DG13 was signed but in a layout the reader did not understand: the person is what
     * the reader's own mapping takes from the MRZ (DG1), and {@code problems} names DG13.
     */
    public static CardReadResult withoutDg13(String persona) {
        Persona p = Personas.builtIn(persona);
        Person who = p.person();
        java.time.LocalDate expiry = who.expiryDate() == null ? null : java.time.LocalDate.parse(who.expiryDate());
        vn.cccd.reader.lds.Mrz mrz = vn.cccd.reader.lds.Mrz.vietnameseId(who.idNumber(), who.fullName(),
                java.time.LocalDate.parse(who.dateOfBirth()), "Nữ".equals(who.sex()) ? 'F' : 'M', expiry);
        Person fromMrz = vn.cccd.reader.lds.vn.PersonMapper.map(new vn.cccd.reader.lds.Dg1File(mrz), null, null, null)
                .person();
        CardReadResult r = authentic(persona);
        return new CardReadResult(r.document(), fromMrz, r.face(), r.verification(), r.dataGroups(), r.stats(),
                List.of(new vn.cccd.reader.model.FileProblem("DG13", "DG13 does not parse: DG13 holds no indexed"
                        + " fields; the read went on without it: the person was filled from DG1 (the MRZ); type the rest")));
    }

    /** A read whose chain is not trusted (no CSCA configured). */
    public static CardReadResult unverified(String persona) {
        return withChecks(persona, PassiveAuthentication.Status.UNTRUSTED, CheckResult.Status.PASSED,
                CheckResult.Status.PASSED);
    }

    /** A read where Active Authentication failed: a copied chip. */
    public static CardReadResult clone(String persona) {
        return withChecks(persona, PassiveAuthentication.Status.VALID, CheckResult.Status.FAILED,
                CheckResult.Status.PASSED);
    }

    public static CardReadResult withChecks(String persona, PassiveAuthentication.Status pa, CheckResult.Status aa,
            CheckResult.Status ca) {
        Persona p = Personas.builtIn(persona);
        boolean valid = pa == PassiveAuthentication.Status.VALID;
        PassiveAuthentication pas = new PassiveAuthentication(pa, pa != PassiveAuthentication.Status.INVALID,
                valid, Map.of("DG1", PassiveAuthentication.HashStatus.MATCH, "DG13", PassiveAuthentication.HashStatus.MATCH),
                new PassiveAuthentication.Signer("CN=Test DS", "2021-01-01", "2031-01-01"),
                valid ? new PassiveAuthentication.Csca("CN=Test CSCA") : null,
                valid ? List.of() : List.of("The CSCA certificate is not in the trust store"));
        Verification v = Verification.of(Verification.AccessControl.BAC, pas,
                new CheckResult(aa, aa == CheckResult.Status.FAILED ? "signature does not verify" : null),
                new CheckResult(ca, null), null);
        byte[] jpeg = PortraitGenerator.jpeg(persona, "Nữ".equals(p.person().sex()), false);
        Face face = new Face("image/jpeg", PortraitGenerator.WIDTH, PortraitGenerator.HEIGHT,
                Base64.getEncoder().encodeToString(jpeg));
        String mrz = "IDVNM" + p.documentNumber() + "<<0" + "\n" + "900101<M300101<VNM<<<<<<<<<<<0" + "\n" + "NAME<<TEST";
        return new CardReadResult(new DocumentInfo(DocumentInfo.CCCD, "VNM", p.documentNumber(), mrz), p.person(), face,
                v, List.of("COM", "SOD", "DG1", "DG2", "DG13", "DG14", "DG15"), new Stats(120, 4000, 30000, 2100));
    }
}
