package vn.cccd.kiosk.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** XML0 and the reception part of XML1 as a parser reads them: element names, order and formats of QĐ 130/4750. */
class Qd130XmlTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private static CheckIn checkIn(BhytCheck check) {
        Patient p = new Patient("001090000001", "CCCD", "090000001", "VNM", "Nguyễn Thị Hồng Nhung", "1995-08-17", "Nữ",
                "Việt Nam", "Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội");
        return new CheckIn("0123456789abcdef01234567", LocalDate.of(2026, 12, 6), "noi", 3,
                Instant.parse("2026-12-06T01:05:00Z"), "AUTHENTIC", "Kiosk 1", p, null, check);
    }

    /** The root's child elements in order, with their text. */
    private static Map<String, String> elements(byte[] xml, String root) throws Exception {
        Element r = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml))
                .getDocumentElement();
        assertThat(r.getTagName()).isEqualTo(root);
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.put(e.getTagName(), e.getTextContent());
            }
        }
        return out;
    }

    @Test
    void xml0HasItsTwentySixElementsInOrderWithTheGatewaysCardAndTwelveCharacterTimes() throws Exception {
        BhytCheck ok = new BhytCheck(BhytCheck.CHECKED, "000", null, "HS4010120878811", "01001", "01/01/2026",
                "31/12/2026", "K2", "01/01/2030", null, null);
        Map<String, String> x = elements(Qd130Xml.xml0(checkIn(ok), HANOI), "XML0");
        assertThat(new ArrayList<>(x.keySet())).containsExactly("MA_LK", "STT", "MA_BN", "HO_TEN", "SO_CCCD",
                "NGAY_SINH", "GIOI_TINH", "MA_THE_BHYT", "MA_DKBD", "GT_THE_TU", "GT_THE_DEN", "MA_DOITUONG_KCB",
                "NGAY_VAO", "NGAY_VAO_NOI_TRU", "LY_DO_VNT", "MA_LY_DO_VNT", "MA_LOAI_KCB", "MA_CSKCB", "MA_DICH_VU",
                "TEN_DICH_VU", "MA_THUOC", "TEN_THUOC", "MA_VAT_TU", "TEN_VAT_TU", "NGAY_YL", "DU_PHONG");
        assertThat(x.get("HO_TEN")).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(x.get("SO_CCCD")).isEqualTo("001090000001");
        assertThat(x.get("NGAY_SINH")).isEqualTo("199508170000").hasSize(12);
        assertThat(x.get("GIOI_TINH")).isEqualTo("2");
        assertThat(x.get("MA_THE_BHYT")).isEqualTo("HS4010120878811");
        assertThat(x.get("MA_DKBD")).isEqualTo("01001");
        assertThat(x.get("GT_THE_TU")).isEqualTo("20260101");
        assertThat(x.get("GT_THE_DEN")).isEqualTo("20261231");
        assertThat(x.get("NGAY_VAO")).isEqualTo("202612060805");
        assertThat(x.get("MA_BN")).isEmpty();
    }

    @Test
    void xml1CarriesTheNewUnitsCodesAndNoDistrict() throws Exception {
        Map<String, String> x = elements(Qd130Xml.xml1(checkIn(BhytCheck.notChecked("timeout")), HANOI), "XML1");
        List<String> names = new ArrayList<>(x.keySet());
        assertThat(names).doesNotContain("MAHUYEN_CU_TRU");
        assertThat(names.subList(0, 8)).containsExactly("MA_LK", "STT", "MA_BN", "HO_TEN", "SO_CCCD", "NGAY_SINH",
                "GIOI_TINH", "NHOM_MAU");
        assertThat(names.indexOf("MAXA_CU_TRU")).isEqualTo(names.indexOf("MATINH_CU_TRU") + 1);
        // Phường Hàng Bài (Hoàn Kiếm) is part of Phường Cửa Nam since 01/07/2025: Hà Nội 01, Cửa Nam 00082
        assertThat(x.get("MATINH_CU_TRU")).isEqualTo("01");
        assertThat(x.get("MAXA_CU_TRU")).isEqualTo("00082");
        assertThat(x.get("DIA_CHI")).isEqualTo("Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội");
        assertThat(x.get("MA_THE_BHYT")).as("no card without a gateway answer or the patient's code").isEmpty();
        assertThat(x.get("NGAY_SINH")).hasSize(12);
    }
}
