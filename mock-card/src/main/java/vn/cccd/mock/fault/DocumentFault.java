package vn.cccd.mock.fault;

/**
 * Faults in the document itself, applied by the document factory while it builds and signs the files
 * (they cannot be added by wrapping a chip: the bytes on the card are different).
 */
public enum DocumentFault implements Fault {
    /** DG13 is changed after the SOD was signed: its hash no longer matches. */
    TAMPER_DG13("tamper-dg13", true),
    /** The SOD's signature bytes are corrupted: the Document Signer signature does not verify. */
    BAD_SOD_SIGNATURE("bad-sod-signature", true),
    /** The Document Signer is issued by a CSCA that {@code pki} does not write. */
    UNKNOWN_CSCA("unknown-csca", true),
    /** The Active Authentication key on the chip differs from the one in DG15. */
    CLONE("clone", true),
    /** The Chip Authentication key on the chip differs from the one in DG14. */
    CA_MISMATCH("ca-mismatch", true),
    /**
     * DG13 in the synthetic layout this project's mock card wrote before the real one was known (fields directly
     * in the container SEQUENCE, no SET), correctly signed: readers that knew only that layout still work.
     */
    LEGACY_DG13_LAYOUT("legacy-dg13-layout", true),
    /**
     * DG13 in a layout no source shows ({@code 6D → 04 OCTET STRING}), correctly signed: the read must go on
     * with the person from DG1 and say that DG13 could not be read.
     */
    UNKNOWN_DG13_LAYOUT("unknown-dg13-layout", true),
    /**
     * The SOD is signed by a Document Signer whose certificate ran from 2021-01-01 to 2025-12-31: valid when it
     * signed the card (its issue date), expired since. Real cards outlive their DS certificate (a CCCD issued at 58
     * never expires; the Vietnam CSCA's key usage period ends in 2026), see docs/PASSIVE-AUTHENTICATION.md:
     * Passive Authentication stays VALID with a note. Only for cards issued in that period.
     */
    EXPIRED_DOCUMENT_SIGNER("expired-document-signer", true);

    private final String spec;
    private final boolean supported;

    DocumentFault(String spec, boolean supported) {
        this.spec = spec;
        this.supported = supported;
    }

    @Override
    public String spec() {
        return spec;
    }

    /**
     * Whether the mock card can show this fault yet. {@code clone} and {@code ca-mismatch} need the card
     * side of Active and Chip Authentication; until then asking for them is an error, never silently ignored.
     */
    public boolean supported() {
        return supported;
    }
}
