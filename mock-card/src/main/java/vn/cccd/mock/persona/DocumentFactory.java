package vn.cccd.mock.persona;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.cccd.mock.chip.ChipProfile;
import vn.cccd.mock.fault.DocumentFault;
import vn.cccd.mock.pki.DeterministicSigning;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.lds.ActiveAuthenticationInfo;
import vn.cccd.reader.lds.ChipAuthenticationInfo;
import vn.cccd.reader.lds.ChipAuthenticationPublicKeyInfo;
import vn.cccd.reader.lds.CardAccessFile;
import vn.cccd.reader.lds.ComFile;
import vn.cccd.reader.lds.Dg11File;
import vn.cccd.reader.lds.vn.Dg13Layout;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.lds.Dg15File;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.Dg2File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.Mrz;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.lds.vn.PersonMapper;
import vn.cccd.reader.lds.SecurityInfo;
import vn.cccd.reader.lds.SecurityInfos;
import vn.cccd.reader.lds.SodFile;
import vn.cccd.reader.model.Person;

/**
 * Builds a persona's document with the reader's own LDS builders: DG1 (TD1 in the Vietnamese layout, or TD3
 * for a passport), DG13, DG2 (the persona's portrait or a generated one), DG14 (Chip Authentication and the
 * EC Active Authentication algorithm), DG15, EF.COM and the SOD signed by the test PKI's Document Signer (EC
 * for CCCDs, RSA for passports, so both families are exercised). Deterministic: the same persona gives the
 * same bytes on every run. Document faults are applied here, after signing.
 */
public final class DocumentFactory {
    /** Holders from 58 have cards without expiry; the portrait gets grey hair from this age too. */
    static final int GREY_AGE = 58;
    /** id-PACE-ECDH-GM-AES-CBC-CMAC-128. */
    static final String PACE_ECDH_GM_AES_128 = SecurityInfo.ID_PACE + ".2.2";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private DocumentFactory() {
    }

    /** The document files by LDS file (no faults applied). */
    public static Map<LdsFile, byte[]> files(Persona persona) {
        return files(persona, List.of());
    }

    /** The document files with the document faults applied (what the chip holds). */
    public static Map<LdsFile, byte[]> files(Persona persona, List<DocumentFault> faults) {
        return build(persona, faults, dg13Layout(faults)).files;
    }

    /** The document files with DG13 in the given layout (every layout the sources show), signed. */
    public static Map<LdsFile, byte[]> files(Persona persona, List<DocumentFault> faults, Dg13Layout dg13) {
        return build(persona, faults, dg13).files;
    }

    /** The layout real cards have, unless the legacy layout is asked for. */
    private static Dg13Layout dg13Layout(List<DocumentFault> faults) {
        return faults.contains(DocumentFault.LEGACY_DG13_LAYOUT) ? Dg13Layout.LEGACY_SYNTHETIC : Dg13Layout.REAL;
    }

    public static ChipProfile profile(Persona persona, List<DocumentFault> faults) {
        Built b = build(persona, faults, dg13Layout(faults));
        Map<Integer, byte[]> byFid = new HashMap<>();
        b.files.forEach((f, bytes) -> byFid.put(f.fid(), bytes));
        Set<Integer> denied = persona.isCccd() ? Set.of(LdsFile.DG3.fid()) : Set.of();
        DocumentKeys keys = DocumentKeys.of(persona);
        Persona.Access access = persona.access();
        // Extended length is not confirmed on real CCCD chips (cccd-card.md, Q3), so mock cards do without it
        // (readers must do well with short APDUs), except where the chip cannot work without: an RSA-2048 Active
        // Authentication signature does not fit a short secure messaging answer.
        KeyPair aa = keys.activeAuthentication();
        boolean extended = aa != null && "RSA".equals(aa.getPublic().getAlgorithm());
        if (faults.contains(DocumentFault.CLONE) && aa != null) {
            // a copied chip: same files (DG15 names the genuine key), but the copier does not have that key
            aa = "RSA".equals(aa.getPublic().getAlgorithm())
                    ? MockPki.rsaKeys("clone:" + persona.name(), DocumentKeys.RSA_BITS)
                    : MockPki.ecKeys("clone:" + persona.name(), DocumentKeys.CURVE);
        }
        KeyPair ca = keys.chipAuthentication();
        if (faults.contains(DocumentFault.CA_MISMATCH) && ca != null) {
            // the chip's Chip Authentication key is not the one DG14 names (a copy with a fresh key)
            ca = MockPki.ecKeys("ca-mismatch:" + persona.name(), DocumentKeys.CURVE);
        }
        return new ChipProfile(byFid, denied, b.bacKey, access.can(), access.bac(), access.pace(),
                aa, ca, extended, !access.paceCanOnly());
    }

