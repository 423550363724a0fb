package vn.cccd.mock.cli;

/** Entry point of mock-card.jar. */
public final class MockCardCli {
    private MockCardCli() {
    }

    public static void main(String[] args) {
        System.err.println("mock-card: not implemented yet");
        System.exit(2);
    }
}
