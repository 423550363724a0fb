package vn.cccd.reader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.cccd.reader.error.ExitCodes;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.model.Stats;
import vn.cccd.reader.model.Verification.AccessControl;
import vn.cccd.reader.document.DocumentFiles;
import vn.cccd.reader.read.DocumentInterpreter;
import vn.cccd.reader.verify.PassiveChecks;

/** {@code verify DIR [--trust DIR]... [--json]}: Passive Authentication of saved files, with no card. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Xác thực các tệp đã lưu (COM.bin, SOD.bin, DG1.bin ...) / Verifies saved chip files "
                + "(Passive Authentication), with no card."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "directory of files saved with read --save")
    Path dir;

    @Option(names = "--trust", paramLabel = "DIR", description = "CSCA certificates and master lists (repeatable)")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--json", description = "print the card read JSON of the contract")
    boolean json;

    @Override
    public Integer call() {
        DocumentFiles files;
        try {
            files = DocumentFiles.load(dir);
        } catch (IOException e) {
            System.err.println("cccd-reader verify: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            CardReadResult result = new DocumentInterpreter(PassiveChecks.forTrustDirs(trust)).interpret(files, true,
                    AccessControl.NONE, CheckResult.NOT_CHECKED, CheckResult.NOT_CHECKED, Stats.NONE, LocalDate.now());
            ResultPrinter.print(result, json, System.out);
            return ExitCodes.of(result);
        } catch (ReaderException e) {
            return Failures.report(e, json);
        }
    }
}
