package vn.cccd.reader.read.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.BACKey;
import org.jmrtd.PassportService;
import org.jmrtd.lds.ChipAuthenticationInfo;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import vn.cccd.reader.keys.MrzKey;

/**
 * JMRTD 0.8.6 doing the same work as our reader, the way an application drives it: EF.CardAccess attempt, SELECT of
 * the application, BAC, EF.COM, DG1, DG13, DG14, Chip Authentication, DG15, SOD, DG2 (when asked), Active
 * Authentication. Two settings: JMRTD's defaults (no SFI, 223-byte blocks) and its best for the chip (SFI, and
 * extended length with large blocks when the chip announces it).
 */
final class JmrtdContender {
    enum Settings { DEFAULT, BEST }

    /**
     * The block JMRTD is asked for with extended length: the same as our reader's first extended block, the largest
     * whose protected answer javax.smartcardio can receive (8192 bytes); larger blocks fail on the PC/SC path.
     */
    static final int EXTENDED_BLOCK = 8144;

    private JmrtdContender() {
    }

    /** Reads the card; the files it read, by FID (EF.CardAccess only when the chip has it). */
    static Map<Integer, byte[]> read(BenchCard card, Settings settings, boolean face) throws Exception {
        boolean best = settings == Settings.BEST;
        boolean extended = best && card.extendedLength;
        int block = extended ? EXTENDED_BLOCK : PassportService.DEFAULT_MAX_BLOCKSIZE;
        // the defaults are JMRTD's NORMAL_MAX_TRANCEIVE_LENGTH (its AA sender asks for an extended answer on its own
        // when the RSA key needs one); the best settings allow extended APDUs where the chip announces them
        int tranceive = best && card.extendedLength ? PassportService.EXTENDED_MAX_TRANCEIVE_LENGTH
                : PassportService.NORMAL_MAX_TRANCEIVE_LENGTH;
        SmartcardioCardService service = new SmartcardioCardService(card.terminal());
        PassportService ps = new PassportService(service, tranceive, block, best, true);
        Map<Integer, byte[]> files = new LinkedHashMap<>();
        try {
            ps.open();
            try {
                files.put((int) PassportService.EF_CARD_ACCESS, read(ps, PassportService.EF_CARD_ACCESS, block));
            } catch (CardServiceException e) {
                // no EF.CardAccess: no PACE, BAC it is
            }
            ps.sendSelectApplet(false);
            MrzKey key = card.bacKey;
            ps.doBAC(new BACKey(key.documentNumber(), key.dateOfBirth(), key.dateOfExpiry()));
            byte[] comBytes = read(ps, PassportService.EF_COM, block);
            files.put((int) PassportService.EF_COM, comBytes);
            List<Integer> tags = java.util.Arrays.stream(new COMFile(new ByteArrayInputStream(comBytes)).getTagList())
                    .boxed().toList();
            for (short fid : new short[] {PassportService.EF_DG1, PassportService.EF_DG13, PassportService.EF_DG11,
                    PassportService.EF_DG12, PassportService.EF_DG14, PassportService.EF_DG15, PassportService.EF_SOD,
                    PassportService.EF_DG2}) {
                boolean listed = fid == PassportService.EF_SOD || tags.contains(tagOf(fid));
                if (fid == PassportService.EF_DG2 && !face || !listed) {
                    continue;
                }
                files.put((int) fid, read(ps, fid, block));
                if (fid == PassportService.EF_DG14) {
                    chipAuthentication(ps, files.get((int) fid));
                }
            }
            byte[] dg15 = files.get((int) PassportService.EF_DG15);
            if (dg15 != null) {
                PublicKey aaKey = new DG15File(new ByteArrayInputStream(dg15)).getPublicKey();
                boolean rsa = "RSA".equals(aaKey.getAlgorithm());
                ps.doAA(aaKey, "SHA-256", rsa ? "SHA256withRSA" : "SHA256withECDSA", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
            return files;
        } finally {
            ps.close();
        }
    }

    private static void chipAuthentication(PassportService ps, byte[] dg14Bytes) throws Exception {
        DG14File dg14 = new DG14File(new ByteArrayInputStream(dg14Bytes));
        ChipAuthenticationInfo info = null;
        ChipAuthenticationPublicKeyInfo keyInfo = null;
        for (SecurityInfo si : dg14.getSecurityInfos()) {
            if (si instanceof ChipAuthenticationInfo c) {
                info = c;
            } else if (si instanceof ChipAuthenticationPublicKeyInfo k) {
                keyInfo = k;
            }
        }
        if (keyInfo == null) {
            return;
        }
        BigInteger keyId = keyInfo.getKeyId();
        String oid = info != null ? info.getObjectIdentifier() : null;
        ps.doEACCA(keyId, oid, keyInfo.getObjectIdentifier(), keyInfo.getSubjectPublicKey());
    }

    private static byte[] read(PassportService ps, short fid, int block) throws Exception {
        try (InputStream in = ps.getInputStream(fid, block)) {
            return in.readAllBytes();
        }
    }

    private static int tagOf(short fid) {
        return switch (fid) {
            case PassportService.EF_DG1 -> 0x61;
            case PassportService.EF_DG2 -> 0x75;
            case PassportService.EF_DG11 -> 0x6B;
            case PassportService.EF_DG12 -> 0x6C;
            case PassportService.EF_DG13 -> 0x6D;
            case PassportService.EF_DG14 -> 0x6E;
            case PassportService.EF_DG15 -> 0x6F;
            default -> -1;
        };
    }
}
