package vn.cccd.reader.lds;

import java.util.Arrays;
import java.util.Objects;
import vn.cccd.reader.tlv.Tlv;

/** A SecurityInfo whose protocol this package does not interpret, kept as its DER SEQUENCE. */
public record UnknownSecurityInfo(String protocol, byte[] encoded) implements SecurityInfo {
    public UnknownSecurityInfo {
        Objects.requireNonNull(protocol, "protocol");
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public Tlv toTlv() {
        return Tlv.parse(encoded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownSecurityInfo u && u.protocol.equals(protocol) && Arrays.equals(u.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, Arrays.hashCode(encoded));
    }

    @Override
    public String toString() {
        return "UnknownSecurityInfo[" + protocol + ", " + encoded.length + " bytes]";
    }
}
