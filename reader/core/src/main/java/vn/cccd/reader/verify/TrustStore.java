package vn.cccd.reader.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSCA certificates (trust anchors) and CRLs from configured directories: PEM or DER certificates
 * ({@code .pem .crt .cer .der}), ICAO master lists ({@code .ml}, CMS-signed lists of CSCA certificates) and
 * CRLs ({@code .crl}). Files that do not parse are reported in {@link #warnings()} and skipped; nothing here
 * throws for a bad file. Loading is bounded in file count, depth and size.
 */
public final class TrustStore {
    public static final int MAX_FILES = 5000;
    public static final long MAX_FILE_SIZE = 20L * 1024 * 1024;
    private static final int MAX_DEPTH = 4;
    private static final Logger LOG = LoggerFactory.getLogger(TrustStore.class);
    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;
    private final List<String> warnings;

    public TrustStore(List<X509Certificate> anchors, List<X509CRL> crls, List<String> warnings) {
        this.anchors = List.copyOf(anchors);
        this.crls = List.copyOf(crls);
        this.warnings = List.copyOf(warnings);
    }

    public static TrustStore empty() {
        return new TrustStore(List.of(), List.of(), List.of());
    }

    /**
     * Loads every certificate, master list and CRL under {@code dirs} (subfolders up to 4 levels, at most
     * {@link #MAX_FILES} files, each at most {@link #MAX_FILE_SIZE} bytes). Never throws for bad content: what
     * cannot be used is listed in {@link #warnings()}.
     */
    public static TrustStore load(List<Path> dirs) {
        return load(dirs, MAX_FILES);
    }

    /** {@link #load(List)} with a smaller file cap, so that the cap can be tested without thousands of files. */
    static TrustStore load(List<Path> dirs, int maxFiles) {
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int seen = 0;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                warnings.add("trust directory " + dir + " does not exist or is not a directory");
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir, MAX_DEPTH)) {
                files = s.filter(Files::isRegularFile).limit(maxFiles + 1L).sorted().toList();
            } catch (IOException | RuntimeException e) {
                warnings.add("cannot list trust directory " + dir + ": " + e.getMessage());
                continue;
            }
            for (Path f : files) {
                if (++seen > maxFiles) {
                    warnings.add("more than " + maxFiles + " files in the trust directories: the rest are ignored");
                    break;
                }
                loadFile(f, anchors, crls, warnings);
            }
        }
        warnings.forEach(w -> LOG.warn("trust store: {}", w));
        return new TrustStore(anchors, crls, warnings);
    }

    private static void loadFile(Path f, List<X509Certificate> anchors, List<X509CRL> crls, List<String> warnings) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean cert = name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer") || name.endsWith(".der");
        boolean ml = name.endsWith(".ml");
        boolean crl = name.endsWith(".crl");
        if (!cert && !ml && !crl) {
            return;
        }
        try {
            if (Files.size(f) > MAX_FILE_SIZE) {
                warnings.add(f.getFileName() + " is larger than " + MAX_FILE_SIZE + " bytes: skipped");
                return;
            }
            byte[] bytes = Files.readAllBytes(f);
            if (ml) {
                anchors.addAll(masterList(bytes, f.getFileName().toString(), warnings));
            } else if (crl) {
                crls.add((X509CRL) CertificateFactory.getInstance("X.509", BC).generateCRL(new ByteArrayInputStream(bytes)));
            } else {
                Collection<? extends java.security.cert.Certificate> certs =
                        CertificateFactory.getInstance("X.509", BC).generateCertificates(new ByteArrayInputStream(bytes));
                if (certs.isEmpty()) {
                    warnings.add(f.getFileName() + " holds no certificate");
                }
                for (java.security.cert.Certificate c : certs) {
                    anchors.add((X509Certificate) c);
                }
            }
        } catch (IOException | CertificateException | CRLException | RuntimeException e) {
            warnings.add(f.getFileName() + " is not a readable " + (ml ? "master list" : crl ? "CRL" : "certificate")
                    + ": " + e.getMessage());
        }
    }

    /**
     * The CSCA certificates of an ICAO master list (ICAO 9303-12 §9). The list's own CMS signature is checked with
     * the signer certificate it carries: a list whose signature fails is rejected as tampered; a list whose
     * signature cannot be checked (signer certificate missing, algorithm unknown) is used with a warning, since the
     * operator chose to place it here. Whether the master list signer is trusted is likewise the operator's choice;
     * a signer not certified by a CSCA of the list itself is reported.
     */
    static List<X509Certificate> masterList(byte[] bytes, String name, List<String> warnings) throws IOException {
        try {
            CMSSignedData cms = new CMSSignedData(bytes);
            if (!ICAOObjectIdentifiers.id_icao_cscaMasterList.getId().equals(cms.getSignedContentTypeOID())) {
                throw new IOException("the CMS content is not an ICAO CSCA master list ("
                        + cms.getSignedContentTypeOID() + ")");
            }
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(BC);
            Object content = cms.getSignedContent() == null ? null : cms.getSignedContent().getContent();
            if (!(content instanceof byte[] listBytes)) {
                throw new IOException("the master list has no content");
            }
            CscaMasterList list = CscaMasterList.getInstance(ASN1Primitive.fromByteArray(listBytes));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : list.getCertStructs()) {
                out.add(conv.getCertificate(new X509CertificateHolder(c)));
            }
            MasterListSignature sig = masterListSignature(cms, conv);
            if (sig.failure() != null) {
                warnings.add(name + ": the master list signature does not verify (" + sig.failure()
                        + "); its certificates are not used");
                return List.of();
            }
            if (sig.signer() == null) {
                warnings.add(name + ": the master list signature could not be checked (" + sig.unchecked()
                        + "); its " + out.size() + " certificates are used because the file was placed in a trust"
                        + " directory");
            } else if (out.stream().noneMatch(csca -> PassiveAuthenticator.signedBy(sig.signer(), csca))) {
                warnings.add(name + ": the master list signer " + PassiveAuthenticator.name(
                        sig.signer().getSubjectX500Principal()) + " is not certified by a CSCA in the list;"
                        + " make sure the file comes from an official source");
            }
            return out;
        } catch (org.bouncycastle.cms.CMSException | CertificateException | ClassCastException
                | IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A verified signer certificate, or why the signature fails, or why it could not be checked. */
    private record MasterListSignature(X509Certificate signer, String failure, String unchecked) {
    }

    private static MasterListSignature masterListSignature(CMSSignedData cms, JcaX509CertificateConverter conv) {
        String unchecked = "the list has no signer";
        for (SignerInformation si : cms.getSignerInfos().getSigners()) {
            unchecked = "the signer's certificate is not in the list";
            for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
                if (!si.getSID().match(h)) {
                    continue;
                }
                try {
                    X509Certificate cert = conv.getCertificate(h);
                    if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(cert))) {
                        return new MasterListSignature(null, "wrong signature", null);
                    }
                    return new MasterListSignature(cert, null, null);
                } catch (org.bouncycastle.cms.CMSVerifierCertificateNotValidException e) {
                    unchecked = "the signer's certificate was not valid when the list was signed";
                } catch (org.bouncycastle.cms.CMSException e) {
                    return new MasterListSignature(null, e.getMessage(), null);
                } catch (org.bouncycastle.operator.OperatorCreationException | CertificateException
                        | RuntimeException e) {
                    unchecked = "unsupported signature: " + e.getMessage();
                }
            }
        }
        return new MasterListSignature(null, null, unchecked);
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    public List<X509CRL> crls() {
        return crls;
    }

    /** Problems met while loading, in words for the operator. */
    public List<String> warnings() {
        return warnings;
    }

    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    /**
     * The anchors that may have issued {@code cert}: those whose subject is its issuer (several when a CSCA was
     * re-keyed or has link certificates), the one whose subject key identifier equals its authority key identifier
     * first.
     */
    public List<X509Certificate> candidatesFor(X509Certificate cert) {
        byte[] aki = KeyIdentifiers.authorityKeyId(cert);
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate a : anchors) {
            if (a.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                if (aki != null && Arrays.equals(aki, KeyIdentifiers.subjectKeyId(a))) {
                    out.add(0, a);
                } else {
                    out.add(a);
                }
            }
        }
        return out;
    }

}
