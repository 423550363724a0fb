package vn.cccd.mock.chip;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.protocol.ca.ChipAuthProtocol;

/**
 * The chip side of Chip Authentication (ECDH or DH): MSE:Set KAT with the terminal's ephemeral key (3DES), or MSE:Set
 * AT naming the protocol then GENERAL AUTHENTICATE with the key (AES). The answer still goes under the old keys;
 * the next command must come under the keys agreed with the chip's private key.
 */
final class ChipAuthResponder {
    /** The answer, and the session to switch to once it is sent. */
    record Outcome(ResponseApdu response, SmSession next) {
        static Outcome of(int sw) {
            return new Outcome(ResponseApdu.of(sw), null);
        }
    }

    private final KeyPair key;
    private Kdf.KeyType pendingType;

    ChipAuthResponder(KeyPair key) {
        this.key = key;
    }

    Outcome setKeyAgreementTemplate(CommandApdu c) {
        try {
            Tlv ephemeral = find(Tlv.parseAll(c.data()), 0x91);
            if (ephemeral == null) {
                return Outcome.of(StatusWords.WRONG_DATA);
            }
            return agree(ephemeral.value(), Kdf.KeyType.DESEDE);
        } catch (MalformedDataException e) {
            return Outcome.of(StatusWords.WRONG_DATA);
        }
    }

    Outcome setAuthenticationTemplate(CommandApdu c) {
        try {
            Tlv protocol = find(Tlv.parseAll(c.data()), 0x80);
            if (protocol == null) {
                return Outcome.of(StatusWords.WRONG_DATA);
            }
            String oid = oid(protocol.value());
            var type = dh() ? ChipAuthProtocol.dhKeyType(oid) : ChipAuthProtocol.ecdhKeyType(oid);
            if (type.isEmpty() || type.get() == Kdf.KeyType.DESEDE) {
                return Outcome.of(StatusWords.REFERENCED_DATA_NOT_FOUND);
            }
            pendingType = type.get();
            return Outcome.of(StatusWords.SUCCESS);
        } catch (MalformedDataException e) {
            return Outcome.of(StatusWords.WRONG_DATA);
        }
    }

    Outcome generalAuthenticate(CommandApdu c) {
        if (pendingType == null) {
            return Outcome.of(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        try {
            Tlv outer = Tlv.parse(c.data());
            Tlv ephemeral = outer.tag() == 0x7C ? outer.find(0x80).orElse(null) : null;
            if (ephemeral == null) {
                return Outcome.of(StatusWords.WRONG_DATA);
            }
            Kdf.KeyType type = pendingType;
            pendingType = null;
            Outcome o = agree(ephemeral.value(), type);
            return o.next() == null ? o : new Outcome(ResponseApdu.of(new byte[] {0x7C, 0x00}, StatusWords.SUCCESS), o.next());
        } catch (MalformedDataException e) {
            return Outcome.of(StatusWords.WRONG_DATA);
        }
    }

    private boolean dh() {
        return key.getPrivate() instanceof javax.crypto.interfaces.DHPrivateKey;
    }

    private Outcome agree(byte[] terminalKey, Kdf.KeyType type) {
        byte[] shared;
        if (dh()) {
            javax.crypto.interfaces.DHPrivateKey sk = (javax.crypto.interfaces.DHPrivateKey) key.getPrivate();
            shared = ChipAuthProtocol.dhSharedSecret(sk.getParams(), sk.getX(), terminalKey);
        } else {
            ECPrivateKey sk = (ECPrivateKey) key.getPrivate();
            shared = ChipAuthProtocol.sharedSecret((ECPublicKey) key.getPublic(), sk.getS(), terminalKey);
        }
        try {
            return new Outcome(ResponseApdu.of(StatusWords.SUCCESS), ChipAuthProtocol.session(shared, type));
        } finally {
            java.util.Arrays.fill(shared, (byte) 0);
        }
    }

    private static String oid(byte[] value) {
        try {
            return org.bouncycastle.asn1.ASN1ObjectIdentifier.getInstance(Tlv.of(0x06, value).encode()).getId();
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException("not an OID");
        }
    }

    private static Tlv find(List<Tlv> dos, int tag) {
        for (Tlv t : dos) {
            if (t.tag() == tag) {
                return t;
            }
        }
        return null;
    }
}
