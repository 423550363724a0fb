package vn.cccd.reader.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;
import vn.cccd.reader.error.ExitCodes;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/**
 * Entry point of {@code cccd-reader.jar}: {@code list}, {@code read}, {@code verify} and {@code qr}, with the
 * exit codes of the public contract ({@link ExitCodes}).
 */
@Command(name = "cccd-reader", mixinStandardHelpOptions = true, versionProvider = ReaderCli.Version.class,
        description = {"Đọc và xác thực chip CCCD / Reads and verifies the chip of a Vietnamese CCCD (ICAO 9303)."},
        subcommands = {ListCommand.class, ReadCommand.class, VerifyCommand.class, QrCommand.class,
            DiagnoseCommand.class})
public final class ReaderCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: list, read, verify, qr or diagnose");
    }

    public static void main(String[] args) {
        vn.cccd.reader.util.NoDiskImaging.ensure();
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "vn/cccd/reader/cli/logback-cli.xml");
        }
        System.exit(run(args));
    }

    private static volatile PcscReaders readers;

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** As {@link #run(String...)} with the readers of another javax.smartcardio provider (the mock card's). */
    public static synchronized int run(PcscReaders with, String... args) {
        readers = with;
        try {
            return run(args);
        } finally {
            readers = null;
        }
    }

    static PcscReaders readers() {
        PcscReaders r = readers;
        return r != null ? r : PcscReaders.system();
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ReaderCli());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cl.getCommandSpec().exitCodeOnUsageHelp(0);
        return cl;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ReaderCli.class.getPackage().getImplementationVersion();
            return new String[] {"cccd-reader " + (v == null ? "(development build)" : v)};
        }
    }
}
