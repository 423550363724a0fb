package vn.cccd.kiosk.lodging.police;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the police API's answer to {@code N} records says about each (integrations-2026.md A3.4 [V(T): S15]): the
 * documented success is HTTP 200 {@code {"code":"200","message":"Thành công","data":null}}; errors are HTTP 400 with
 * one "Bản khai báo N: …" (API12: "Bản ghi N: …") per refused record in {@code message}.
 *
 * <p>A record counts as confirmed only when the answer says so: the documented success (data null) confirms the
 * whole array; an answer that reports a number of records ({@code data} a number or a list) confirms all only when
 * it equals {@code N}: the portal is known to report success for zero imported rows [V(T): S12]. An answer of
 * success in another shape confirms nothing. A record refused as already declared ("Đã tồn tại khai báo trùng thời
 * gian tại CSLT", "… đang tạm trú tại CSLT và chưa checkout") is confirmed: it is what a resend after a lost answer
 * gets (an interpretation: [U]). Records an error answer does not name are unknown, not confirmed.
 *
 * @param confirmed the 1-based numbers of the records confirmed
 * @param refused the portal's message per refused record (ID-like numbers removed)
 * @param problem why not every record is confirmed, for the owner, or null
 * @param transientFailure the call may succeed later unchanged (5xx, 429, unreadable 5xx body)
 */
public record PortalAnswer(Set<Integer> confirmed, Map<Integer, String> refused, String problem,
        boolean transientFailure) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECORD = Pattern.compile("B\\s?ản\\s+(?:khai\\s+báo|ghi)\\s+(\\d+)\\s*:\\s*");
    /** Runs of 6+ digits or letters-and-digits: an ID or passport number the portal may echo ("Số Giấy tờ xxx …"). */
    private static final Pattern ID_LIKE = Pattern.compile("\\b(?=[A-Za-z0-9]*\\d)[A-Za-z0-9]{6,}\\b");

    public boolean allConfirmed(int n) {
        return confirmed.size() == n && problem == null;
    }

    /** Reads the answer to {@code n} records. */
    public static PortalAnswer of(int status, byte[] body, int n) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (status >= 500 || status == 429 || status == 408) {
            return failure("Cổng công an trả lời HTTP " + status + " / the police API answered HTTP " + status, true);
        }
        if (json == null || !json.isObject()) {
            return failure("Cổng công an trả lời HTTP " + status + " không đọc được / the police API answered HTTP " + status
                    + " with no readable JSON", false);
        }
        String code = json.path("code").asText("");
        String message = json.path("message").asText("");
        Map<Integer, List<String>> errors = recordErrors(message, n);
        if (status == 200 && "200".equals(code) && errors.isEmpty()) {
            JsonNode data = json.get("data");
            int count = data == null || data.isNull() ? n : data.isInt() ? data.asInt() : data.isArray() ? data.size() : -1;
            if (count == n) {
                return new PortalAnswer(all(n), Map.of(), null, false);
            }
            return failure(count < 0
                    ? "Cổng công an báo thành công nhưng không nói đã nhận khách nào / the police API answered success"
                            + " without saying which of the " + n + " guests it took"
                    : "Cổng công an báo thành công nhưng chỉ xác nhận " + count + "/" + n + " khách: kiểm tra danh sách trên"
                            + " cổng rồi gửi lại / the police API answered success but confirmed " + count + " of " + n
                            + " guests (the portal is known to report success for zero imported rows): check its list,"
                            + " then resend",
                    false);
        }
        if (errors.isEmpty()) {
            return failure("Cổng công an từ chối thông báo / the police API refused the notice (HTTP " + status
                    + ", code " + clean(code) + "): " + clean(message), false);
        }
        Set<Integer> ok = new TreeSet<>();
        Map<Integer, String> refused = new TreeMap<>();
        errors.forEach((i, m) -> {
            // confirmed only when every error of the record says it is already declared
            if (m.stream().allMatch(PortalAnswer::alreadyDeclared)) {
                ok.add(i);
            } else {
                refused.put(i, String.join("; ", m));
            }
        });
        String problem = null;
        if (!refused.isEmpty() || ok.size() < n) {
            problem = refused.isEmpty()
                    ? "Cổng công an chỉ xác nhận " + ok.size() + "/" + n + " khách / the police API confirmed " + ok.size()
                            + " of " + n + " guests"
                    : "Cổng công an từ chối " + refused.size() + "/" + n + " khách / the police API refused "
                            + refused.size() + " of " + n + " guests";
        }
        return new PortalAnswer(Collections.unmodifiableSet(ok), Collections.unmodifiableMap(refused), problem, false);
    }

    static PortalAnswer failure(String problem, boolean transientFailure) {
        return new PortalAnswer(Set.of(), Map.of(), problem, transientFailure);
    }

    private static Set<Integer> all(int n) {
        Set<Integer> s = new TreeSet<>();
        for (int i = 1; i <= n; i++) {
            s.add(i);
        }
        return s;
    }

    /** "Bản khai báo 1: A,\nBản khai báo 2: B" → {1: [A], 2: [B]}. */
    static Map<Integer, List<String>> recordErrors(String message, int n) {
        Map<Integer, List<String>> out = new TreeMap<>();
        Matcher m = RECORD.matcher(message);
        int start = -1;
        int record = 0;
        while (true) {
            boolean found = m.find();
            if (start >= 0) {
                String text = message.substring(start, found ? m.start() : message.length()).strip();
                text = text.replaceAll("[,;\\s]+$", "");
                if (record >= 1 && record <= n) {
                    out.computeIfAbsent(record, k -> new ArrayList<>()).add(clean(text));
                }
            }
            if (!found) {
                return out;
            }
            record = Integer.parseInt(m.group(1));
            start = m.end();
        }
    }

    private static boolean alreadyDeclared(String m) {
        String s = m.toLowerCase(java.util.Locale.ROOT);
        return s.contains("đã tồn tại khai báo trùng thời gian") || s.contains("chưa checkout");
    }

    /** The portal's words for the owner: one line, ID-like numbers removed, bounded. */
    static String clean(String s) {
        String t = ID_LIKE.matcher(s == null ? "" : s).replaceAll("…").replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 199) + "…" : t;
    }
}
