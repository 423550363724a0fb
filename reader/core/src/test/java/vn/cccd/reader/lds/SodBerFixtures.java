package vn.cccd.reader.lds;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * SODs in BER with indefinite lengths (77 80 ... 00 00), as some passports carry them: Bouncy Castle's streaming
 * CMS generator writes every constructed value with an indefinite length, and its default signed attributes
 * include a signing time. Test scope.
 */
public final class SodBerFixtures {
    private SodBerFixtures() {
    }

    public static byte[] indefinite(byte[] ldsSecurityObject, X509Certificate certificate, ContentSigner signer)
            throws Exception {
        CMSSignedDataStreamGenerator gen = new CMSSignedDataStreamGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(signer, certificate));
        gen.addCertificate(new JcaX509CertificateHolder(certificate));
        ByteArrayOutputStream cms = new ByteArrayOutputStream();
        try (OutputStream out = gen.open(ICAOObjectIdentifiers.id_icao_ldsSecurityObject, cms, true)) {
            out.write(ldsSecurityObject);
        }
        ByteArrayOutputStream sod = new ByteArrayOutputStream();
        sod.write(new byte[] {0x77, (byte) 0x80});
        sod.write(cms.toByteArray());
        sod.write(new byte[] {0, 0});
        return sod.toByteArray();
    }
}
