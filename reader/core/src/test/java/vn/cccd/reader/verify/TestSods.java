package vn.cccd.reader.verify;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Bytes;

/** Byte surgery on SODs for tests. */
final class TestSods {
    private TestSods() {
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        return Bytes.indexOf(haystack, needle);
    }

    static byte[] signatureValue(byte[] sod) {
        SignedData sd = SignedData.getInstance(ContentInfo.getInstance(Tlv.parse(sod).value()).getContent());
        return SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0)).getEncryptedDigest().getOctets();
    }
}
