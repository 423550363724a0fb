package vn.cccd.kiosk.testing;

import java.util.HashMap;
import java.util.Map;

/** What a person types into forms in tests (fake values). */
public final class TestForms {
    private TestForms() {
    }

    /** The typed part of a complete CT01 (items 5, 7-10). */
    public static Map<String, String> ct01Typed() {
        Map<String, String> m = new HashMap<>();
        m.put("phone", "0912345678");
        m.put("headName", "Trần Văn Ưởng");
        m.put("headRelation", "Con");
        m.put("headIdNumber", "001080012345");
        m.put("request", "Đăng ký tạm trú tại số 5 ngõ 10 phố Huế, phường Hai Bà Trưng, Hà Nội");
        return m;
    }
}
