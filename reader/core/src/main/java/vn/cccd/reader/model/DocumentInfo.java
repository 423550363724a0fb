package vn.cccd.reader.model;

/**
 * @param type "CCCD", "PASSPORT" or "ID_CARD"
 * @param mrz the MRZ lines joined with "\n"
 */
public record DocumentInfo(String type, String issuingState, String documentNumber, String mrz) {
    public static final String CCCD = "CCCD";
    public static final String PASSPORT = "PASSPORT";
    public static final String ID_CARD = "ID_CARD";
}
