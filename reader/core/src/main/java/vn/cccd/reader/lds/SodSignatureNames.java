package vn.cccd.reader.lds;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import vn.cccd.reader.error.MalformedDataException;

/**
 * Readable names of an SOD signer's algorithm. Signer infos name it two ways: a combined OID
 * (ecdsa-with-SHA256, sha256WithRSAEncryption) or a bare key OID (id-ecPublicKey, rsaEncryption) with the hash
 * in the separate digest algorithm; both give the same JCA-style name here.
 */
final class SodSignatureNames {
    private SodSignatureNames() {
    }

    static String of(AlgorithmIdentifier digest, String signatureOid, byte[] signatureParams) {
        ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(signatureOid);
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return pss(signatureParams);
        }
        String combined = combined(oid);
        if (combined != null) {
            return combined;
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return jca(digest) + "withECDSA";
        }
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return jca(digest) + "withRSA";
        }
        return signatureOid;
    }

    private static String combined(ASN1ObjectIdentifier oid) {
        if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA1)) {
            return "SHA1withECDSA";
        } else if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA224)) {
            return "SHA224withECDSA";
        } else if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA256)) {
            return "SHA256withECDSA";
        } else if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA384)) {
            return "SHA384withECDSA";
        } else if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA512)) {
            return "SHA512withECDSA";
        } else if (oid.equals(PKCSObjectIdentifiers.sha1WithRSAEncryption)) {
            return "SHA1withRSA";
        } else if (oid.equals(PKCSObjectIdentifiers.sha224WithRSAEncryption)) {
            return "SHA224withRSA";
        } else if (oid.equals(PKCSObjectIdentifiers.sha256WithRSAEncryption)) {
            return "SHA256withRSA";
        } else if (oid.equals(PKCSObjectIdentifiers.sha384WithRSAEncryption)) {
            return "SHA384withRSA";
        } else if (oid.equals(PKCSObjectIdentifiers.sha512WithRSAEncryption)) {
            return "SHA512withRSA";
        }
        return null;
    }

    /** RSASSA-PSS with its parameters; absent parameters mean the RFC 4055 defaults (SHA-1, MGF1 SHA-1, 20). */
    private static String pss(byte[] params) {
        try {
            RSASSAPSSparams p = params == null ? new RSASSAPSSparams()
                    : RSASSAPSSparams.getInstance(ASN1Sequence.getInstance(params));
            AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
            String mgfName = PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                    ? "MGF1 " + SodFile.digestName(AlgorithmIdentifier.getInstance(mgf.getParameters()))
                    : mgf.getAlgorithm().getId();
            return "RSASSA-PSS(" + SodFile.digestName(p.getHashAlgorithm()) + ", " + mgfName + ", salt "
                    + p.getSaltLength() + ")";
        } catch (RuntimeException e) {
            return "RSASSA-PSS(unreadable parameters)";
        }
    }

    private static String jca(AlgorithmIdentifier digest) {
        try {
            return SodFile.digestName(digest).replace("-", "");
        } catch (MalformedDataException e) {
            return digest == null ? "?" : digest.getAlgorithm().getId();
        }
    }
}
