package vn.cccd.reader.lds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.icao.LDSVersionInfo;
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
import vn.cccd.reader.tlv.BerLength;
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
    private final byte[] content;
    private final String digestAlgorithm;
    private final Map<Integer, byte[]> hashes;
    private final VersionInfo versionInfo;
    private final List<X509Certificate> certificates;
    private final SignerInformation signer;

    /**
     * The LDS and Unicode versions an LDSSecurityObject v1 carries (ICAO 9303-10 §4.6.2.2), e.g. "0107" and
     * "040000".
     */
    public record VersionInfo(String ldsVersion, String unicodeVersion) {
        public VersionInfo {
            if (ldsVersion == null || unicodeVersion == null) {
                throw new IllegalArgumentException("both versions are required");
            }
        }
    }

    private SodFile(byte[] encoded, byte[] content, String digestAlgorithm, Map<Integer, byte[]> hashes,
            VersionInfo versionInfo, List<X509Certificate> certificates, SignerInformation signer) {
        this.encoded = encoded;
        this.content = content;
        this.digestAlgorithm = digestAlgorithm;
        this.hashes = hashes;
        this.versionInfo = versionInfo;
        this.certificates = certificates;
        this.signer = signer;
    }

    /**
     * Parses EF.SOD. The tag 77 wrapper may have a definite length or, as some passports have, the BER indefinite
     * length (77 80 ... 00 00); the CMS inside may be DER or BER.
     *
     * @throws MalformedDataException for anything that is not a structurally sound SOD
     */
    public static SodFile parse(byte[] encoded) {
        if (encoded == null || encoded.length > MAX_SIZE) {
            throw new MalformedDataException("SOD is missing or larger than " + MAX_SIZE + " bytes");
        }
        try {
            CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(contentInfo(encoded)));
            if (!ICAOObjectIdentifiers.id_icao_ldsSecurityObject.equals(cms.getSignedContentTypeOID() == null ? null
                    : new ASN1ObjectIdentifier(cms.getSignedContentTypeOID()))) {
                throw new MalformedDataException("the SOD's content is not an LDS security object ("
                        + cms.getSignedContentTypeOID() + ")");
            }
            Object content = cms.getSignedContent() == null ? null : cms.getSignedContent().getContent();
            if (!(content instanceof byte[] bytes)) {
                throw new MalformedDataException("the SOD carries no LDS security object");
            }
            LDSSecurityObject lso = LDSSecurityObject.getInstance(singleObject(bytes));
            String digest = digestName(lso.getDigestAlgorithmIdentifier());
            Map<Integer, byte[]> hashes = new TreeMap<>();
            for (DataGroupHash h : lso.getDatagroupHash()) {
                int n = h.getDataGroupNumber();
                if (n < 1 || n > 16 || hashes.put(n, h.getDataGroupHashValue().getOctets()) != null) {
                    throw new MalformedDataException("the SOD lists data group " + n + " more than once or out of range");
                }
            }
            LDSVersionInfo v = lso.getVersionInfo();
            VersionInfo version = v == null ? null : new VersionInfo(v.getLdsVersion(), v.getUnicodeVersion());
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new MalformedDataException("the SOD has " + signers.size() + " signers, expected 1");
            }
            List<X509Certificate> certs = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BC);
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                certs.add(converter.getCertificate(holder));
            }
            SodFile sod = new SodFile(encoded.clone(), bytes.clone(), digest, Collections.unmodifiableMap(hashes),
                    version, List.copyOf(certs), signers.iterator().next());
            sod.touchSignerInfo();
            return sod;
        } catch (CMSException | CertificateException | IOException | RuntimeException e) {
            if (e instanceof MalformedDataException m) {
                throw m;
            }
            throw new MalformedDataException("the SOD is not a valid CMS SignedData: " + e.getMessage(), e);
        }
    }

    /** Reads every signer-info field the accessors use, so that damage there fails the parse, typed. */
    private void touchSignerInfo() {
        signer.getSID();
        signer.getDigestAlgorithmID();
        signer.getEncryptionAlgParams();
        signer.getSignature();
        AttributeTable signed = signer.getSignedAttributes();
        if (signed != null) {
            signed.toHashtable();
        }
        SodSignatureNames.of(signer.getDigestAlgorithmID(), signer.getEncryptionAlgOID(),
                signer.getEncryptionAlgParams());
    }

    /** The ContentInfo inside the tag 77 wrapper, definite or indefinite length. */
    private static ASN1Primitive contentInfo(byte[] encoded) throws IOException {
        if (encoded.length < 2 || (encoded[0] & 0xFF) != TAG) {
            throw new MalformedDataException("SOD does not start with tag 77");
        }
        int first = encoded[1] & 0xFF;
        if (first == 0x80) {
            // BER indefinite length: the ContentInfo, then the end-of-contents octets of the wrapper
            try (ASN1InputStream in = new ASN1InputStream(
                    new ByteArrayInputStream(encoded, 2, encoded.length - 2), encoded.length - 2)) {
                ASN1Primitive p = in.readObject();
                if (p == null || in.read() != 0 || in.read() != 0) {
                    throw new MalformedDataException("the SOD's indefinite length has no end-of-contents octets");
                }
                return p;
            }
        }
        BerLength.Field field = BerLength.readField(encoded, 1, encoded.length, "the SOD's length field");
        int headerLength = 1 + field.octets();
        long length = field.length();
        if (length > encoded.length - headerLength) {
            throw new MalformedDataException("the SOD's length (" + length + ") runs past the end of the file");
        }
        return singleObject(Arrays.copyOfRange(encoded, headerLength, headerLength + (int) length));
    }

    /** Exactly one BER/DER object filling {@code bytes}, parsed eagerly so that damage shows here. */
    private static ASN1Primitive singleObject(byte[] bytes) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(bytes)) {
            ASN1Primitive p = in.readObject();
            if (p == null || in.available() > 0) {
                throw new MalformedDataException("an SOD structure has trailing bytes");
            }
            return p;
        }
    }

    static String digestName(AlgorithmIdentifier id) {
        String name = id == null ? "" : new DefaultAlgorithmNameFinder().getAlgorithmName(id.getAlgorithm());
        return switch (name) {
            case "SHA1", "SHA-1" -> "SHA-1";
            case "SHA224", "SHA-224" -> "SHA-224";
            case "SHA256", "SHA-256" -> "SHA-256";
            case "SHA384", "SHA-384" -> "SHA-384";
            case "SHA512", "SHA-512" -> "SHA-512";
            default -> throw new MalformedDataException("unsupported SOD hash algorithm "
                    + (id == null ? null : id.getAlgorithm()));
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
            } catch (CertificateException | RuntimeException e) {
                // not this one
            }
        }
        return certificates.stream().findFirst();
    }

    /**
     * The signer's signature algorithm in JCA style: "SHA256withECDSA", "SHA1withRSA" (PKCS#1 v1.5) or, for
     * RSASSA-PSS, with its parameters, e.g. "RSASSA-PSS(SHA-256, MGF1 SHA-256, salt 32)". An algorithm this
     * reader does not know is given by its OID.
     */
    public String signatureAlgorithm() {
        try {
            return SodSignatureNames.of(signer.getDigestAlgorithmID(), signer.getEncryptionAlgOID(),
                    signer.getEncryptionAlgParams());
        } catch (RuntimeException e) {
            return String.valueOf(signer.getEncryptionAlgOID());
        }
    }

    /** The LDS and Unicode versions of an LDSSecurityObject v1; empty for v0. */
    public Optional<VersionInfo> versionInfo() {
        return Optional.ofNullable(versionInfo);
    }

    /** The encapsulated content as signed: the DER of the LDSSecurityObject. */
    public byte[] encapsulatedContent() {
        return content.clone();
    }

    /** The messageDigest signed attribute, if the signer info has signed attributes (ICAO requires them). */
    public Optional<byte[]> signedMessageDigest() {
        Attribute a;
        try {
            a = signedAttribute(CMSAttributes.messageDigest);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (a == null || a.getAttrValues().size() != 1
                || !(a.getAttrValues().getObjectAt(0) instanceof ASN1OctetString o)) {
            return Optional.empty();
        }
        return Optional.of(o.getOctets());
    }

    /** The signingTime signed attribute, if present (it is optional in an SOD). */
    public Optional<Instant> signingTime() {
        try {
            Attribute a = signedAttribute(CMSAttributes.signingTime);
            return a == null || a.getAttrValues().size() != 1 ? Optional.empty()
                    : Optional.of(Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the signed messageDigest attribute is the hash of the encapsulated content, i.e. whether the list of
     * data group hashes is the one that was signed. True when there are no signed attributes (the signature then
     * covers the content itself).
     */
    public boolean contentMatchesSignedDigest() {
        if (signer.getSignedAttributes() == null) {
            return true;
        }
        Optional<byte[]> signed = signedMessageDigest();
        if (signed.isEmpty()) {
            return false;
        }
        try {
            String alg = digestName(signer.getDigestAlgorithmID());
            return MessageDigest.isEqual(MessageDigest.getInstance(alg).digest(content), signed.get());
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            return false;
        }
    }

    private Attribute signedAttribute(ASN1ObjectIdentifier type) {
        AttributeTable table = signer.getSignedAttributes();
        return table == null ? null : table.get(type);
    }

    /**
     * Checks the signer's signature (and the message-digest signed attribute) with the given certificate's key.
     * False when it does not verify; never throws for a wrong signature. Only the key is used: the certificate's
     * dates against the signing time are judged by Passive Authentication (a signature made outside them is not a
     * forged one).
     */
    public boolean signatureVerifies(X509Certificate documentSigner) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC)
                    .build(documentSigner.getPublicKey()));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    // ---- building ----

    /**
     * Builds EF.SOD (LDSSecurityObject v0) over {@code dataGroups} (number to file bytes), hashed with
     * {@code digestAlgorithm} ("SHA-256" ...), signed by {@code signer} and carrying {@code certificate}.
     */
    public static byte[] build(String digestAlgorithm, Map<Integer, byte[]> dataGroups, X509Certificate certificate,
            ContentSigner signer) {
        return build(digestAlgorithm, dataGroups, null, certificate, signer);
    }

    /**
     * Builds EF.SOD as {@link #build(String, Map, X509Certificate, ContentSigner)}; with a {@code versionInfo}
     * (LDS 1.7 documents) the LDSSecurityObject is v1 and carries it.
     *
     * @param signer any Bouncy Castle signer, e.g. a deterministic one; its algorithm (ECDSA, RSA PKCS#1 v1.5,
     *     RSASSA-PSS) is what the signer info names
     * @throws IllegalArgumentException for an unknown digest algorithm or a signer that fails
     */
    public static byte[] build(String digestAlgorithm, Map<Integer, byte[]> dataGroups, VersionInfo versionInfo,
            X509Certificate certificate, ContentSigner signer) {
        try {
            AlgorithmIdentifier digestId = new DefaultDigestAlgorithmIdentifierFinder().find(digestAlgorithm);
            MessageDigest md = MessageDigest.getInstance(digestAlgorithm);
            List<DataGroupHash> list = new ArrayList<>();
            for (Map.Entry<Integer, byte[]> e : new TreeMap<>(dataGroups).entrySet()) {
                if (e.getKey() < 1 || e.getKey() > 16) {
                    throw new IllegalArgumentException("data group " + e.getKey() + " is out of range 1..16");
                }
                list.add(new DataGroupHash(e.getKey(), new DEROctetString(md.digest(e.getValue()))));
            }
            DataGroupHash[] hashes = list.toArray(new DataGroupHash[0]);
            LDSSecurityObject lso = versionInfo == null ? new LDSSecurityObject(digestId, hashes)
                    : new LDSSecurityObject(digestId, hashes,
                            new LDSVersionInfo(versionInfo.ldsVersion(), versionInfo.unicodeVersion()));
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
                | IOException | RuntimeException e) {
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
        return "SodFile[" + digestAlgorithm + ", DGs " + hashes.keySet() + ", " + signatureAlgorithm() + "]";
    }

}
