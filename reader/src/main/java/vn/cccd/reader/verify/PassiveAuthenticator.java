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
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.SodFile;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.PassiveAuthentication.HashStatus;
import vn.cccd.reader.model.PassiveAuthentication.Status;
import vn.cccd.reader.read.PassiveCheck;

/**
 * Passive Authentication (ICAO 9303-11 §5.1): the SOD's CMS signature under its Document Signer certificate,
 * the hash of every data group read against the SOD, and the Document Signer's chain to a CSCA from the trust
 * store, with validity dates and CRLs.
 *
 * <p>The verdict: INVALID when the signature fails, a data group read does not match (or is not covered by the
 * SOD), the SOD does not parse, or the Document Signer is revoked; UNTRUSTED when everything checks but the
 * chain does not reach a trusted, currently valid CSCA, or the Document Signer certificate is outside its
 * validity period (a DS certificate outlives every document it signed, so an expired one means the document's
 * own validity is over too); VALID only when every check passes. Every problem is written in words.
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

    @Override
    public PassiveAuthentication check(byte[] sodBytes, Map<String, byte[]> files) {
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

        Optional<X509Certificate> dsOpt = sod.documentSigner();
        if (dsOpt.isEmpty()) {
            problems.add("The SOD carries no Document Signer certificate, so its signature cannot be checked");
            return new PassiveAuthentication(Status.INVALID, false, false, hashes, null, null, problems);
        }
        X509Certificate ds = dsOpt.get();
        PassiveAuthentication.Signer signer = new PassiveAuthentication.Signer(name(ds.getSubjectX500Principal()),
                date(ds.getNotBefore()), date(ds.getNotAfter()));
        boolean signatureValid = sod.signatureVerifies(ds);
        if (!signatureValid) {
            problems.add("The SOD signature does not verify with the Document Signer certificate: the security"
                    + " object was altered or forged");
        }

        Instant now = clock.instant();
        boolean chainTrusted = true;
        boolean revoked = false;
        if (now.isBefore(ds.getNotBefore().toInstant()) || now.isAfter(ds.getNotAfter().toInstant())) {
            chainTrusted = false;
            problems.add("The Document Signer certificate is valid from " + date(ds.getNotBefore()) + " to "
                    + date(ds.getNotAfter()) + ", not today");
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
                if (now.isBefore(csca.getNotBefore().toInstant()) || now.isAfter(csca.getNotAfter().toInstant())) {
                    chainTrusted = false;
                    problems.add("The CSCA certificate is valid from " + date(csca.getNotBefore()) + " to "
                            + date(csca.getNotAfter()) + ", not today");
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
        if (!signatureValid || hashFailure || revoked) {
            status = Status.INVALID;
        } else if (!chainTrusted) {
            status = Status.UNTRUSTED;
        } else {
            status = Status.VALID;
        }
        PassiveAuthentication.Csca cscaInfo = csca == null ? null
                : new PassiveAuthentication.Csca(name(csca.getSubjectX500Principal()));
        return new PassiveAuthentication(status, signatureValid, chainTrusted && csca != null, hashes, signer,
                cscaInfo, problems);
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

    static String name(X500Principal p) {
        return p.getName(X500Principal.RFC2253);
    }

    static String date(Date d) {
        return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
