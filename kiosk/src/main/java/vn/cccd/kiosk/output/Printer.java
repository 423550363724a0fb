package vn.cccd.kiosk.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prints a PDF with the configured {@code print.command}: the command gets the PDF on standard input, its output
 * is discarded. Every way it can fail is a {@link PrintException} (never a bare {@link IOException}), so that the
 * person at the kiosk is told the print failed rather than that the kiosk broke.
 */
public final class Printer {
    private static final long TIMEOUT_SECONDS = 60;
    private final List<String> command;

    /** @param command the command and its arguments; empty when the kiosk has no printer */
    public Printer(List<String> command) {
        this.command = List.copyOf(command);
    }

    public boolean configured() {
        return !command.isEmpty();
    }

    /** @throws PrintException when there is no printer or the command failed */
    public void print(byte[] pdf) throws InterruptedException {
        if (command.isEmpty()) {
            throw new PrintException(PrintException.Reason.NO_PRINTER, "no printer is configured (print.command)");
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // typically a command that is not installed; the message names the command, never the document
            throw new PrintException(PrintException.Reason.PRINT_FAILED, "the print command could not be started ("
                    + command.get(0) + ")");
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(pdf);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new PrintException(PrintException.Reason.PRINT_FAILED, "the print command did not accept the document");
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new PrintException(PrintException.Reason.PRINT_TIMEOUT, "the print command did not finish in time");
        }
        if (p.exitValue() != 0) {
            throw new PrintException(PrintException.Reason.PRINT_FAILED, "the print command failed (exit "
                    + p.exitValue() + ")");
        }
    }
}
