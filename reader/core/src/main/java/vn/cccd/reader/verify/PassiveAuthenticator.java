package vn.cccd.reader.verify;

import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.SodFile;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.PassiveAuthentication.HashStatus;
import vn.cccd.reader.model.PassiveAuthentication.Status;

/**
 * Passive Authentication (ICAO 9303-11 §5.1): the SOD's CMS signature under its Document Signer certificate,
 * the hash of every data group read against the SOD, and the Document Signer's chain to a CSCA from the trust
 * store, with validity dates, key usage and CRLs.
 *
 * <p>The verdict:
 * <ul>
 *   <li>INVALID when there is evidence of tampering: the SOD does not parse, its signature does not verify, its
 *       signed message digest does not match its list of hashes, a data group read does not match its hash (or
 *       the SOD has no hash for it), or the Document Signer is revoked by a CRL of its CSCA.</li>
 *   <li>UNTRUSTED when nothing is wrong with the data but its origin cannot be established: no trust anchors,
 *       no trusted CSCA that signed the Document Signer certificate, a CSCA or Document Signer certificate
 *       outside its validity period, a key usage that does not allow the use, or an SOD that does not carry its
 *       Document Signer certificate (so the signature cannot be checked).</li>
 *   <li>VALID only when every check passes; {@code problems} is then empty.</li>
 *   <li>NOT_CHECKED when there is no SOD.</li>
 * </ul>
 *
 * <p>Validity dates follow the chain model ({@link DocumentSignerValidity}, docs/PASSIVE-AUTHENTICATION.md): the
 * Document Signer must have been valid when it signed (the SOD's signing time, else the card's issue date, else
 * the DS's start), within the CSCA's validity; a DS that has expired since is a note while the card itself is
 * still valid (Vietnamese cards issued from age 58 never expire), and a problem (UNTRUSTED) once the card has
 * expired too. The CSCA must still be valid today, and a CRL revoking the DS makes the document INVALID whatever
 * the dates. Every problem is a sentence a person can act on; none contains personal data.
 */
public final class PassiveAuthenticator implements PassiveCheck {
    private final TrustStore trust;
    private final Clock clock;

