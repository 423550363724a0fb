package vn.cccd.reader.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code cccd-reader.jar}: {@code list}, {@code read}, {@code verify} and {@code qr}, with the
 * exit codes of the public contract ({@link ExitCodes}).
 */
@Command(name = "cccd-reader", mixinStandardHelpOptions = true, versionProvider = ReaderCli.Version.class,
        description = {"Đọc và xác thực chip CCCD / Reads and verifies the chip of a Vietnamese CCCD (ICAO 9303)."},
        subcommands = {VerifyCommand.class})
public final class ReaderCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: list, read, verify or qr");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
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
