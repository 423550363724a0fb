package vn.cccd.reader.lds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * TerminalAuthenticationInfo: Terminal Authentication is supported (version), optionally naming EF.CVCA.
 *
 * @param efCvca the DER FileID SEQUENCE, or null
 */
public record TerminalAuthenticationInfo(String protocol, int version, byte[] efCvca) implements SecurityInfo {
    public TerminalAuthenticationInfo {
        if (!ID_TA.equals(protocol)) {
            throw new IllegalArgumentException("a TerminalAuthenticationInfo protocol is id-TA");
        }
        efCvca = efCvca == null ? null : efCvca.clone();
    }

    static TerminalAuthenticationInfo decode(String protocol, List<Tlv> rest) {
        if (rest.isEmpty() || rest.size() > 2 || rest.size() == 2 && rest.get(1).tag() != LdsTlv.SEQUENCE) {
            throw new MalformedDataException("TerminalAuthenticationInfo has an unexpected structure");
        }
        int version = LdsTlv.smallInt(rest.get(0), "TerminalAuthenticationInfo version");
        return new TerminalAuthenticationInfo(protocol, version, rest.size() == 2 ? rest.get(1).encode() : null);
    }

    @Override
    public byte[] efCvca() {
        return efCvca == null ? null : efCvca.clone();
    }

    @Override
    public Tlv toTlv() {
        List<Tlv> kids = new ArrayList<>(List.of(Oids.encode(protocol), LdsTlv.integer(version)));
        if (efCvca != null) {
            kids.add(Tlv.parse(efCvca));
        }
        return Tlv.of(LdsTlv.SEQUENCE, kids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TerminalAuthenticationInfo t && t.version == version && Arrays.equals(t.efCvca, efCvca);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, Arrays.hashCode(efCvca));
    }

    @Override
    public String toString() {
        return "TerminalAuthenticationInfo[version " + version + (efCvca != null ? ", EF.CVCA" : "") + "]";
    }
}