    private record Built(Map<LdsFile, byte[]> files, MrzKey bacKey) {
    }

    private static Built build(Persona persona, List<DocumentFault> faults, Dg13Layout dg13Layout) {
        Person p = persona.person();
        LocalDate birth = LocalDate.parse(p.dateOfBirth());
        LocalDate expiry = expiry(persona);
        Mrz mrz = persona.isCccd()
                ? Mrz.vietnameseId(p.idNumber(), p.fullName(), birth, sexLetter(p.sex()), expiry)
                : passportMrz(persona, birth, expiry);
        EnumMap<LdsFile, byte[]> files = new EnumMap<>(LdsFile.class);
        files.put(LdsFile.DG1, new Dg1File(mrz).encode());
        files.put(LdsFile.DG2, Dg2File.ofJpeg(portrait(persona, birth)).encode());
        if (persona.isCccd()) {
            byte[] dg13 = PersonMapper.toDg13(p).layout(dg13Layout).build().encode();
            if (faults.contains(DocumentFault.UNKNOWN_DG13_LAYOUT)) {
                dg13 = DocumentTampering.opaqueDg13(dg13); // before signing: a signed file we do not understand
            }
            files.put(LdsFile.DG13, dg13);
        } else {
            String name = p.fullName().strip();
            int space = name.indexOf(' ');
            String stored = space < 0 ? name : name.substring(0, space) + "<<" + name.substring(space + 1);
            files.put(LdsFile.DG11, Dg11File.builder().fullName(stored).fullDateOfBirth(birth).build().encode());
        }
        DocumentKeys keys = DocumentKeys.of(persona);
        List<SecurityInfo> dg14 = new ArrayList<>();
        if (keys.chipAuthentication() != null) {
            BigInteger keyId = BigInteger.ONE;
            dg14.add(new ChipAuthenticationInfo(SecurityInfo.ID_CA + ".2.2", 1, keyId));
            dg14.add(ChipAuthenticationPublicKeyInfo.of(keys.chipAuthentication().getPublic(), keyId));
        }
        KeyPair aa = keys.activeAuthentication();
        if (aa != null && "EC".equals(aa.getPublic().getAlgorithm())) {
            dg14.add(ActiveAuthenticationInfo.of("0.4.0.127.0.7.1.1.4.1.3")); // ecdsa-plain-SHA256 (BSI TR-03111), as ICAO asks
        }
        if (!dg14.isEmpty()) {
            files.put(LdsFile.DG14, new Dg14File(new SecurityInfos(dg14)).encode());
        }
        if (aa != null) {
            files.put(LdsFile.DG15, Dg15File.of(aa.getPublic()).encode());
        }
        List<LdsFile> listed = new ArrayList<>();
        if (persona.isCccd()) {
            // the order real CCCD chips list their data groups in, DG3 (fingerprints, EAC-protected) included
            for (LdsFile f : ComFile.CCCD_DATA_GROUPS) {
                if (f == LdsFile.DG3 || files.containsKey(f)) {
                    listed.add(f);
                }
            }
        } else {
            listed.addAll(files.keySet());
        }
        files.put(LdsFile.COM, ComFile.of(listed).encode());
        files.put(LdsFile.SOD, sign(signer(persona, faults), files));
        if (persona.access().pace()) {
            // EF.CardAccess (outside the SOD): PACE ECDH Generic Mapping, AES-128, brainpoolP256r1
            files.put(LdsFile.CARD_ACCESS, new CardAccessFile(new SecurityInfos(List.of(
                    new PaceInfo(PACE_ECDH_GM_AES_128, 2, 13)))).encode());
        }
        if (faults.contains(DocumentFault.TAMPER_DG13) && files.containsKey(LdsFile.DG13)) {
            files.put(LdsFile.DG13, DocumentTampering.tamperDg13(files.get(LdsFile.DG13)));
        }
        if (faults.contains(DocumentFault.BAD_SOD_SIGNATURE)) {
            files.put(LdsFile.SOD, DocumentTampering.corruptSignature(files.get(LdsFile.SOD)));
        }
        MrzKey key = new MrzKey(mrz.documentNumber(), birth.format(YYMMDD),
                expiry == null ? Mrz.VIETNAM_NO_EXPIRY : expiry.format(YYMMDD));
        return new Built(files, key);
    }

