package vn.cccd.reader.cli;

/** Entry point of cccd-reader.jar (commands are added by the reader work). */
public final class ReaderCli {
    private ReaderCli() {
    }

    public static void main(String[] args) {
        System.err.println("cccd-reader: not implemented yet");
        System.exit(2);
    }
}
