package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.reader.util.Hex.decode;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import org.bouncycastle.jcajce.spec.DHDomainParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

class SecurityInfosTest {
    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** A German ID card's DG14 (icao-vectors.md §9): TA, PACE GM and CAM, CA info and an explicit-parameter key. */
    static final String DE_DG14 = "6E82019A31820196300D060804007F00070202020201013012060A04007F0007020204020202010202010D"
            + "3012060A04007F0007020204060202010202010D3013060A04007F00070202030202020101020200C330820146060904007F"
            + "000702020102308201333081EC06072A8648CE3D02013081E0020101302C06072A8648CE3D0101022100A9FB57DBA1EEA9BC"
            + "3E660A909D838D726E3BF623D52620282013481D1F6E5377304404207D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC"
            + "5C6CE94A4B44F330B5D9042026DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B60441048BD2AE"
            + "B9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262547EF835C3DAC4FD97F8461A14611DC9C27745132D"
            + "ED8E545C1D54C72F046997022100A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A702010103"
            + "4200047036BC5D0BCF31913B59103BB6F2C0C98C99EF4C19B9517340B76BFE4EE2194C76C3F3314E021D4B092DB5A32AB7D6"
            + "E297F2FBEAE45AA28DEFC4DA750FEAD54E020200C3";

    /** RFC 5114 1024-bit MODP group with 160-bit subgroup (icao-vectors.md §6, H.2). */
    static final BigInteger P = new BigInteger("B10B8F96A080E01DDE92DE5EAE5D54EC52C99FBCFB06A3C69A6A9DCA52D23B616073E286"
            + "75A23D189838EF1E2EE652C013ECB4AEA906112324975C3CD49B83BFACCBDD7D90C4BD7098488E9C219A73724EFFD6FAE5644738"
            + "FAA31A4FF55BCCC0A151AF5F0DC8B4BD45BF37DF365C1A65E68CFDA76D4DA708DF1FB2BC2E4A4371", 16);
    static final BigInteger G = new BigInteger("A4D1CBD5C3FD34126765A442EFB99905F8104DD258AC507FD6406CFF14266D31266FEA1E"
            + "5C41564B777E690F5504F213160217B4B01B886A5E91547F9E2749F4D7FBD7D3B9A92EE1909D0D2263F80A76A6A24C087A091F53"
            + "1DBF0A0169B6A28AD662A4D18E73AFA32D779D5918D08BC8858F4DCEF97C2A24855E6EEB22B3B2E5", 16);
    static final BigInteger Q = new BigInteger("F518AA8781A8DF278ABA4E7D64B7CB9D49462353", 16);

