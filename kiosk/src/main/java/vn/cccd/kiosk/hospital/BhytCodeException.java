package vn.cccd.kiosk.hospital;

/**
 * A BHYT code that does not have the format of a card code or a social-insurance number. The message is English;
 * {@link #vi()} and {@link #en()} are the texts for the patient. None of them repeats the code that was typed.
 */
public final class BhytCodeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What is wrong, with the patient's texts. */
    public enum Reason {
        EMPTY("Chưa nhập mã thẻ BHYT.", "The BHYT code is empty."),
        CHARACTERS("Mã thẻ BHYT chỉ gồm chữ cái và chữ số.", "A BHYT code has only letters and digits."),
        LENGTH("Mã thẻ BHYT gồm 15 ký tự (ví dụ DN4791234567890) hoặc mã số BHXH gồm 10 chữ số.",
                "A BHYT code has 15 characters (e.g. DN4791234567890), or give the 10-digit social-insurance number."),
        ID_NUMBER_GIVEN("Đây là số định danh cá nhân (12 chữ số), không phải mã thẻ BHYT. Nhập mã 15 ký tự hoặc mã số"
                + " BHXH 10 chữ số, hoặc để trống.",
                "This is the 12-digit personal ID number, not a BHYT code. Give the 15-character code or the"
                + " 10-digit social-insurance number, or leave it empty."),
        GROUP_CODE("Hai ký tự đầu của mã thẻ BHYT là chữ cái (mã đối tượng, ví dụ HS, DN, TE).",
                "The first two characters of a BHYT code are letters (the group code, e.g. HS, DN, TE)."),
        BENEFIT_LEVEL("Ký tự thứ ba của mã thẻ BHYT là mức hưởng, từ 1 đến 5.",
                "The third character of a BHYT code is the benefit level, 1 to 5."),
        PROVINCE("Ký tự thứ tư và thứ năm của mã thẻ BHYT là mã tỉnh gồm 2 chữ số (01 trở lên).",
                "Characters 4 and 5 of a BHYT code are the 2-digit province code (01 or above)."),
        NUMBER("10 ký tự cuối của mã thẻ BHYT là mã số BHXH, chỉ gồm chữ số.",
                "The last 10 characters of a BHYT code are the social-insurance number: digits only.");

        private final String vi;
        private final String en;

        Reason(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }
    }

    private final Reason reason;

    public BhytCodeException(Reason reason) {
        super(reason.en);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The patient's text in Vietnamese. */
    public String vi() {
        return reason.vi;
    }

    /** The patient's text in English. */
    public String en() {
        return reason.en;
    }
}
