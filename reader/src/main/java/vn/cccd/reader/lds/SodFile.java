package vn.cccd.reader.lds;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around a CMS SignedData whose content is the LDSSecurityObject, the
 * hashes of the data groups, signed by the Document Signer whose certificate travels in the CMS.
 *
 * <p>Parsing checks the structure only; whether the signature and hashes hold is for the verifier. Building
 * takes any Bouncy Castle {@link ContentSigner}, so the mock card can sign deterministically. The signed
 * attributes are content type and message digest only (no signing time), so a build is reproducible.
 */
public final class SodFile {
    public static final int TAG = 0x77;
    /** An SOD is a few kilobytes; this bounds what the ASN.1 parser may be asked to take. */
    public static final int MAX_SIZE = 64 * 1024;

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final byte[] encoded;
    private final CMSSignedData cms;
    private final String digestAlgorithm;
    private final Map<Integer, byte[]> hashes;
    private final List<X509Certificate> certificates;
    private final SignerInformation signer;

    private SodFile(byte[] encoded, CMSSignedData cms, String digestAlgorithm, Map<Integer, byte[]> hashes,
            List<X509Certificate> certificates, SignerInformation signer) {
        this.encoded = encoded;
        this.cms = cms;
        this.digestAlgorithm = digestAlgorithm;
        this.hashes = hashes;
        this.certificates = certificates;
        this.signer = signer;
    }

