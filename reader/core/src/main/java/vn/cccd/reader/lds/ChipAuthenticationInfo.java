package vn.cccd.reader.lds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * ChipAuthenticationInfo: the Chip Authentication variant (key agreement and cipher in the OID), its version and
 * the ID of the key it applies to.
 *
 * @param keyId null when the chip has a single CA key and names none
 */
public record ChipAuthenticationInfo(String protocol, int version, BigInteger keyId) implements SecurityInfo {
    public ChipAuthenticationInfo {
        Objects.requireNonNull(protocol, "protocol");
        if (!Oids.isUnder(protocol, ID_CA, 2)) {
            throw new IllegalArgumentException("a ChipAuthenticationInfo protocol is id-CA.agreement.cipher, not "
                    + protocol);
        }
    }

    static ChipAuthenticationInfo decode(String protocol, List<Tlv> rest) {
        if (rest.isEmpty() || rest.size() > 2) {
            throw new MalformedDataException("ChipAuthenticationInfo has " + rest.size() + " fields after its OID");
        }
        int version = LdsTlv.smallInt(rest.get(0), "ChipAuthenticationInfo version");
        BigInteger keyId = rest.size() > 1 ? SecurityInfos.keyId(rest.get(1), "ChipAuthenticationInfo keyId") : null;
        return new ChipAuthenticationInfo(protocol, version, keyId);
    }

    @Override
    public Tlv toTlv() {
        List<Tlv> kids = new ArrayList<>(List.of(Oids.encode(protocol), LdsTlv.integer(version)));
        if (keyId != null) {
            kids.add(Tlv.of(LdsTlv.INTEGER, keyId.toByteArray()));
        }
        return Tlv.of(LdsTlv.SEQUENCE, kids);
    }
}
