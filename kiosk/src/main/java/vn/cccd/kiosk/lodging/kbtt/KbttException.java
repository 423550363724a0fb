package vn.cccd.kiosk.lodging.kbtt;

/**
 * A guest whose data cannot be written into the portal's template: thrown before anything is exported, naming the
 * guest's row of the file (and the guest's register id) and the column.
 */
public final class KbttException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int row;
    private final String column;
    private final String guestId;

    public KbttException(int row, String column, String header, String guestId, String problem) {
        super("row " + row + ", column " + column + " (" + header.strip() + "): " + problem);
        this.row = row;
        this.column = column;
        this.guestId = guestId;
    }

    /** The row of the file (for the XLSX the sheet row, from 5; for the XML the record's so_thu_tu). */
    public int row() {
        return row;
    }

    /** The column letter (XLSX) or element name (XML). */
    public String column() {
        return column;
    }

    public String guestId() {
        return guestId;
    }
}
