package vn.cccd.reader.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.lds.SodFile;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.PassiveAuthentication.Status;
import vn.cccd.reader.testing.TestPki;
import vn.cccd.reader.testing.TestPki.Issued;
import vn.cccd.reader.tlv.Tlv;

/**
 * A Document Signer certificate judged by the time it signed (the chain model of docs/PASSIVE-AUTHENTICATION.md):
 * cards that outlive their DS certificate stay VALID with a note; revocation, an expired card and a DS that was not
 * valid when it signed still fail. "Today" is 2026-11-22.
 */
class ExpiredDocumentSignerTest {
    static final Issued CSCA = PassiveAuthenticatorTest.EC_CSCA;
    /** Valid 2021-01-01 to yesterday. */
    static final Issued EXPIRED_YESTERDAY = TestPki.documentSigner("DS 2021", TestPki.ec("ds-2021", "secp256r1"), CSCA,
            "SHA384withECDSA", LocalDate.of(2021, 1, 1), LocalDate.of(2026, 11, 21));
    static final CardValidity NO_EXPIRY = CardValidity.of("2021-03-01", null);

    static PassiveAuthentication check(TrustStore trust, byte[] sod, CardValidity card) {
        return new PassiveAuthenticator(trust, PassiveAuthenticatorTest.NOW)
                .check(sod, PassiveAuthenticatorTest.files(), card);
    }

    static TrustStore trust() {
        return PassiveAuthenticatorTest.trust(CSCA);
    }

    /** An SOD over the test files whose CMS carries a signingTime attribute. */
    static byte[] sodSignedAt(Issued ds, Instant at) throws Exception {
        Map<Integer, byte[]> groups = new TreeMap<>();
        PassiveAuthenticatorTest.files().forEach((k, v) -> groups.put(Integer.parseInt(k.substring(2)), v));
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        DataGroupHash[] hashes = groups.entrySet().stream()
                .map(e -> new DataGroupHash(e.getKey(), new DEROctetString(md.digest(e.getValue()))))
                .toArray(DataGroupHash[]::new);
        byte[] content = new LDSSecurityObject(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hashes)
                .getEncoded(ASN1Encoding.DER);
        AttributeTable signingTime = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(at)))));
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime))
                .build(TestPki.signer("SHA256withECDSA", ds.keys().getPrivate()), ds.certificate()));
        gen.addCertificate(new JcaX509CertificateHolder(ds.certificate()));
        byte[] cms = gen.generate(new CMSProcessableByteArray(ICAOObjectIdentifiers.id_icao_ldsSecurityObject, content),
                true).toASN1Structure().getEncoded(ASN1Encoding.DER);
        return Tlv.of(SodFile.TAG, cms).encode();
    }

    @Test
    void aCardWithoutExpirySignedByADsThatExpiredYesterdayIsValidWithANote() throws Exception {
        byte[] signedAtIssue = sodSignedAt(EXPIRED_YESTERDAY, Instant.parse("2021-03-01T08:00:00Z"));
        assertThat(SodFile.parse(signedAtIssue).signingTime()).isPresent();
        byte[] withoutSigningTime = PassiveAuthenticatorTest.sod(EXPIRED_YESTERDAY, "SHA256withECDSA",
                PassiveAuthenticatorTest.files());
        for (byte[] sod : List.of(signedAtIssue, withoutSigningTime)) {
            PassiveAuthentication pa = check(trust(), sod, NO_EXPIRY);
            assertThat(pa.status()).as(pa.problems().toString()).isEqualTo(Status.VALID);
            assertThat(pa.chainTrusted()).isTrue();
            assertThat(pa.problems()).isEmpty();
            assertThat(pa.notes()).singleElement().asString().contains("expired on 2026-11-21")
                    .contains("no expiry date");
        }
        assertThat(check(trust(), signedAtIssue, NO_EXPIRY).notes().get(0)).contains("signing time, 2021-03-01");
        assertThat(check(trust(), withoutSigningTime, NO_EXPIRY).notes().get(0)).contains("issue date, 2021-03-01");
        // a card that runs to a later age threshold is the same case
        PassiveAuthentication toForty = check(trust(), signedAtIssue, CardValidity.of("2021-03-01", "2030-01-01"));
        assertThat(toForty.status()).isEqualTo(Status.VALID);
        assertThat(toForty.notes()).singleElement().asString().contains("valid until 2030-01-01");
    }

    @Test
    void aRevokedDsStaysInvalidOnAStillValidCard() throws Exception {
        TrustStore revoking = new TrustStore(List.of(CSCA.certificate()),
                List.of(TestPki.crl(CSCA, "SHA384withECDSA", EXPIRED_YESTERDAY.certificate())), List.of());
        PassiveAuthentication pa = check(revoking, sodSignedAt(EXPIRED_YESTERDAY, Instant.parse("2021-03-01T08:00:00Z")),
                NO_EXPIRY);
        assertThat(pa.status()).isEqualTo(Status.INVALID);
        assertThat(pa.problems()).anyMatch(p -> p.contains("revoked"));
    }

    @Test
    void anExpiredCardKeepsItsProblem() throws Exception {
        CardValidity expired = CardValidity.of("2021-03-01", "2026-03-01");
        for (byte[] sod : List.of(sodSignedAt(EXPIRED_YESTERDAY, Instant.parse("2021-03-01T08:00:00Z")),
                PassiveAuthenticatorTest.sod(EXPIRED_YESTERDAY, "SHA256withECDSA", PassiveAuthenticatorTest.files()))) {
            PassiveAuthentication pa = check(trust(), sod, expired);
            assertThat(pa.status()).isEqualTo(Status.UNTRUSTED);
            assertThat(pa.chainTrusted()).isFalse();
            assertThat(pa.problems()).singleElement().asString().contains("expired on 2026-11-21")
                    .contains("the card on 2026-03-01");
            assertThat(pa.notes()).isEmpty();
        }
    }

    @Test
    void aDsThatWasNotValidWhenItSignedStillFails() throws Exception {
        // signed yesterday noon, after the certificate ended at the start of yesterday
        PassiveAuthentication late = check(trust(), sodSignedAt(EXPIRED_YESTERDAY,
                Instant.parse("2026-11-21T12:00:00Z")), NO_EXPIRY);
        assertThat(late.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(late.problems()).singleElement().asString().startsWith("The SOD was signed on 2026-11-21, outside");
        assertThat(late.notes()).isEmpty();
        // signed before the certificate began
        PassiveAuthentication early = check(trust(), sodSignedAt(EXPIRED_YESTERDAY,
                Instant.parse("2020-12-01T00:00:00Z")), NO_EXPIRY);
        assertThat(early.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(early.problems()).singleElement().asString().startsWith("The SOD was signed on 2020-12-01, outside");
        // no signing time: a card issued long after the certificate ended was not signed while it was valid
        PassiveAuthentication issuedLater = check(trust(), PassiveAuthenticatorTest.sod(EXPIRED_YESTERDAY,
                "SHA256withECDSA", PassiveAuthenticatorTest.files()), CardValidity.of("2027-06-01", null));
        assertThat(issuedLater.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(issuedLater.problems()).singleElement().asString().startsWith("The card was issued on 2027-06-01");
    }

    @Test
    void aCurrentDsNeedsNoNote() throws Exception {
        PassiveAuthentication pa = check(trust(), sodSignedAt(PassiveAuthenticatorTest.EC_DS,
                Instant.parse("2021-03-01T08:00:00Z")), NO_EXPIRY);
        assertThat(pa.status()).isEqualTo(Status.VALID);
        assertThat(pa.notes()).isEmpty();
    }
}
