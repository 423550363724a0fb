package vn.cccd.mock.persona;

import java.util.List;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Bytes;

/**
 * The byte-level changes behind the document faults. Each keeps the file well-formed (same lengths, valid
 * UTF-8, parseable DER), so that a reader gets past parsing and has to catch the change by verification.
 */
final class DocumentTampering {
    /** DG13 field index of the place of residence (thường trú). */
    static final int DG13_RESIDENCE = 9;
    private static final int TAG_SEQUENCE = 0x30;
    private static final int TAG_INTEGER = 0x02;
    private static final int TAG_UTF8 = 0x0C;
    private static final int TAG_PRINTABLE = 0x13;

    private DocumentTampering() {
    }

    /**
     * {@code tamper-dg13}: DG13 "after signing": one letter of the place of residence (else of the first text
     * field) becomes another letter. Length and TLV structure stay exactly the same.
     */
    static byte[] tamperDg13(byte[] dg13) {
        Tlv root = Tlv.parse(dg13);
        Tlv target = findField(root, DG13_RESIDENCE);
        if (target == null) {
            target = findFirstText(root);
        }
        if (target == null) {
            throw new IllegalArgumentException("DG13 has no text field to tamper with");
        }
        byte[] value = target.value();
        int start = Bytes.indexOf(dg13, target.encode());
        start = start < 0 ? Bytes.indexOf(dg13, value) : start + target.encode().length - value.length;
        if (start < 0) {
            throw new IllegalArgumentException("DG13 field not found in the file");
        }
        byte[] out = dg13.clone();
        for (int i = start + value.length - 1; i >= start; i--) {
            if (isAsciiLetter(out[i])) {
                out[i] = (byte) (out[i] == 'z' ? 'a' : out[i] == 'Z' ? 'A' : out[i] + 1);
                return out;
            }
        }
        throw new IllegalArgumentException("DG13 field has no ASCII letter to change");
    }

    /**
     * {@code unknown-dg13-layout}: a DG13 of a layout no source shows, {@code 6D 0A 04 08} and eight bytes (the
     * start of the real DG13's SHA-256, so that each persona's differs and none holds personal data), for the chip
     * to sign as it is.
     */
    static byte[] opaqueDg13(byte[] dg13) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(dg13);
            return Tlv.of(0x6D, Tlv.of(0x04, java.util.Arrays.copyOf(digest, 8))).encode();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code bad-sod-signature}: the last byte of the Document Signer's signature in the SOD is flipped. The
     * SOD stays parseable; only the signature check fails.
     */
    static byte[] corruptSignature(byte[] sod) {
        byte[] signature;
        try {
            byte[] contentInfo = Tlv.parse(sod).value();
            SignedData sd = SignedData.getInstance(ContentInfo.getInstance(contentInfo).getContent());
            SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
            signature = si.getEncryptedDigest().getOctets();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the SOD is not a CMS SignedData with a signer", e);
        }
        int at = Bytes.indexOf(sod, signature);
        if (at < 0) {
            throw new IllegalArgumentException("signature bytes not found in the SOD");
        }
        byte[] out = sod.clone();
        out[at + signature.length - 1] ^= 0x01;
        return out;
    }

    private static Tlv findField(Tlv node, int index) {
        if (node.tag() == TAG_SEQUENCE) {
            List<Tlv> kids = children(node);
            if (kids.size() >= 2 && kids.get(0).tag() == TAG_INTEGER && intValue(kids.get(0)) == index
                    && isText(kids.get(1))) {
                return kids.get(1);
            }
        }
        for (Tlv c : children(node)) {
            Tlv found = findField(c, index);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Tlv findFirstText(Tlv node) {
        if (isText(node) && node.length() > 0) {
            return node;
        }
        for (Tlv c : children(node)) {
            Tlv found = findFirstText(c);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<Tlv> children(Tlv node) {
        if (!node.isConstructed()) {
            return List.of();
        }
        try {
            return node.children();
        } catch (MalformedDataException e) {
            return List.of();
        }
    }

    private static boolean isText(Tlv t) {
        return t.tag() == TAG_UTF8 || t.tag() == TAG_PRINTABLE;
    }

    private static int intValue(Tlv t) {
        byte[] v = t.value();
        return v.length == 1 ? v[0] : -1;
    }

    private static boolean isAsciiLetter(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }

}
