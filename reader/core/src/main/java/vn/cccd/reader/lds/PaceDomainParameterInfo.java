package vn.cccd.reader.lds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * PACEDomainParameterInfo: proprietary PACE domain parameters, kept as the raw DER AlgorithmIdentifier (the PACE
 * implementation interprets them).
 *
 * @param domainParameter the DER AlgorithmIdentifier SEQUENCE
 * @param parameterId null when absent
 */
public record PaceDomainParameterInfo(String protocol, byte[] domainParameter, Integer parameterId)
        implements SecurityInfo {
    public PaceDomainParameterInfo {
        Objects.requireNonNull(protocol, "protocol");
        if (!Oids.isUnder(protocol, ID_PACE, 1)) {
            throw new IllegalArgumentException("a PACEDomainParameterInfo protocol is id-PACE.mapping, not " + protocol);
        }
        domainParameter = domainParameter.clone();
    }

    static PaceDomainParameterInfo decode(String protocol, List<Tlv> rest) {
        if (rest.isEmpty() || rest.size() > 2 || rest.get(0).tag() != LdsTlv.SEQUENCE) {
            throw new MalformedDataException("PACEDomainParameterInfo lacks its AlgorithmIdentifier");
        }
        Integer id = rest.size() > 1 ? LdsTlv.smallInt(rest.get(1), "PACEDomainParameterInfo parameterId") : null;
        return new PaceDomainParameterInfo(protocol, rest.get(0).encode(), id);
    }

    @Override
    public byte[] domainParameter() {
        return domainParameter.clone();
    }

    @Override
    public Tlv toTlv() {
        List<Tlv> kids = new ArrayList<>(List.of(Oids.encode(protocol), Tlv.parse(domainParameter)));
        if (parameterId != null) {
            kids.add(LdsTlv.integer(parameterId));
        }
        return Tlv.of(LdsTlv.SEQUENCE, kids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaceDomainParameterInfo p && p.protocol.equals(protocol)
                && Arrays.equals(p.domainParameter, domainParameter) && Objects.equals(p.parameterId, parameterId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, Arrays.hashCode(domainParameter), parameterId);
    }

    @Override
    public String toString() {
        return "PaceDomainParameterInfo[" + protocol + ", " + domainParameter.length + " bytes, " + parameterId + "]";
    }
}
