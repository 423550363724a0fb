package vn.cccd.reader.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Option;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.CanKey;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.qr.CccdQr;

/** The key that opens the chip, as the contract spells it on the command line. */
final class KeyOptions {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    @Option(names = "--mrz", paramLabel = "DOCNO:YYMMDD:YYMMDD",
            description = "document number, date of birth and expiry as in the MRZ")
    String mrz;

    @Option(names = "--id-number", paramLabel = "12DIGITS", description = "the CCCD number (with --dob)")
    String idNumber;

    @Option(names = "--dob", paramLabel = "YYYY-MM-DD", description = "date of birth (with --id-number)")
    String dob;

    @Option(names = "--expiry", paramLabel = "YYYY-MM-DD", description = "expiry date, when known (with --id-number)")
    String expiry;

    @Option(names = "--issue-date", paramLabel = "YYYY-MM-DD",
            description = "issue date, to work out the expiry when it is not given (with --id-number)")
    String issueDate;

    @Option(names = "--can", paramLabel = "6DIGITS", description = "card access number (PACE)")
    String can;

    @Option(names = "--qr", paramLabel = "PAYLOAD", description = "the text of the card's QR code")
    String qr;

    /** The candidate keys in the order to try; IllegalArgumentException with a message for bad input. */
    List<AccessKey> keys() {
        int given = (mrz != null ? 1 : 0) + (idNumber != null ? 1 : 0) + (can != null ? 1 : 0) + (qr != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one key: --mrz, --id-number with --dob, --can or --qr");
        }
        if (mrz != null) {
            String[] p = mrz.split(":", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException("--mrz must be DOCNO:YYMMDD:YYMMDD");
            }
            return List.of(new MrzKey(p[0].toUpperCase(java.util.Locale.ROOT), p[1], p[2]));
        }
        if (can != null) {
            return List.of(new CanKey(can));
        }
        if (qr != null) {
            return CccdKeyCandidates.fromQr(qrCode());
        }
        if (dob == null) {
            throw new IllegalArgumentException("--id-number needs --dob YYYY-MM-DD");
        }
        if (!idNumber.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("--id-number must be the 12 digits of the CCCD number");
        }
        LocalDate birth = date(dob, "--dob");
        if (expiry != null) {
            return List.of(new MrzKey(idNumber.substring(3), birth.format(YYMMDD), date(expiry, "--expiry").format(YYMMDD)));
        }
        return CccdKeyCandidates.of(idNumber, birth, issueDate == null ? null : date(issueDate, "--issue-date"));
    }

    /**
     * The parsed {@code --qr} code, null when the key was given another way; IllegalArgumentException with a message
     * when the text is not a valid CCCD QR code.
     */
    CccdQr qrCode() {
        return qr == null ? null : CccdKeyCandidates.parseQr(qr);
    }

    static LocalDate date(String s, String option) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a date YYYY-MM-DD, got '" + s + "'");
        }
    }
}
