package vn.cccd.kiosk.cards;

/**
 * A form rendered during the session (PDF and JSON export), kept in memory until the session ends.
 */
public record StoredDocument(String id, String formId, String reference, byte[] pdf, byte[] json, int pages) {
    public StoredDocument {
        pdf = pdf.clone();
        json = json.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    @Override
    public byte[] json() {
        return json.clone();
    }

    @Override
    public String toString() {
        return "StoredDocument[" + id + ", " + formId + ", redacted]";
    }
}