    public static SodFile parse(byte[] encoded) {
        if (encoded == null || encoded.length > MAX_SIZE) {
            throw new MalformedDataException("SOD is missing or larger than " + MAX_SIZE + " bytes");
        }
        Tlv outer = Tlv.parseFirst(encoded);
        if (outer.tag() != TAG) {
            throw new MalformedDataException("SOD does not start with tag 77");
        }
        try {
            CMSSignedData cms = new CMSSignedData(outer.value());
            if (!ICAOObjectIdentifiers.id_icao_ldsSecurityObject.equals(cms.getSignedContentTypeOID() == null ? null
                    : new ASN1ObjectIdentifier(cms.getSignedContentTypeOID()))) {
                throw new MalformedDataException("the SOD's content is not an LDS security object ("
                        + cms.getSignedContentTypeOID() + ")");
            }
            Object content = cms.getSignedContent() == null ? null : cms.getSignedContent().getContent();
            if (!(content instanceof byte[] bytes)) {
                throw new MalformedDataException("the SOD carries no LDS security object");
            }
            LDSSecurityObject lso = LDSSecurityObject.getInstance(strictDer(bytes));
            String digest = digestName(lso.getDigestAlgorithmIdentifier());
            Map<Integer, byte[]> hashes = new TreeMap<>();
            for (DataGroupHash h : lso.getDatagroupHash()) {
                int n = h.getDataGroupNumber();
                if (n < 1 || n > 16 || hashes.put(n, h.getDataGroupHashValue().getOctets()) != null) {
                    throw new MalformedDataException("the SOD lists data group " + n + " more than once or out of range");
                }
            }
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new MalformedDataException("the SOD has " + signers.size() + " signers, expected 1");
            }
            List<X509Certificate> certs = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BC);
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                certs.add(converter.getCertificate(holder));
            }
            return new SodFile(encoded.clone(), cms, digest, Collections.unmodifiableMap(hashes), List.copyOf(certs),
                    signers.iterator().next());
        } catch (CMSException | CertificateException | IOException | RuntimeException e) {
            if (e instanceof MalformedDataException m) {
                throw m;
            }
            throw new MalformedDataException("the SOD is not a valid CMS SignedData: " + e.getMessage(), e);
        }
    }

    private static ASN1Primitive strictDer(byte[] bytes) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(bytes, true)) {
            ASN1Primitive p = in.readObject();
            if (p == null || in.available() > 0) {
                throw new MalformedDataException("the LDS security object has trailing bytes");
            }
            return p;
        }
    }

    private static String digestName(AlgorithmIdentifier id) {
        String name = new DefaultAlgorithmNameFinder().getAlgorithmName(id.getAlgorithm());
        return switch (name) {
            case "SHA1", "SHA-1" -> "SHA-1";
            case "SHA224", "SHA-224" -> "SHA-224";
            case "SHA256", "SHA-256" -> "SHA-256";
            case "SHA384", "SHA-384" -> "SHA-384";
            case "SHA512", "SHA-512" -> "SHA-512";
            default -> throw new MalformedDataException("unsupported SOD hash algorithm " + id.getAlgorithm());
        };
    }

    /** The JCA name of the hash over the data groups, e.g. "SHA-256". */
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    /** Hashes by data group number, copies. */
    public Map<Integer, byte[]> dataGroupHashes() {
        Map<Integer, byte[]> out = new TreeMap<>();
        hashes.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** The hash the SOD holds for data group n, if listed. */
    public Optional<byte[]> hashOf(int dataGroup) {
        byte[] h = hashes.get(dataGroup);
        return h == null ? Optional.empty() : Optional.of(h.clone());
    }

    /** Hashes {@code bytes} with this SOD's algorithm. */
    public byte[] hash(byte[] bytes) {
        try {
            return MessageDigest.getInstance(digestAlgorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new MalformedDataException("hash algorithm " + digestAlgorithm + " is not available", e);
        }
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** The Document Signer certificate: the one the signer info names, else the first. */
    public Optional<X509Certificate> documentSigner() {
        for (X509Certificate c : certificates) {
            try {
                if (signer.getSID().match(new JcaX509CertificateHolder(c))) {
                    return Optional.of(c);
                }
            } catch (CertificateException e) {
                // not this one
            }
        }
        return certificates.stream().findFirst();
    }

    /** A readable name of the signature algorithm, e.g. "SHA256WITHECDSA" or "RSASSA-PSS". */
    public String signatureAlgorithm() {
        return new DefaultAlgorithmNameFinder().getAlgorithmName(
                new ASN1ObjectIdentifier(signer.getEncryptionAlgOID()));
    }

    /**
     * Checks the signer's signature (and the message-digest signed attribute) with the given certificate's key.
     * False when it does not verify; never throws for a wrong signature.
     */
    public boolean signatureVerifies(X509Certificate documentSigner) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(documentSigner));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    // ---- building ----

    /**
     * Builds EF.SOD over {@code dataGroups} (number to file bytes), hashed with {@code digestAlgorithm}
     * ("SHA-256" ...), signed by {@code signer} and carrying {@code certificate}.
     */
    public static byte[] build(String digestAlgorithm, Map<Integer, byte[]> dataGroups, X509Certificate certificate,
            ContentSigner signer) {
        try {
            AlgorithmIdentifier digestId = new DefaultDigestAlgorithmIdentifierFinder().find(digestAlgorithm);
            MessageDigest md = MessageDigest.getInstance(digestAlgorithm);
            List<DataGroupHash> list = new ArrayList<>();
            for (Map.Entry<Integer, byte[]> e : new TreeMap<>(dataGroups).entrySet()) {
                list.add(new DataGroupHash(e.getKey(), new DEROctetString(md.digest(e.getValue()))));
            }
            LDSSecurityObject lso = new LDSSecurityObject(digestId, list.toArray(new DataGroupHash[0]));
            byte[] content = lso.getEncoded(ASN1Encoding.DER);

            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .setSignedAttributeGenerator(reproducibleAttributes())
                    .build(signer, certificate));
            gen.addCertificate(new JcaX509CertificateHolder(certificate));
            CMSSignedData sd = gen.generate(new CMSProcessableByteArray(ICAOObjectIdentifiers.id_icao_ldsSecurityObject,
                    content), true);
            return Tlv.of(TAG, sd.toASN1Structure().getEncoded(ASN1Encoding.DER)).encode();
        } catch (NoSuchAlgorithmException | OperatorCreationException | CMSException | CertificateException
                | IOException e) {
            throw new IllegalArgumentException("cannot build the SOD: " + e.getMessage(), e);
        }
    }

    /** Content type and message digest only: a signing time would make every build different. */
    private static CMSAttributeTableGenerator reproducibleAttributes() {
        return parameters -> {
            ASN1ObjectIdentifier type = (ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE);
            byte[] digest = (byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST);
            Map<ASN1ObjectIdentifier, Attribute> attrs = new HashMap<>();
            attrs.put(CMSAttributes.contentType, new Attribute(CMSAttributes.contentType, new DERSet(type)));
            attrs.put(CMSAttributes.messageDigest, new Attribute(CMSAttributes.messageDigest,
                    new DERSet(new DEROctetString(digest))));
            ASN1EncodableVector v = new ASN1EncodableVector();
            attrs.values().forEach(v::add);
            return new AttributeTable(v);
        };
    }

    @Override
    public String toString() {
        return "SodFile[" + digestAlgorithm + ", DGs " + hashes.keySet() + "]";
    }

}
