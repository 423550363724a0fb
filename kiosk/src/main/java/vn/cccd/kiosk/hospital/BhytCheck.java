package vn.cccd.kiosk.hospital;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The result of the BHYT card check at reception through the BHXH gateway ({@code KQNhanLichSuKCB2024}).
 *
 * @param status {@link #CHECKED}, {@link #NOT_CHECKED} (gateway down, slow, refused the login) or
 *     {@link #NOT_CONFIGURED}
 * @param code the gateway's {@code maKetQua} when it answered, else null
 * @param problem why the check was not made ({@code timeout}, {@code unreachable}, {@code login}, {@code answer},
 *     {@code no-id-number}), else null
 * @param cardNumber the card number the gateway returned ({@code maThe}, 15 characters), or null
 * @param facility {@code maDKBD}: the registered primary-care facility
 * @param validFrom {@code gtTheTu} (dd/MM/yyyy as returned)
 * @param validTo {@code gtTheDen}
 * @param area {@code maKV}
 * @param fiveYears {@code ngayDu5Nam}
 * @param returnedName the name the gateway holds, kept only for a name or birth-date mismatch (staff only)
 * @param returnedDateOfBirth the birth date the gateway holds, likewise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BhytCheck(String status, String code, String problem, String cardNumber, String facility,
        String validFrom, String validTo, String area, String fiveYears, String returnedName,
        String returnedDateOfBirth) {
    public static final String CHECKED = "CHECKED";
    public static final String NOT_CHECKED = "NOT_CHECKED";
    public static final String NOT_CONFIGURED = "NOT_CONFIGURED";
    /** Name or birth-date mismatches: shown to the staff with what the gateway holds, never to the patient. */
    public static final Set<String> STAFF_ONLY = Set.of("060", "061", "070");

    public static BhytCheck notConfigured() {
        return new BhytCheck(NOT_CONFIGURED, null, null, null, null, null, null, null, null, null, null);
    }

    public static BhytCheck notChecked(String problem) {
        return new BhytCheck(NOT_CHECKED, null, problem, null, null, null, null, null, null, null, null);
    }

    /** Plain words for the staff: the result code's meaning, or why no check was made. */
    public BhytResultCodes.Words staffWords() {
        if (CHECKED.equals(status)) {
            return BhytResultCodes.words(code);
        }
        if (NOT_CONFIGURED.equals(status)) {
            return new BhytResultCodes.Words("Chưa kiểm tra thẻ BHYT: kiosk chưa được cấu hình cổng BHXH",
                    "BHYT card not checked: no BHXH gateway is configured");
        }
        return new BhytResultCodes.Words("Chưa kiểm tra được thẻ BHYT (cổng BHXH không trả lời); vui lòng kiểm tra"
                + " tại quầy", "The BHYT card could not be checked (the BHXH gateway did not answer); reception will"
                + " check it");
    }

    /** Plain words for the patient's screen and ticket: the mismatches become "staff will check". */
    public BhytResultCodes.Words patientWords() {
        if (CHECKED.equals(status) && STAFF_ONLY.contains(code)) {
            return new BhytResultCodes.Words("Thông tin thẻ BHYT cần nhân viên kiểm tra tại quầy tiếp đón",
                    "Reception staff will check the insurance details with you");
        }
        return staffWords();
    }

    /** What the patient's session sees: status, code (not for mismatches), words, card number. */
    public Map<String, Object> forPatient() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        boolean hidden = CHECKED.equals(status) && STAFF_ONLY.contains(code);
        m.put("code", hidden ? null : code);
        m.put("vi", patientWords().vi());
        m.put("en", patientWords().en());
        m.put("cardNumber", cardNumber);
        m.put("validTo", validTo);
        return m;
    }

    @Override
    public String toString() {
        return "BhytCheck[" + status + ", " + code + ", redacted]";
    }
}
