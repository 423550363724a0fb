package vn.cccd.reader.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.Dg11File;
import vn.cccd.reader.lds.Dg12File;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.lds.Dg15File;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.Dg2File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.vn.Dg13File;
import vn.cccd.reader.lds.vn.PersonMapper;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.model.Face;
import vn.cccd.reader.model.FileProblem;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.Stats;
import vn.cccd.reader.model.Verification.AccessControl;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.verify.CardValidity;
import vn.cccd.reader.verify.PassiveCheck;
import vn.cccd.reader.document.DocumentFiles;

/**
 * Turns the raw files of a document into the contract's card read result: parses DG1, DG13 (or DG11/DG12 for
 * a foreign document), DG2, DG14, DG15, runs Passive Authentication and derives the verdict. The same code
 * serves a live read and {@code verify DIR}, so both give the same answer for the same bytes.
 *
 * <p>A file that surprises us (DG2, DG11, DG12, DG13, DG14 or DG15 in a layout we do not understand) never fails
 * the read: the result's {@code problems} names it and why, the person is filled from DG1 where DG13 or DG11
 * would have added to it, Passive Authentication still checks the file's hash (so the verdict is the usual one),
 * and Active or Chip Authentication without their file is NOT_CHECKED with the reason, never FAILED. DG1 stays
 * required unless DG13 gives the identity: without either there is nothing to show.
 */
public final class DocumentInterpreter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocumentInterpreter.class);
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
        List<FileProblem> problems = new ArrayList<>();
        Dg1File dg1 = parse(files, LdsFile.DG1, Dg1File::parse);
        Dg13File dg13 = tolerant(files, LdsFile.DG13, Dg13File::parse, problems,
                "the person was filled from DG1 (the MRZ); type the rest");
        if (dg1 == null && dg13 == null) {
            throw new MalformedDataException(problems.isEmpty()
                    ? "neither DG1 nor DG13 was read: there is no identity to show"
                    : "DG1 was not read and " + problems.get(0).message());
        }
        Dg11File dg11 = tolerant(files, LdsFile.DG11, Dg11File::parse, problems, "the person was filled from DG1");
        Dg12File dg12 = tolerant(files, LdsFile.DG12, Dg12File::parse, problems, "the date of issue is not shown");
        Dg14File dg14 = tolerant(files, LdsFile.DG14, Dg14File::parse, problems,
                "Chip Authentication could not be run");
        Dg15File dg15 = tolerant(files, LdsFile.DG15, Dg15File::parse, problems,
                "Active Authentication was not checked");
        PersonMapper.MappedIdentity identity = PersonMapper.map(dg1, dg13, dg11, dg12, today);

        Face face = null;
        if (includeFace && files.has(LdsFile.DG2)) {
            Dg2File dg2 = tolerant(files, LdsFile.DG2, Dg2File::parse, problems, "the portrait is not shown");
            face = dg2 == null || dg2.faces().isEmpty() ? null : dg2.face().toFace();
        }

        PassiveAuthentication pa = passive.check(files.get(LdsFile.SOD).orElse(null), files.byContractName(),
                CardValidity.of(identity.person().issueDate(), identity.person().expiryDate()));
        CheckResult aa = activeAuth != null && !unread(activeAuth, dg15, files, LdsFile.DG15) ? activeAuth
                : dg15 != null ? new CheckResult(CheckResult.Status.NOT_CHECKED,
                        "the chip offers Active Authentication (DG15), but it was not performed (no chip to ask)")
                : files.has(LdsFile.DG15) ? new CheckResult(CheckResult.Status.NOT_CHECKED,
                        "DG15 could not be read, so the chip's Active Authentication key is unknown: not checked")
                : CheckResult.NOT_SUPPORTED;
        CheckResult ca = chipAuth != null && !unread(chipAuth, dg14, files, LdsFile.DG14) ? chipAuth
                : dg14 != null && !dg14.securityInfos().chipAuthenticationPublicKeyInfos().isEmpty()
                        ? new CheckResult(CheckResult.Status.NOT_CHECKED,
                                "the chip offers Chip Authentication (DG14), but it was not performed (no chip to ask)")
                : files.has(LdsFile.DG14) && dg14 == null ? new CheckResult(CheckResult.Status.NOT_CHECKED,
                        "DG14 could not be read, so Chip Authentication could not be run: not checked")
                : CheckResult.NOT_SUPPORTED;
        Verification verification = Verification.of(accessControl, pa, aa, ca, null);

        List<String> groups = new ArrayList<>();
        for (LdsFile f : files.present()) {
            if (f != LdsFile.CARD_ACCESS) {
                groups.add(f.contractName());
            }
        }
        return new CardReadResult(identity.document(), identity.person(), face, verification, groups, stats,
                problems);
    }

    /**
     * True for a bare NOT_CHECKED given for a check whose file was present but could not be read: the reason is
     * then that file, which the result says instead.
     */
    private static boolean unread(CheckResult given, Object parsed, DocumentFiles files, LdsFile file) {
        return given.status() == CheckResult.Status.NOT_CHECKED && given.detail() == null && parsed == null
                && files.has(file);
    }

    /**
     * A file that may surprise us: when it does not parse, the read goes on without it and {@code problems} says
     * which file and why (Passive Authentication still checks its bytes against the SOD).
     */
    private static <T> T tolerant(DocumentFiles files, LdsFile file, Function<byte[], T> parser,
            List<FileProblem> problems, String instead) {
        try {
            return parse(files, file, parser);
        } catch (MalformedDataException e) {
            LOG.debug("{} not understood: {}", file.contractName(), e.getMessage());
            problems.add(new FileProblem(file.contractName(), e.getMessage() + "; the read went on without it: "
                    + instead));
            return null;
        }
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
