package vn.cccd.kiosk;

/** Entry point of cccd-kiosk.jar. */
public final class KioskMain {
    private KioskMain() {
    }

    public static void main(String[] args) {
        System.err.println("cccd-kiosk: not implemented yet");
        System.exit(2);
    }
}
