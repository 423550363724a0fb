package vn.cccd.mock.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.scuba.smartcards.CardServiceException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.jmrtd.BACKey;
import org.jmrtd.PassportService;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.mock.testing.ChipCardService;
import vn.cccd.reader.tlv.Tlv;

/**
 * JMRTD 0.8.6, an independent terminal, reads every built-in persona's mock card with BAC over an in-memory
 * card service: every file it reads matches the SOD's hash, and the SOD's signature chains to the mock CSCA.
 */
class JmrtdReadsMockCardsTest {

    static Stream<String> personas() {
        return Personas.builtInNames().stream();
    }

    @ParameterizedTest
    @MethodSource("personas")
    void jmrtdReadsEveryDataGroupWithBacAndTheSodVerifies(String name) throws Exception {
        Persona persona = Personas.builtIn(name);
        Chip chip = MockCards.chip(persona, List.of());
        ChipCardService card = new ChipCardService(chip);
        PassportService ps = new PassportService(card, PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
                PassportService.DEFAULT_MAX_BLOCKSIZE, false, true);
        ps.open();
        ps.sendSelectApplet(false);
        ps.doBAC(new BACKey(persona.documentNumber(), yymmdd(persona.person().dateOfBirth()),
                persona.document().expiryDate() == null ? "991231" : yymmdd(persona.document().expiryDate())));

        COMFile com = new COMFile(in(read(ps, PassportService.EF_COM)));
        byte[] sodBytes = read(ps, PassportService.EF_SOD);
        SODFile sod = new SODFile(in(sodBytes));
        Map<Integer, byte[]> groups = new LinkedHashMap<>();
        for (int tag : com.getTagList()) {
            int dg = dataGroupNumber(tag);
            if (dg == 3) {
                continue; // protected by EAC, as on real cards
            }
            groups.put(dg, read(ps, (short) (0x0100 + dg)));
        }

        // what JMRTD parses matches the persona
        MRZInfo mrz = new DG1File(in(groups.get(1))).getMRZInfo();
        assertThat(mrz.getDocumentNumber()).isEqualTo(persona.documentNumber());
        assertThat(mrz.getIssuingState()).isEqualTo(persona.issuingState());
        DG2File dg2 = new DG2File(in(groups.get(2)));
        assertThat(dg2.getSubRecords()).hasSize(1).first().isInstanceOf(FaceInfo.class);
        FaceImageInfo face = ((FaceInfo) dg2.getSubRecords().get(0)).getFaceImageInfos().get(0);
        assertThat(face.getMimeType()).isEqualTo("image/jpeg");
        assertThat(face.getImageLength()).isBetween(10_000, 25_000);
        if (persona.isCccd()) {
            // the real CCCD order (DG1, DG2, DG3, DG13, DG15, DG14), minus what this persona's chip lacks
            List<Integer> cccdOrder = List.of(0x61, 0x75, 0x63, 0x6D, 0x6F, 0x6E);
            assertThat(com.getTagList()).containsSubsequence(0x61, 0x75, 0x63, 0x6D)
                    .isSortedAccordingTo(java.util.Comparator.comparingInt(t -> cccdOrder.indexOf(t)));
            assertThat(mrz.getDocumentCode()).isEqualTo("ID");
            assertThat(groups.get(13)[0]).isEqualTo((byte) 0x6D);
        } else {
            assertThat(mrz.getDocumentCode()).startsWith("P");
            assertThat(groups).doesNotContainKey(13);
        }
        if (groups.containsKey(14)) {
            assertThat(new DG14File(in(groups.get(14))).getSecurityInfos()).isNotEmpty();
        }
        if (groups.containsKey(15)) {
            assertThat(new DG15File(in(groups.get(15))).getPublicKey()).isNotNull();
        }

        // Passive Authentication by hand (JMRTD only parses): hashes, then signature, then chain
        MessageDigest md = MessageDigest.getInstance(sod.getDigestAlgorithm());
        Map<Integer, byte[]> hashes = sod.getDataGroupHashes();
        assertThat(hashes.keySet()).containsExactlyInAnyOrderElementsOf(groups.keySet());
        for (Map.Entry<Integer, byte[]> e : groups.entrySet()) {
            assertThat(md.digest(e.getValue())).as("hash of DG%d", e.getKey()).isEqualTo(hashes.get(e.getKey()));
        }
        X509Certificate ds = sod.getDocSigningCertificate();
        Signature sig = Signature.getInstance(sod.getDigestEncryptionAlgorithm());
        sig.initVerify(ds);
        sig.update(signedAttributes(sodBytes));
        assertThat(sig.verify(sod.getEncryptedDigest())).isTrue();
        boolean chained = false;
        for (X509Certificate csca : MockPki.instance().trustAnchors()) {
            try {
                ds.verify(csca.getPublicKey());
                chained = true;
            } catch (java.security.GeneralSecurityException e) {
                // not this one
            }
        }
        assertThat(chained).as("DS certificate issued by a mock CSCA").isTrue();
    }

    /** The DER SET of signed attributes: what the Document Signer signed (RFC 5652 §5.4). */
    private static byte[] signedAttributes(byte[] sodFile) throws IOException {
        byte[] contentInfo = Tlv.parse(sodFile).value();
        SignedData sd = SignedData.getInstance(ContentInfo.getInstance(contentInfo).getContent());
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        return si.getAuthenticatedAttributes().getEncoded(ASN1Encoding.DER);
    }

    private static byte[] read(PassportService ps, short fid) throws CardServiceException, IOException {
        try (InputStream in = ps.getInputStream(fid, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            return in.readAllBytes();
        }
    }

    private static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private static String yymmdd(String iso) {
        return iso.substring(2, 4) + iso.substring(5, 7) + iso.substring(8, 10);
    }

    private static int dataGroupNumber(int tag) {
        switch (tag) {
            case 0x61: return 1;
            case 0x75: return 2;
            case 0x63: return 3;
            case 0x76: return 4;
            case 0x6B: return 11;
            case 0x6C: return 12;
            case 0x6D: return 13;
            case 0x6E: return 14;
            case 0x6F: return 15;
            default: throw new IllegalArgumentException("unexpected tag in COM: " + Integer.toHexString(tag));
        }
    }
}