    static LocalDate expiry(Persona persona) {
        String e = persona.document().expiryDate() != null ? persona.document().expiryDate()
                : persona.person().expiryDate();
        return e == null ? null : LocalDate.parse(e);
    }

    private static Mrz passportMrz(Persona persona, LocalDate birth, LocalDate expiry) {
        Person p = persona.person();
        String name = p.fullName().strip();
        int space = name.indexOf(' ');
        String nationality = p.nationality() != null && p.nationality().matches("[A-Z]{1,3}") ? p.nationality()
                : persona.issuingState();
        return Mrz.builder(Mrz.Format.TD3).documentCode("P").issuingState(persona.issuingState())
                .documentNumber(persona.documentNumber()).dateOfBirth(birth).sex(sexLetter(p.sex()))
                .dateOfExpiry(expiry == null ? LocalDate.of(2099, 12, 31) : expiry).nationality(nationality)
                .name(space < 0 ? name : name.substring(0, space), space < 0 ? "" : name.substring(space + 1))
                .build();
    }

    static char sexLetter(String sex) {
        if (sex == null) {
            return '<';
        }
        return switch (sex) {
            case "Nam", "M" -> 'M';
            case "Nữ", "F" -> 'F';
            default -> '<';
        };
    }

    private static byte[] portrait(Persona persona, LocalDate birth) {
        if (persona.face() != null) {
            try {
                return Files.readAllBytes(Path.of(persona.face()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the portrait of persona " + persona.name(), e);
            }
        }
        boolean grey = birth.plusYears(GREY_AGE).isBefore(LocalDate.of(2026, 1, 1));
        return PortraitGenerator.jpeg(persona.name(), sexLetter(persona.person().sex()) == 'F', grey);
    }

    private static byte[] sign(MockPki.DocumentSigner ds, Map<LdsFile, byte[]> files) {
        Map<Integer, byte[]> groups = new TreeMap<>();
        files.forEach((f, bytes) -> {
            if (f.isDataGroup()) {
                groups.put(f.dataGroupNumber(), bytes);
            }
        });
        return SodFile.build(ds.hash(), groups, ds.certificate(),
                DeterministicSigning.contentSigner(ds.keys().getPrivate(), ds.hash()));
    }

    /** Which Document Signer signs a persona's SOD. */
    static MockPki.DocumentSigner signer(Persona persona, List<DocumentFault> faults) {
        MockPki pki = MockPki.instance();
        if (faults.contains(DocumentFault.UNKNOWN_CSCA)) {
            return pki.unknownDocumentSigner();
        }
        if (faults.contains(DocumentFault.EXPIRED_DOCUMENT_SIGNER)) {
            return pki.expiredDocumentSigner();
        }
        return pki.documentSigner(persona.isCccd() ? MockPki.Family.EC : MockPki.Family.RSA);
    }
}