    @Test
    void parsesTheGermanDg14() {
        Dg14File dg14 = Dg14File.parse(decode(DE_DG14));
        SecurityInfos infos = dg14.securityInfos();
        assertThat(infos.all()).hasSize(5);
        assertThat(infos.ofType(TerminalAuthenticationInfo.class)).singleElement()
                .satisfies(t -> assertThat(t.version()).isEqualTo(1));
        assertThat(infos.paceInfos()).containsExactly(
                new PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13), new PaceInfo("0.4.0.127.0.7.2.2.4.6.2", 2, 13));
        assertThat(infos.chipAuthenticationInfos()).containsExactly(
                new ChipAuthenticationInfo("0.4.0.127.0.7.2.2.3.2.2", 1, BigInteger.valueOf(0xC3)));
        ChipAuthenticationPublicKeyInfo key = infos.chipAuthenticationPublicKeyInfos().get(0);
        assertThat(key.protocol()).isEqualTo(PublicKeys.ID_PK_ECDH);
        assertThat(key.keyId()).isEqualTo(BigInteger.valueOf(0xC3));
        ECPublicKey ec = (ECPublicKey) key.publicKey();
        assertThat(ec.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(ec.getW().getAffineX()).isEqualTo(
                new BigInteger("7036BC5D0BCF31913B59103BB6F2C0C98C99EF4C19B9517340B76BFE4EE2194C", 16));
        assertThat(infos.activeAuthenticationInfo()).isEmpty();
        assertThat(dg14.encode()).as("already DER: re-encodes byte for byte").isEqualTo(decode(DE_DG14));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "31143012060A04007F0007020204020202010202010D",   // §4: ECDH-GM-AES-128, brainpoolP256r1
        "31143012060A04007F00070202040102020102020100",   // §5: DH-GM-AES-128, parameter 0
        "31143012060a04007f0007020204020102010202010d",   // §10: ECDH-GM-3DES (NZ passport)
        "31283012060A04007F0007020204020202010202010D3012060A04007F0007020204060202010202010D", // §7: GM + CAM
    })
    void parsesPublishedCardAccessFiles(String hex) {
        CardAccessFile ca = CardAccessFile.parse(decode(hex));
        assertThat(ca.securityInfos().paceInfos()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.protocol()).startsWith(SecurityInfo.ID_PACE + ".");
            assertThat(p.version()).isEqualTo(2);
        });
        assertThat(ca.encode()).isEqualTo(decode(hex));
    }

    @Test
    void theDhPaceInfoOfAppendixG12() {
        PaceInfo p = CardAccessFile.parse(decode("31143012060A04007F00070202040102020102020100"))
                .securityInfos().paceInfos().get(0);
        assertThat(p).isEqualTo(new PaceInfo("0.4.0.127.0.7.2.2.4.1.2", 2, 0));
    }

    @Test
    void unknownInfosAreKeptRaw() {
        byte[] unknown = decode("30 0C 06 07 2B 06 01 04 01 82 37 02 01 07"); // a private-arc OID (1.3.6.1.4.1.311), INTEGER 7
        byte[] set = Tlv.of(0x31, Tlv.parse(unknown)).encode();
        SecurityInfos infos = SecurityInfos.parse(set);
        assertThat(infos.all()).containsExactly(new UnknownSecurityInfo("1.3.6.1.4.1.311", unknown));
        assertThat(infos.encode()).isEqualTo(set);
    }

    static List<PublicKey> caKeys() throws Exception {
        List<PublicKey> keys = new ArrayList<>();
        for (String curve : List.of("secp256r1", "brainpoolP256r1", "brainpoolP384r1")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec(curve));
            keys.add(g.generateKeyPair().getPublic());
        }
        KeyPairGenerator x942 = KeyPairGenerator.getInstance("DH", BC);
        x942.initialize(new DHDomainParameterSpec(P, Q, G));
        keys.add(x942.generateKeyPair().getPublic());
        KeyPairGenerator pkcs3 = KeyPairGenerator.getInstance("DH");
        pkcs3.initialize(new DHParameterSpec(P, G));
        keys.add(pkcs3.generateKeyPair().getPublic());
        return keys;
    }

    static Stream<SecurityInfos> randomInfos() throws Exception {
        List<PublicKey> keys = caKeys();
        Random rnd = new Random(14);
        return IntStream.range(0, 20).mapToObj(i -> {
            List<SecurityInfo> infos = new ArrayList<>();
            PublicKey key = keys.get(i % keys.size());
            boolean ec = key.getAlgorithm().equals("EC");
            BigInteger keyId = rnd.nextBoolean() ? BigInteger.valueOf(rnd.nextInt(300)) : null;
            infos.add(ChipAuthenticationPublicKeyInfo.of(key, keyId));
            infos.add(new ChipAuthenticationInfo(SecurityInfo.ID_CA + (ec ? ".2." : ".1.") + (1 + rnd.nextInt(4)), 1,
                    keyId));
            infos.add(new PaceInfo(SecurityInfo.ID_PACE + "." + (1 + rnd.nextInt(4)) + "." + (1 + rnd.nextInt(4)), 2,
                    rnd.nextBoolean() ? 8 + rnd.nextInt(11) : null));
            if (rnd.nextBoolean()) {
                infos.add(ActiveAuthenticationInfo.of("0.4.0.127.0.7.1.1.4.1." + (2 + rnd.nextInt(4))));
            }
            if (rnd.nextBoolean()) {
                infos.add(new TerminalAuthenticationInfo(SecurityInfo.ID_TA, 1, null));
            }
            if (rnd.nextInt(4) == 0) {
                infos.add(new PaceDomainParameterInfo(SecurityInfo.ID_PACE + ".2",
                        decode("30 0C 06 07 2A 86 48 CE 3D 02 01 02 01 0D"), 1));
            }
            return new SecurityInfos(infos);
        });
    }

    @ParameterizedTest
    @MethodSource("randomInfos")
    void roundTripsAsDg14AndCardAccess(SecurityInfos infos) {
        Dg14File dg14 = new Dg14File(infos);
        assertThat(Dg14File.parse(dg14.encode())).isEqualTo(dg14);
        CardAccessFile ca = new CardAccessFile(infos);
        assertThat(CardAccessFile.parse(ca.encode())).isEqualTo(ca);
        ChipAuthenticationPublicKeyInfo key = Dg14File.parse(dg14.encode()).securityInfos()
                .chipAuthenticationPublicKeyInfos().get(0);
        PublicKey original = infos.chipAuthenticationPublicKeyInfos().get(0).publicKey();
        if (original instanceof ECPublicKey ec) {
            assertThat(((ECPublicKey) key.publicKey()).getW()).isEqualTo(ec.getW());
        } else {
            assertThat(((DHPublicKey) key.publicKey()).getY()).isEqualTo(((DHPublicKey) original).getY());
        }
    }

    @Test
    void theTr03110IdPkDhKeyFormIsRead() throws Exception {
        PublicKey dh = caKeys().get(3);
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki =
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(dh.getEncoded());
        byte[] pkForm = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        new org.bouncycastle.asn1.ASN1ObjectIdentifier(PublicKeys.ID_PK_DH),
                        spki.getAlgorithm().getParameters()),
                spki.getPublicKeyData().getBytes()).getEncoded();
        PublicKey read = PublicKeys.fromSubjectPublicKeyInfo(pkForm, java.util.EnumSet.of(PublicKeys.Family.DH), "k");
        assertThat(((DHPublicKey) read).getY()).isEqualTo(((DHPublicKey) dh).getY());
    }

    @Test
    void oversizeOrUnexpectedKeysAreMalformed() throws Exception {
        // a DH prime of 4104 bits
        BigInteger bigP = BigInteger.ONE.shiftLeft(4103).add(BigInteger.ONE);
        byte[] bigDh = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.dhKeyAgreement,
                        new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                            new org.bouncycastle.asn1.ASN1Integer(bigP), new org.bouncycastle.asn1.ASN1Integer(2)})),
                new org.bouncycastle.asn1.ASN1Integer(5)).getEncoded();
        assertThatThrownBy(() -> PublicKeys.fromSubjectPublicKeyInfo(bigDh, java.util.EnumSet.allOf(PublicKeys.Family.class),
                "k")).isInstanceOf(MalformedDataException.class).hasMessageContaining("4104 bits");
        // an RSA key where Chip Authentication expects EC or DH
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        byte[] rsaInfo = Tlv.of(0x30, Oids.encode(PublicKeys.ID_PK_ECDH),
                Tlv.parse(rsa.generateKeyPair().getPublic().getEncoded())).encode();
        assertThatThrownBy(() -> SecurityInfos.parse(Tlv.of(0x31, Tlv.parse(rsaInfo)).encode()))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("RSA");
        // an unknown named curve
        byte[] unknownCurve = decode("30 19 30 13 06 07 2A 86 48 CE 3D 02 01 06 08 2A 86 48 CE 3D 03 01 63 03 02 00 04");
        assertThatThrownBy(() -> PublicKeys.fromSubjectPublicKeyInfo(unknownCurve,
                java.util.EnumSet.of(PublicKeys.Family.EC), "k")).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("unknown named curve");
        // a point that is not on the curve
        PublicKey p256 = caKeys().get(0);
        byte[] bad = p256.getEncoded();
        bad[bad.length - 1] ^= 0x01;
        assertThatThrownBy(() -> PublicKeys.fromSubjectPublicKeyInfo(bad, java.util.EnumSet.of(PublicKeys.Family.EC),
                "k")).isInstanceOf(MalformedDataException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "31 00",                                                    // empty SET
        "30 03 02 01 01",                                           // not a SET
        "31 05 30 03 06 01 00",                                     // SecurityInfo without required data
        "31 07 30 05 02 01 01 02 00",                               // protocol is not an OID
        "31 0E 30 0C 06 0A 04 00 7F 00 07 02 02 04 02 02",          // PACEInfo without version
        "31 11 30 0F 06 0A 04 00 7F 00 07 02 02 04 02 02 0C 01 41", // PACEInfo version is text
        "31 0A 30 08 06 06 67 81 08 01 01 05",                      // id-AA without version
        "31 08 30 06 06 02 2B 80 02 00",                            // non-minimal OID arc (80)
        "31 08 30 06 06 02 2B 86 02 00",                            // truncated OID
    })
    void rejectsMalformedInfos(String hex) {
        assertThatThrownBy(() -> SecurityInfos.parse(decode(hex))).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void dg14MustWrapOneSet() {
        assertThatThrownBy(() -> Dg14File.parse(decode("6E 00"))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> Dg14File.parse(decode("6F 02 31 00"))).isInstanceOf(MalformedDataException.class);
    }
}
