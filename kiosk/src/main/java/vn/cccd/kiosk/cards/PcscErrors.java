package vn.cccd.kiosk.cards;

import javax.smartcardio.CardException;

/** Reads the PC/SC error name ({@code SCARD_...}) a {@code javax.smartcardio} exception carries. */
final class PcscErrors {
    private PcscErrors() {
    }

    /** The SCARD_ name in the exception or its causes, else the message. */
    static String name(Throwable e) {
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

    static boolean isRemoval(CardException e) {
        String n = name(e);
        return n.equals("SCARD_W_REMOVED_CARD") || n.equals("SCARD_E_NO_SMARTCARD") || n.equals("SCARD_W_RESET_CARD")
                || n.equals("SCARD_E_READER_UNAVAILABLE") || n.equals("SCARD_W_UNPOWERED_CARD");
    }

    static boolean isNoReaders(CardException e) {
        return name(e).equals("SCARD_E_NO_READERS_AVAILABLE");
    }
}
