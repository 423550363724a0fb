package vn.cccd.reader.apdu;

import vn.cccd.reader.error.ReaderException;

/** The card answered a command with a status word the caller did not accept. Carries the SW. */
public final class StatusWordException extends ReaderException {
    private static final long serialVersionUID = 1L;
    private final int sw;

    public StatusWordException(String context, int sw) {
        super(context + ": card answered " + String.format("%04X", sw) + " (" + StatusWords.describe(sw) + ")");
        this.sw = sw;
    }

    public int sw() {
        return sw;
    }

    @Override
    public String code() {
        return "STATUS_WORD_" + String.format("%04X", sw);
    }
}
