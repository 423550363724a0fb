package vn.cccd.mock.chip;

import java.security.KeyPair;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.cccd.reader.keys.MrzKey;

/**
 * Everything a mock eMRTD chip holds: its files and its secrets. Built from a persona by the document
 * factory; consumed by the chip.
 *
 * @param files file content by FID inside the eMRTD application (0x011E COM, 0x011D SOD, 0x0101 DG1 ...),
 *     plus 0x011C EF.CardAccess (readable without access control)
 * @param deniedFids files that exist but answer 6982 even after BAC (DG3 fingerprints, as on real cards)
 * @param bacKey the MRZ key that opens BAC (and PACE with the MRZ password)
 * @param can the card access number for PACE, or null
 * @param bacEnabled whether BAC is offered (false for a PACE-only chip)
 * @param paceEnabled whether PACE is offered (EF.CardAccess then holds PACEInfo)
 * @param activeAuthKey the Active Authentication key pair (its public half is in DG15), or null
 * @param chipAuthKey the Chip Authentication key pair (its public half is in DG14), or null
 * @param extendedLength whether the chip accepts extended-length APDUs (announced in its ATR)
 * @param paceTakesMrz whether PACE accepts the MRZ password; when false the chip checks every PACE password
 *     against its CAN, so the MRZ data fails at the last step like a wrong password (persona
 *     {@code access.paceCanOnly})
 */
public record ChipProfile(
        Map<Integer, byte[]> files,
        Set<Integer> deniedFids,
        MrzKey bacKey,
        String can,
        boolean bacEnabled,
        boolean paceEnabled,
        KeyPair activeAuthKey,
        KeyPair chipAuthKey,
        boolean extendedLength,
        boolean paceTakesMrz) {

    public static final int FID_COM = 0x011E;
    public static final int FID_SOD = 0x011D;
    public static final int FID_CARD_ACCESS = 0x011C;

    /** A BAC-only profile with extended length: the common case of tests. */
    public static ChipProfile bac(Map<Integer, byte[]> files, MrzKey bacKey) {
        return new ChipProfile(files, Set.of(dgFid(3)), bacKey, null, true, false, null, null, true);
    }

    /** A chip whose PACE (if any) accepts the MRZ password. */
    public ChipProfile(Map<Integer, byte[]> files, Set<Integer> deniedFids, MrzKey bacKey, String can,
            boolean bacEnabled, boolean paceEnabled, KeyPair activeAuthKey, KeyPair chipAuthKey,
            boolean extendedLength) {
        this(files, deniedFids, bacKey, can, bacEnabled, paceEnabled, activeAuthKey, chipAuthKey, extendedLength,
                true);
    }

    public ChipProfile {
        TreeMap<Integer, byte[]> copy = new TreeMap<>();
        files.forEach((k, v) -> copy.put(k, v.clone()));
        files = java.util.Collections.unmodifiableMap(copy);
        deniedFids = deniedFids == null ? Set.of() : Set.copyOf(deniedFids);
    }

    /** FID of data group n (1..16): 0x0100 + n. */
    public static int dgFid(int n) {
        return 0x0100 + n;
    }

    /** Returns a copy of the file, or null. */
    public byte[] file(int fid) {
        byte[] f = files.get(fid);
        return f == null ? null : f.clone();
    }
}
