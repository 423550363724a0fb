package vn.cccd.reader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.cccd.reader.error.ExitCodes;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.qr.CccdQr;
import vn.cccd.reader.qr.QrChipMatch;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.pcsc.PcscReaders;
import vn.cccd.reader.transport.TracingTransport;

/** {@code read}: reads and verifies the card on a PC/SC reader. */
@Command(name = "read", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Đọc và xác thực chip / Reads the chip on a PC/SC reader and verifies it."})
final class ReadCommand implements Callable<Integer> {
    @Option(names = "--reader", paramLabel = "NAME-OR-INDEX", description = "the reader (default: the one with a card)")
    String reader;

    @ArgGroup(exclusive = false, multiplicity = "1")
    KeyOptions key;

    @Option(names = "--trust", paramLabel = "DIR", description = "CSCA certificates and master lists (repeatable)")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--no-face", description = "do not read the portrait (DG2)")
    boolean noFace;

    @Option(names = "--face-out", paramLabel = "FILE", description = "write the portrait image to FILE")
    Path faceOut;

    @Option(names = "--save", paramLabel = "DIR", description = "also write the raw files read (COM.bin, DG1.bin ...)")
    Path save;

    @Option(names = "--json", description = "print the card read JSON of the contract")
    boolean json;

    @Mixin
    CardWait wait;

    @Override
    public Integer call() {
        List<AccessKey> keys;
        CccdQr qr;
        try {
            keys = key.keys();
            qr = key.qrCode();
        } catch (IllegalArgumentException e) {
            System.err.println("cccd-reader read: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ReadRequest request = new ReadRequest(keys, !noFace, trust);
        try {
            PcscReaders.Connected card = wait.connect(reader);
            DocumentReader.Outcome outcome;
            // closing the chain ends the deadline's exchange thread and releases the card: reset after a read, no
            // reset when it was lost; a card that stopped answering is released by the deadline's own thread
            try (CardTransport transport = TracingTransport.standard(card.transport())) {
                ProgressListener progress = json ? ProgressListener.NONE : new ConsoleProgress();
                outcome = new DocumentReader().readWithFiles(transport, request, progress);
            }
            if (save != null) {
                outcome.files().save(save);
            }
            CardReadResult result = crossCheck(outcome.result(), qr);
            if (faceOut != null && result.face() != null) {
                Files.write(faceOut, Base64.getDecoder().decode(result.face().base64()));
            }
            ResultPrinter.print(noFace ? result.withoutFace() : result, json, System.out);
            return ExitCodes.of(result);
        } catch (ReaderException e) {
            return Failures.report(e, json);
        } catch (IOException e) {
            System.err.println("cccd-reader read: cannot write: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /**
     * The QR code the key came from, compared with what the chip says (DG13, else DG1), as the kiosk does: a
     * difference sets {@code qrMatchesChip} false and makes the verdict NOT_AUTHENTIC (the printed code does not
     * belong to this chip: a forged or swapped card). The differing fields are named on stderr, never their values.
     */
    static CardReadResult crossCheck(CardReadResult result, CccdQr qr) {
        if (qr == null || result.verification() == null || result.person() == null) {
            return result;
        }
        List<String> differ = QrChipMatch.mismatches(qr, result.person());
        if (!differ.isEmpty()) {
            System.err.println("cccd-reader read: QR_MISMATCH: the QR code does not match the chip ("
                    + String.join(", ", differ) + "); the card may have been tampered with");
        }
        return result.withVerification(result.verification().withQrMatchesChip(differ.isEmpty()));
    }

    /** One line per file on stderr, updated in place. */
    static final class ConsoleProgress implements ProgressListener {
        private String last = "";

        @Override
        public void onProgress(String file, int done, int total) {
            if (total < 0) {
                return;
            }
            if (!file.equals(last)) {
                if (!last.isEmpty()) {
                    System.err.println();
                }
                last = file;
            }
            System.err.print("\r  " + file + ": " + done + "/" + total + " bytes");
            if (done == total) {
                System.err.flush();
            }
        }
    }
}
