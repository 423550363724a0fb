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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.icao.CscaMasterList;
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

    public static TrustStore load(List<Path> dirs) {
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
                files = s.filter(Files::isRegularFile).sorted().limit(MAX_FILES + 1L).toList();
            } catch (IOException | RuntimeException e) {
                warnings.add("cannot list trust directory " + dir + ": " + e.getMessage());
                continue;
            }
            for (Path f : files) {
                if (++seen > MAX_FILES) {
                    warnings.add("more than " + MAX_FILES + " files in the trust directories: the rest are ignored");
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
     * The CSCA certificates of an ICAO master list. The list's own CMS signature is checked with the signer
     * certificate it carries; a list whose signature does not verify is rejected as tampered. (Whether the
     * master list signer itself is trusted is the operator's choice in placing the file here.)
     */
    static List<X509Certificate> masterList(byte[] bytes, String name, List<String> warnings) throws IOException {
        try {
            CMSSignedData cms = new CMSSignedData(bytes);
            boolean verified = false;
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(BC);
            for (SignerInformation si : cms.getSignerInfos().getSigners()) {
                for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
                    verified |= si.getSID().match(h) && si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(conv.getCertificate(h)));
                }
            }
            if (!verified) {
                warnings.add(name + ": the master list signature does not verify; its certificates are not used");
                return List.of();
            }
            byte[] content = (byte[]) cms.getSignedContent().getContent();
            CscaMasterList list = CscaMasterList.getInstance(ASN1Primitive.fromByteArray(content));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : list.getCertStructs()) {
                out.add(conv.getCertificate(new X509CertificateHolder(c)));
            }
            return out;
        } catch (org.bouncycastle.cms.CMSException | org.bouncycastle.operator.OperatorCreationException
                | CertificateException | ClassCastException e) {
            throw new IOException(e.getMessage(), e);
        }
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

    /** Anchors whose subject is the certificate's issuer (several when a CSCA was re-keyed). */
    List<X509Certificate> candidatesFor(X509Certificate cert) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate a : anchors) {
            if (a.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                out.add(a);
            }
        }
        return out;
    }

}
