package vn.cccd.reader.transport.pcsc;

import javax.smartcardio.CardException;

/** Reads the PC/SC error name ({@code SCARD_...}) a {@code javax.smartcardio} failure carries, and classifies it. */
public final class PcscFailures {
    private PcscFailures() {
    }

    /** The SCARD_ name in the exception or its causes, else the message. */
    public static String name(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("SCARD_")) {
                int i = m.indexOf("SCARD_");
                int j = i;
                while (j < m.length() && (Character.isLetterOrDigit(m.charAt(j)) || m.charAt(j) == '_')) {
                    j++;
                }
                return m.substring(i, j);
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** The card or its reader is gone (removed, reset by another application, reader unplugged). */
    public static boolean isRemoval(Throwable e) {
        String n = name(e);
        return n.equals("SCARD_W_REMOVED_CARD") || n.equals("SCARD_E_NO_SMARTCARD") || n.equals("SCARD_W_RESET_CARD")
                || n.equals("SCARD_E_READER_UNAVAILABLE") || n.equals("SCARD_W_UNPOWERED_CARD")
                || n.equals("SCARD_E_UNKNOWN_READER") || n.equals("SCARD_W_UNRESPONSIVE_CARD")
                || n.equals("SCARD_E_NOT_TRANSACTED");
    }

    public static boolean isNoReaders(CardException e) {
        return name(e).equals("SCARD_E_NO_READERS_AVAILABLE");
    }

    /** pcscd is not running (or was restarted: SunPCSC's context is then dead for good). */
    public static boolean isNoService(Throwable e) {
        String n = name(e);
        return n.equals("SCARD_E_NO_SERVICE") || n.equals("SCARD_E_SERVICE_STOPPED") || n.equals("SCARD_E_INVALID_HANDLE");
    }
}
