package vn.cccd.reader.verify;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Subject and authority key identifiers of certificates; null when absent or unreadable. */
final class KeyIdentifiers {
    private KeyIdentifiers() {
    }

    static byte[] subjectKeyId(X509Certificate cert) {
        try {
            byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            return ext == null ? null
                    : SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static byte[] authorityKeyId(X509Certificate cert) {
        try {
            byte[] ext = cert.getExtensionValue(Extension.authorityKeyIdentifier.getId());
            return ext == null ? null : AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets())
                    .getKeyIdentifierOctets();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
