package vn.cccd.reader.lds;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * PACEInfo: the PACE variant (mapping, key agreement, cipher in the OID), its version and, for standardized
 * domain parameters, their ID (for instance 13 = brainpoolP256r1).
 *
 * @param parameterId null when the info names no parameter ID
 */
public record PaceInfo(String protocol, int version, Integer parameterId) implements SecurityInfo {
    public PaceInfo {
        Objects.requireNonNull(protocol, "protocol");
        if (!Oids.isUnder(protocol, ID_PACE, 2)) {
            throw new IllegalArgumentException("a PACEInfo protocol is id-PACE.mapping.cipher, not " + protocol);
        }
    }

    static PaceInfo decode(String protocol, List<Tlv> rest) {
        if (rest.isEmpty() || rest.size() > 2) {
            throw new MalformedDataException("PACEInfo has " + rest.size() + " fields after its OID");
        }
        int version = LdsTlv.smallInt(rest.get(0), "PACEInfo version");
        Integer id = rest.size() > 1 ? LdsTlv.smallInt(rest.get(1), "PACEInfo parameterId") : null;
        return new PaceInfo(protocol, version, id);
    }

    @Override
    public Tlv toTlv() {
        List<Tlv> kids = new ArrayList<>(List.of(Oids.encode(protocol), LdsTlv.integer(version)));
        if (parameterId != null) {
            kids.add(LdsTlv.integer(parameterId));
        }
        return Tlv.of(LdsTlv.SEQUENCE, kids);
    }
}
