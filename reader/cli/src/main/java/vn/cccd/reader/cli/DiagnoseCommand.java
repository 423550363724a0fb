package vn.cccd.reader.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.cccd.reader.diagnose.CardDiagnosis;
import vn.cccd.reader.diagnose.CardReport;
import vn.cccd.reader.error.ExitCodes;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/**
 * {@code diagnose}: reads the card as {@code read} does and prints its structure with none of the holder's values
 * (see {@link vn.cccd.reader.diagnose}), for a bug report. The report is printed even when the read stops (wrong
 * key, a file the chip refuses); the exit code is the one {@code read} would give.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Báo cáo cấu trúc thẻ, không có dữ liệu cá nhân / Prints the card's structure (protocols,"
                + " status words, lengths, timings, TLV skeletons) with none of the holder's values, for bug reports."})
final class DiagnoseCommand implements Callable<Integer> {
    @Option(names = "--reader", paramLabel = "NAME-OR-INDEX", description = "the reader (default: the one with a card)")
    String reader;

    @ArgGroup(exclusive = false, multiplicity = "1")
    KeyOptions key;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "CSCA certificates and master lists (repeatable), for the verdict and the exit code")
    List<java.nio.file.Path> trust = new java.util.ArrayList<>();

    @Option(names = "--json", description = "print the report as JSON (default: text)")
    boolean json;

    @Mixin
    CardWait wait;

    @Override
    public Integer call() {
        List<AccessKey> keys;
        try {
            keys = key.keys();
        } catch (IllegalArgumentException e) {
            System.err.println("cccd-reader diagnose: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // the portrait is read too: its file's skeleton and block sizes belong in the report (never its bytes)
        ReadRequest request = new ReadRequest(keys, true, trust);
        CardReport report;
        try {
            PcscReaders.Connected card = wait.connect(reader);
            report = CardDiagnosis.run(card.transport(), card.readerName(), request, new DocumentReader());
        } catch (ReaderException e) {
            return Failures.report(e, json);
        }
        System.out.print(json ? report.toJson() + "\n" : report.toText());
        if (!report.outcome().completed()) {
            System.err.println("cccd-reader diagnose: the read stopped: " + report.outcome().error() + ": "
                    + report.outcome().message());
        }
        return report.outcome().exitCode();
    }
}
