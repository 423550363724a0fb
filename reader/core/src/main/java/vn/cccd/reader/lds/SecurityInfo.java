package vn.cccd.reader.lds;

import vn.cccd.reader.tlv.Tlv;

/**
 * One {@code SecurityInfo ::= SEQUENCE { protocol OBJECT IDENTIFIER, requiredData ANY, optionalData ANY OPTIONAL }}
 * of EF.CardAccess, DG14 or EF.CardSecurity (ICAO 9303-11 §9.2, BSI TR-03110-3 A.1.1). Infos whose protocol is not
 * understood are kept raw as {@link UnknownSecurityInfo}.
 */
public sealed interface SecurityInfo permits PaceInfo, PaceDomainParameterInfo, ChipAuthenticationInfo,
        ChipAuthenticationPublicKeyInfo, TerminalAuthenticationInfo, ActiveAuthenticationInfo, UnknownSecurityInfo {
    /** id-PACE, 0.4.0.127.0.7.2.2.4: PACEInfo is id-PACE.mapping.cipher, PACEDomainParameterInfo id-PACE.mapping. */
    String ID_PACE = "0.4.0.127.0.7.2.2.4";
    /** id-CA, 0.4.0.127.0.7.2.2.3: ChipAuthenticationInfo is id-CA.keyAgreement.cipher. */
    String ID_CA = "0.4.0.127.0.7.2.2.3";
    /** id-PK, 0.4.0.127.0.7.2.2.1: ChipAuthenticationPublicKeyInfo is id-PK-DH (.1) or id-PK-ECDH (.2). */
    String ID_PK = "0.4.0.127.0.7.2.2.1";
    /** id-TA, 0.4.0.127.0.7.2.2.2. */
    String ID_TA = "0.4.0.127.0.7.2.2.2";
    /** id-AA, 2.23.136.1.1.5 (ICAO 9303-11 §6.1). */
    String ID_AA = "2.23.136.1.1.5";

    /** The protocol OBJECT IDENTIFIER in dotted form. */
    String protocol();

    /** The DER SEQUENCE. */
    Tlv toTlv();
}
