package vn.cccd.reader.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import vn.cccd.reader.error.ExitCodes;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/** {@code list}: the PC/SC readers, one per line, with card presence. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Liệt kê đầu đọc thẻ / Lists the PC/SC readers and whether a card is on them."})
final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try {
            List<PcscReaders.ReaderInfo> readers = ReaderCli.readers().list();
            if (readers.isEmpty()) {
                System.err.println("cccd-reader: no smart-card reader is connected");
                return ExitCodes.NO_READER_OR_CARD;
            }
            for (int i = 0; i < readers.size(); i++) {
                PcscReaders.ReaderInfo r = readers.get(i);
                System.out.println(i + "\t" + r.name() + "\t" + (r.cardPresent() ? "card present" : "no card"));
            }
            return 0;
        } catch (ReaderException e) {
            return Failures.report(e, false);
        }
    }
}
