package vn.cccd.reader.verify;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import vn.cccd.reader.tlv.Tlv;

/** Byte surgery on SODs for tests. */
final class TestSods {
    private TestSods() {
    }

    static byte[] signatureValue(byte[] sod) {
        SignedData sd = SignedData.getInstance(ContentInfo.getInstance(Tlv.parse(sod).value()).getContent());
        return SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0)).getEncryptedDigest().getOctets();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
