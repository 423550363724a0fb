package vn.cccd.reader.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.Dg11File;
import vn.cccd.reader.lds.Dg12File;
import vn.cccd.reader.lds.Dg13File;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.lds.Dg15File;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.Dg2File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.PersonMapper;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.model.Face;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.verify.CardValidity;
import vn.cccd.reader.model.Stats;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.model.Verification.AccessControl;

/**
 * Turns the raw files of a document into the contract's card read result: parses DG1, DG13 (or DG11/DG12 for
 * a foreign document), DG2, DG14, DG15, runs Passive Authentication and derives the verdict. The same code
 * serves a live read and {@code verify DIR}, so both give the same answer for the same bytes.
 */
public final class DocumentInterpreter {
    private final PassiveCheck passive;

    public DocumentInterpreter(PassiveCheck passive) {
        this.passive = passive;
    }

    /**
     * @param includeFace whether to put the portrait into the result (when DG2 is present)
     * @param activeAuth the Active Authentication outcome when it was attempted on the chip, else null
     * @param chipAuth the Chip Authentication outcome when it was attempted on the chip, else null
     */
    public CardReadResult interpret(DocumentFiles files, boolean includeFace, AccessControl accessControl,
            CheckResult activeAuth, CheckResult chipAuth, Stats stats, LocalDate today) {
        Dg1File dg1 = parse(files, LdsFile.DG1, Dg1File::parse);
        Dg13File dg13 = parse(files, LdsFile.DG13, Dg13File::parse);
        if (dg1 == null && dg13 == null) {
            throw new MalformedDataException("neither DG1 nor DG13 was read: there is no identity to show");
        }
        Dg11File dg11 = parse(files, LdsFile.DG11, Dg11File::parse);
        Dg12File dg12 = parse(files, LdsFile.DG12, Dg12File::parse);
        Dg14File dg14 = parse(files, LdsFile.DG14, Dg14File::parse);
        Dg15File dg15 = parse(files, LdsFile.DG15, Dg15File::parse);
        PersonMapper.MappedIdentity identity = PersonMapper.map(dg1, dg13, dg11, dg12, today);

        Face face = null;
        if (includeFace && files.has(LdsFile.DG2)) {
            Dg2File dg2 = parse(files, LdsFile.DG2, Dg2File::parse);
            face = dg2.faces().isEmpty() ? null : dg2.face().toFace();
        }

        PassiveAuthentication pa = passive.check(files.get(LdsFile.SOD).orElse(null), files.byContractName(),
                CardValidity.of(identity.person().issueDate(), identity.person().expiryDate()));
        CheckResult aa = activeAuth != null ? activeAuth
                : dg15 != null ? new CheckResult(CheckResult.Status.NOT_CHECKED,
                        "the chip offers Active Authentication (DG15), but it was not performed (no chip to ask)")
                : CheckResult.NOT_SUPPORTED;
        CheckResult ca = chipAuth != null ? chipAuth
                : dg14 != null && !dg14.securityInfos().chipAuthenticationPublicKeyInfos().isEmpty()
                        ? new CheckResult(CheckResult.Status.NOT_CHECKED,
                                "the chip offers Chip Authentication (DG14), but it was not performed (no chip to ask)")
                        : CheckResult.NOT_SUPPORTED;
        Verification verification = Verification.of(accessControl, pa, aa, ca, null);

        List<String> groups = new ArrayList<>();
        for (LdsFile f : files.present()) {
            if (f != LdsFile.CARD_ACCESS) {
                groups.add(f.contractName());
            }
        }
        return new CardReadResult(identity.document(), identity.person(), face, verification, groups, stats);
    }

    private static <T> T parse(DocumentFiles files, LdsFile file, Function<byte[], T> parser) {
        byte[] bytes = files.get(file).orElse(null);
        if (bytes == null) {
            return null;
        }
        try {
            return parser.apply(bytes);
        } catch (ReaderException e) {
            throw new MalformedDataException(file.contractName() + " does not parse: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a parser bug must not pass for a verdict; report it as malformed input with the cause
            throw new MalformedDataException(file.contractName() + " does not parse: " + e, e);
        }
    }
}
