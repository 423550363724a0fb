package vn.cccd.reader.cli;

import java.time.Duration;
import picocli.CommandLine.Option;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/** {@code --wait}: how long a command that reads a card waits for one to be placed, and the connection it gets. */
final class CardWait {
    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "wait this long for a card to be placed (default: do not wait)")
    int waitSeconds;

    /** The card on {@code reader} (a name, an index or null for the one with a card), waiting as asked. */
    PcscReaders.Connected connect(String reader) {
        return ReaderCli.readers().connectWhenPresent(reader,
                Duration.ofSeconds(Math.max(0, waitSeconds)).plusMillis(1));
    }
}