    public PassiveAuthenticator(TrustStore trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    public PassiveAuthenticator(TrustStore trust) {
        this(trust, Clock.systemUTC());
    }

    /**
     * Checks {@code sodBytes} (null when the chip has none) against {@code files}, the files read by contract name
     * ("DG1", "DG13", ...; other names such as "COM" are ignored). Never throws: a hostile SOD is INVALID.
     */
    @Override
    public PassiveAuthentication check(byte[] sodBytes, Map<String, byte[]> files) {
        return check(sodBytes, files, CardValidity.UNKNOWN);
    }

    /** As {@link #check(byte[], Map)}, with the card's issue and expiry dates for judging an expired DS. */
    @Override
    public PassiveAuthentication check(byte[] sodBytes, Map<String, byte[]> files, CardValidity card) {
        try {
            return evaluate(sodBytes, files == null ? Map.of() : files, card == null ? CardValidity.UNKNOWN : card);
        } catch (RuntimeException e) {
            // a structure that parsed but breaks a later step (e.g. a name the JDK cannot render) is still bad data
            return new PassiveAuthentication(Status.INVALID, false, false, Map.of(), null, null,
                    List.of("The SOD could not be checked because part of it is malformed: " + e.getMessage()));
        }
    }

    private PassiveAuthentication evaluate(byte[] sodBytes, Map<String, byte[]> files, CardValidity card) {
        List<String> problems = new ArrayList<>();
        if (sodBytes == null) {
            return PassiveAuthentication.notChecked("The chip has no SOD (document security object), so its data"
                    + " cannot be verified");
        }
        SodFile sod;
        try {
            sod = SodFile.parse(sodBytes);
        } catch (ReaderException e) {
            return new PassiveAuthentication(Status.INVALID, false, false, Map.of(), null, null,
                    List.of("The SOD cannot be parsed: " + e.getMessage()));
        }

        Map<String, HashStatus> hashes = new LinkedHashMap<>();
        boolean hashFailure = false;
        for (Map.Entry<Integer, byte[]> e : sod.dataGroupHashes().entrySet()) {
            String name = LdsFile.dataGroup(e.getKey()).contractName();
            byte[] content = files.get(name);
            if (content == null) {
                hashes.put(name, HashStatus.NOT_READ);
            } else if (MessageDigest.isEqual(sod.hash(content), e.getValue())) {
                hashes.put(name, HashStatus.MATCH);
            } else {
                hashes.put(name, HashStatus.MISMATCH);
                hashFailure = true;
                problems.add(name + " does not match its hash in the SOD: the data was changed after the card was"
                        + " issued");
            }
        }
        for (String name : files.keySet()) {
            Optional<LdsFile> f = LdsFile.byContractName(name);
            if (f.isPresent() && f.get().isDataGroup() && !hashes.containsKey(name)) {
                hashFailure = true;
                problems.add(name + " was read but the SOD has no hash for it: its content is not signed");
            }
        }

        boolean contentSigned = sod.contentMatchesSignedDigest();
        if (!contentSigned) {
            problems.add("The list of hashes in the SOD is not the one that was signed (the signed message digest"
                    + " does not match): the security object was altered after signing");
        }
        Optional<X509Certificate> dsOpt = sod.documentSigner();
        if (dsOpt.isEmpty()) {
            problems.add("The SOD carries no Document Signer certificate, so its signature cannot be checked");
            Status status = hashFailure || !contentSigned ? Status.INVALID : Status.UNTRUSTED;
            return new PassiveAuthentication(status, false, false, hashes, null, null, problems);
        }
        X509Certificate ds = dsOpt.get();
        PassiveAuthentication.Signer signer = new PassiveAuthentication.Signer(name(ds.getSubjectX500Principal()),
                date(ds.getNotBefore()), date(ds.getNotAfter()));
        boolean signatureValid = contentSigned && sod.signatureVerifies(ds);
        if (contentSigned && !signatureValid) {
            problems.add("The SOD signature does not verify with the Document Signer certificate ("
                    + sod.signatureAlgorithm() + "): the security object was altered or forged");
        }

        Instant now = clock.instant();
        boolean revoked = false;
        DocumentSignerValidity.Outcome dates = DocumentSignerValidity.judge(ds, sod.signingTime(), card, now);
        boolean chainTrusted = dates.trusted();
        problems.addAll(dates.problems());
        if (!allows(ds, KEY_USAGE_DIGITAL_SIGNATURE)) {
            chainTrusted = false;
            problems.add("The Document Signer certificate's key usage does not allow signing documents");
        }
        X509Certificate csca = null;
        if (trust.isEmpty()) {
            chainTrusted = false;
            problems.add("No trust anchors are configured: add the CSCA certificate of "
                    + name(ds.getIssuerX500Principal()) + " to a trust directory");
        } else {
            List<X509Certificate> candidates = trust.candidatesFor(ds);
            for (X509Certificate c : candidates) {
                if (signedBy(ds, c)) {
                    csca = c;
                    break;
                }
            }
            if (csca == null) {
                chainTrusted = false;
                problems.add(candidates.isEmpty()
                        ? "No trusted CSCA for issuer " + name(ds.getIssuerX500Principal())
                                + ": add its CSCA certificate to a trust directory"
                        : "The Document Signer certificate is not signed by any trusted CSCA named "
                                + name(ds.getIssuerX500Principal()));
            } else {
                if (!isCa(csca)) {
                    chainTrusted = false;
                    problems.add("The trusted certificate " + name(csca.getSubjectX500Principal())
                            + " that signed the Document Signer is not a CA certificate allowed to sign certificates:"
                            + " replace it with the country's CSCA certificate");
                }
                if (now.isBefore(csca.getNotBefore().toInstant()) || now.isAfter(csca.getNotAfter().toInstant())) {
                    chainTrusted = false;
                    problems.add("The CSCA certificate is valid from " + date(csca.getNotBefore()) + " to "
                            + date(csca.getNotAfter()) + ", not today");
                }
                if (outside(csca, ds.getNotBefore().toInstant()) || outside(csca, dates.signedAt())) {
                    chainTrusted = false;
                    problems.add("The CSCA certificate is valid from " + date(csca.getNotBefore()) + " to "
                            + date(csca.getNotAfter()) + ", not when it issued the Document Signer certificate ("
                            + date(ds.getNotBefore()) + ") or when the SOD was signed (" + dates.basis() + ")");
                }
                for (X509CRL crl : trust.crls()) {
                    if (crl.getIssuerX500Principal().equals(csca.getSubjectX500Principal()) && crlSignedBy(crl, csca)) {
                        X509CRLEntry entry = crl.getRevokedCertificate(ds);
                        if (entry != null) {
                            revoked = true;
                            chainTrusted = false;
                            problems.add("The Document Signer certificate was revoked on "
                                    + date(entry.getRevocationDate()) + " by its CSCA");
                        }
                    }
                }
            }
        }

        Status status;
        if (!signatureValid || hashFailure || revoked || !contentSigned) {
            status = Status.INVALID;
        } else if (!chainTrusted) {
            status = Status.UNTRUSTED;
        } else {
            status = Status.VALID;
        }
        PassiveAuthentication.Csca cscaInfo = csca == null ? null
                : new PassiveAuthentication.Csca(name(csca.getSubjectX500Principal()));
        return new PassiveAuthentication(status, signatureValid, chainTrusted && csca != null, hashes, signer,
                cscaInfo, problems, dates.notes());
    }

    private static boolean outside(X509Certificate cert, Instant t) {
        return t.isBefore(cert.getNotBefore().toInstant()) || t.isAfter(cert.getNotAfter().toInstant());
    }

    private static final int KEY_USAGE_DIGITAL_SIGNATURE = 0;
    private static final int KEY_USAGE_KEY_CERT_SIGN = 5;

    /** Whether the key usage extension, when present, has the bit. */
    private static boolean allows(X509Certificate cert, int bit) {
        boolean[] usage = cert.getKeyUsage();
        return usage == null || (usage.length > bit && usage[bit]);
    }

    /**
     * Whether a trust anchor may sign certificates: a CA by basic constraints and key usage where these are
     * present (some old CSCA certificates have neither; the operator's choice to trust them stands).
     */
    static boolean isCa(X509Certificate cert) {
        boolean hasBasicConstraints = cert.getExtensionValue("2.5.29.19") != null;
        return (!hasBasicConstraints || cert.getBasicConstraints() >= 0) && allows(cert, KEY_USAGE_KEY_CERT_SIGN);
    }

    /** Signature check through Bouncy Castle, which also handles explicit-parameter EC keys of real CSCAs. */
    static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            return new JcaX509CertificateHolder(cert).isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(TrustStore.BC).build(issuer));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean crlSignedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey(), TrustStore.BC);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * A distinguished name as people read it on certificates: in encoded order (C first) with short names, e.g.
     * "C=VN,O=Vietnam Government Information Security Commission,SERIALNUMBER=001,CN=CSCA Vietnam".
     */
    static String name(X500Principal p) {
        try {
            return X500Name.getInstance(p.getEncoded()).toString();
        } catch (RuntimeException e) {
            return p.getName(X500Principal.RFC2253);
        }
    }

    static String date(Date d) {
        return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
