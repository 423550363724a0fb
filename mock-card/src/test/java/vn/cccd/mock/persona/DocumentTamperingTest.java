package vn.cccd.mock.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.pki.DeterministicSigning;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.reader.tlv.Tlv;

class DocumentTamperingTest {

    private static Tlv field(int index, int tag, String value) {
        return Tlv.of(0x30, Tlv.of(0x02, new byte[] {(byte) index}), Tlv.of(tag, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tamperedDg13KeepsItsStructureButNotItsResidence() {
        String residence = "Số 7 Phố Lạch Tray, Hải Phòng";
        List<Tlv> fields = new ArrayList<>();
        fields.add(field(1, 0x13, "031050002468"));
        fields.add(field(2, 0x0C, "Phạm Văn Bình"));
        fields.add(field(9, 0x0C, residence));
        byte[] dg13 = Tlv.of(0x6D, Tlv.of(0x30, fields)).encode();

        byte[] tampered = DocumentTampering.tamperDg13(dg13);
        assertThat(tampered).hasSameSizeAs(dg13).isNotEqualTo(dg13);
        Tlv parsed = Tlv.parse(tampered);
        List<Tlv> kids = parsed.children().get(0).children();
        assertThat(kids.get(1).children().get(1).value()).isEqualTo("Phạm Văn Bình".getBytes(StandardCharsets.UTF_8));
        String changed = new String(kids.get(2).children().get(1).value(), StandardCharsets.UTF_8);
        assertThat(changed).hasSameSizeAs(residence).isNotEqualTo(residence).isEqualTo("Số 7 Phố Lạch Tray, Hải Phònh");
    }

    @Test
    void corruptedSodSignatureNoLongerVerifiesButStillParses() throws Exception {
        MockPki.DocumentSigner ds = MockPki.instance().documentSigner(MockPki.Family.EC);
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(DeterministicSigning.contentSigner(ds.keys().getPrivate(), "SHA-256"), ds.certificate()));
        gen.addCertificates(new JcaCertStore(List.of(ds.certificate())));
        byte[] contentInfo = gen.generate(new CMSProcessableByteArray(new byte[] {1, 2, 3}), true).toASN1Structure()
                .getEncoded(ASN1Encoding.DL);
        byte[] sod = Tlv.of(0x77, contentInfo).encode();

        assertThat(verifies(sod, ds)).isTrue();
        byte[] bad = DocumentTampering.corruptSignature(sod);
        assertThat(bad).hasSameSizeAs(sod);
        assertThat(verifies(bad, ds)).isFalse();
    }

    private static boolean verifies(byte[] sod, MockPki.DocumentSigner ds) throws Exception {
        SignedData sd = SignedData.getInstance(ContentInfo.getInstance(Tlv.parse(sod).value()).getContent());
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        Signature s = Signature.getInstance(ds.signatureAlgorithm());
        s.initVerify(ds.certificate());
        s.update(si.getAuthenticatedAttributes().getEncoded(ASN1Encoding.DER));
        return s.verify(si.getEncryptedDigest().getOctets());
    }
}
