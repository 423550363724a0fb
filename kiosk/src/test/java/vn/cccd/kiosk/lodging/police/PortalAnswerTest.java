package vn.cccd.kiosk.lodging.police;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What an answer of the police API confirms, on the guide's own examples (integrations-2026.md A3.4). */
class PortalAnswerTest {
    private static PortalAnswer answer(int status, String json, int n) {
        return PortalAnswer.of(status, json.getBytes(StandardCharsets.UTF_8), n);
    }

    @Test
    void theDocumentedSuccessConfirmsTheWholeArrayAndACountMustMatch() {
        assertThat(answer(200, "{\"code\":\"200\",\"message\":\"Thành công\",\"data\":null}", 3).allConfirmed(3))
                .isTrue();
        assertThat(answer(200, "{\"code\":\"200\",\"message\":\"Thành công\",\"data\":3}", 3).allConfirmed(3)).isTrue();
        for (String data : new String[] {"0", "[]", "2", "{\"x\":1}"}) {
            PortalAnswer a = answer(200, "{\"code\":\"200\",\"message\":\"Thành công\",\"data\":" + data + "}", 3);
            assertThat(a.confirmed()).as(data).isEmpty();
            assertThat(a.problem()).as(data).isNotNull();
            assertThat(a.transientFailure()).isFalse();
        }
        assertThat(answer(200, "{\"code\":\"200\",\"message\":\"Thành công\",\"data\":[]}", 2).problem())
                .contains("confirmed 0 of 2 guests");
    }

    @Test
    void perRecordErrorsAreSplitAndAnAlreadyDeclaredRecordCountsAsConfirmed() {
        // the guide's example: two errors of record 1, separated by a comma and a line break
        PortalAnswer a = answer(400, "{\"code\":\"400\",\"message\":\"Bản khai báo 1: Ngày đi dự kiến phải lớn hoặc bằng"
                + " ngày hôm qua,\\nBản khai báo 3: Đã tồn tại khai báo trùng thời gian tại CSLT,\\nBản khai báo 1: Số hộ"
                + " chiếu đang tạm trú tại CSLT và chưa checkout\",\"data\":null}", 3);
        assertThat(a.refused()).containsOnlyKeys(1);
        assertThat(a.refused().get(1)).isEqualTo("Ngày đi dự kiến phải lớn hoặc bằng ngày hôm qua; Số hộ chiếu đang"
                + " tạm trú tại CSLT và chưa checkout");
        assertThat(a.confirmed()).containsExactly(3);
        assertThat(a.allConfirmed(3)).isFalse();
    }

    @Test
    void anEchoedDocumentNumberIsRemovedAndServerErrorsAreRetried() {
        PortalAnswer a = answer(400, "{\"code\":\"400\",\"message\":\"Bản ghi 1: Số Giấy tờ 034112323232 với loại giấy"
                + " tờ là Thẻ CCCD đang không tồn tại trong hệ thống Cslt\",\"data\":null}", 1);
        assertThat(a.refused().get(1)).doesNotContain("034112323232").contains("Số Giấy tờ …");
        assertThat(answer(503, "<html>busy</html>", 1).transientFailure()).isTrue();
        assertThat(answer(400, "{\"code\":\"400\",\"message\":\"Loại phải là GH hoặc TS\"}", 1).transientFailure())
                .isFalse();
    }
}
