package vn.cccd.reader.lds;

import java.util.ArrayList;
import java.util.List;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * ActiveAuthenticationInfo (ICAO 9303-11 §6.1): present when the Active Authentication key in DG15 is an EC key;
 * names the signature algorithm, for instance ecdsa-plain-SHA256 (0.4.0.127.0.7.1.1.4.1.3).
 *
 * @param signatureAlgorithm the dotted OID, or null when absent
 */
public record ActiveAuthenticationInfo(String protocol, int version, String signatureAlgorithm)
        implements SecurityInfo {
    public ActiveAuthenticationInfo {
        if (!ID_AA.equals(protocol)) {
            throw new IllegalArgumentException("an ActiveAuthenticationInfo protocol is id-AA");
        }
    }

    /** Version 1 with the given signature algorithm. */
    public static ActiveAuthenticationInfo of(String signatureAlgorithm) {
        return new ActiveAuthenticationInfo(ID_AA, 1, signatureAlgorithm);
    }

    static ActiveAuthenticationInfo decode(String protocol, List<Tlv> rest) {
        if (rest.isEmpty() || rest.size() > 2) {
            throw new MalformedDataException("ActiveAuthenticationInfo has " + rest.size() + " fields after its OID");
        }
        int version = LdsTlv.smallInt(rest.get(0), "ActiveAuthenticationInfo version");
        String alg = rest.size() > 1 ? Oids.decode(rest.get(1), "ActiveAuthenticationInfo signature algorithm") : null;
        return new ActiveAuthenticationInfo(protocol, version, alg);
    }

    @Override
    public Tlv toTlv() {
        List<Tlv> kids = new ArrayList<>(List.of(Oids.encode(protocol), LdsTlv.integer(version)));
        if (signatureAlgorithm != null) {
            kids.add(Oids.encode(signatureAlgorithm));
        }
        return Tlv.of(LdsTlv.SEQUENCE, kids);
    }
}
