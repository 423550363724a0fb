package vn.cccd.reader.lds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Hex;

/**
 * {@code SecurityInfos ::= SET OF SecurityInfo}, the content of EF.CardAccess and DG14. Infos keep the file's
 * order; {@link #encode()} writes DER (elements sorted by their encoding), and equality ignores order.
 */
public final class SecurityInfos {
    /** More infos than this is not a real chip file. */
    static final int MAX_INFOS = 64;
    /** Key IDs longer than this are not real. */
    private static final int MAX_KEY_ID_BYTES = 32;

    private final List<SecurityInfo> infos;

    public SecurityInfos(List<? extends SecurityInfo> infos) {
        if (infos.isEmpty() || infos.size() > MAX_INFOS) {
            throw new IllegalArgumentException("SecurityInfos hold 1 to " + MAX_INFOS + " infos");
        }
        this.infos = List.copyOf(infos);
    }

    /** Parses the DER SET (tag 31). */
    public static SecurityInfos parse(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new MalformedDataException("SecurityInfos are empty");
        }
        Tlv set;
        try {
            set = Tlv.parse(encoded);
        } catch (MalformedDataException e) {
            throw new MalformedDataException("SecurityInfos: " + e.getMessage(), e);
        }
        return fromSet(set, "SecurityInfos");
    }

    static SecurityInfos fromSet(Tlv set, String what) {
        if (set.tag() != LdsTlv.SET) {
            throw new MalformedDataException(what + " must be a SET (31), found " + Tlv.tagHex(set.tag()));
        }
        List<Tlv> kids = set.children();
        if (kids.isEmpty()) {
            throw new MalformedDataException(what + " holds no SecurityInfo");
        }
        if (kids.size() > MAX_INFOS) {
            throw new MalformedDataException(what + " holds more than " + MAX_INFOS + " SecurityInfos");
        }
        List<SecurityInfo> out = new ArrayList<>();
        for (Tlv k : kids) {
            out.add(decode(k, what));
        }
        return new SecurityInfos(out);
    }

    static SecurityInfo decode(Tlv seq, String what) {
        if (seq.tag() != LdsTlv.SEQUENCE) {
            throw new MalformedDataException(what + ": a SecurityInfo is a SEQUENCE, found " + Tlv.tagHex(seq.tag()));
        }
        List<Tlv> kids = seq.children();
        if (kids.size() < 2) {
            throw new MalformedDataException(what + ": a SecurityInfo has an OID and required data");
        }
        String oid = Oids.decode(kids.get(0), what + " SecurityInfo protocol");
        List<Tlv> rest = kids.subList(1, kids.size());
        if (Oids.isUnder(oid, SecurityInfo.ID_PACE, 2)) {
            return PaceInfo.decode(oid, rest);
        }
        if (Oids.isUnder(oid, SecurityInfo.ID_PACE, 1)) {
            return PaceDomainParameterInfo.decode(oid, rest);
        }
        if (Oids.isUnder(oid, SecurityInfo.ID_CA, 2)) {
            return ChipAuthenticationInfo.decode(oid, rest);
        }
        if (oid.equals(PublicKeys.ID_PK_DH) || oid.equals(PublicKeys.ID_PK_ECDH)) {
            return ChipAuthenticationPublicKeyInfo.decode(oid, rest);
        }
        if (oid.equals(SecurityInfo.ID_TA)) {
            return TerminalAuthenticationInfo.decode(oid, rest);
        }
        if (oid.equals(SecurityInfo.ID_AA)) {
            return ActiveAuthenticationInfo.decode(oid, rest);
        }
        return new UnknownSecurityInfo(oid, seq.encode());
    }

    static BigInteger keyId(Tlv t, String what) {
        if (t.tag() != LdsTlv.INTEGER) {
            throw new MalformedDataException(what + " is not an INTEGER");
        }
        byte[] v = t.value();
        if (v.length == 0 || v.length > MAX_KEY_ID_BYTES) {
            throw new MalformedDataException(what + " has " + v.length + " bytes");
        }
        return new BigInteger(v);
    }

    /** DER: the SET's elements sorted by their encodings. */
    public byte[] encode() {
        return toTlv().encode();
    }

    Tlv toTlv() {
        List<byte[]> encodings = new ArrayList<>();
        for (SecurityInfo i : infos) {
            encodings.add(i.toTlv().encode());
        }
        encodings.sort(Arrays::compareUnsigned);
        List<Tlv> sorted = new ArrayList<>();
        for (byte[] e : encodings) {
            sorted.add(Tlv.parse(e));
        }
        return Tlv.of(LdsTlv.SET, sorted);
    }

    public List<SecurityInfo> all() {
        return infos;
    }

    public <T extends SecurityInfo> List<T> ofType(Class<T> type) {
        return infos.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<PaceInfo> paceInfos() {
        return ofType(PaceInfo.class);
    }

    public List<ChipAuthenticationInfo> chipAuthenticationInfos() {
        return ofType(ChipAuthenticationInfo.class);
    }

    public List<ChipAuthenticationPublicKeyInfo> chipAuthenticationPublicKeyInfos() {
        return ofType(ChipAuthenticationPublicKeyInfo.class);
    }

    public Optional<ActiveAuthenticationInfo> activeAuthenticationInfo() {
        return ofType(ActiveAuthenticationInfo.class).stream().findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityInfos s && sortedHex(s.infos).equals(sortedHex(infos));
    }

    @Override
    public int hashCode() {
        return sortedHex(infos).hashCode();
    }

    private static List<String> sortedHex(List<SecurityInfo> infos) {
        return infos.stream().map(i -> Hex.encode(i.toTlv().encode())).sorted(Comparator.naturalOrder()).toList();
    }

    @Override
    public String toString() {
        return "SecurityInfos" + infos;
    }
}
