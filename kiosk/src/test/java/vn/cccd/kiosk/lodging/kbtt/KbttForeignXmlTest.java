package vn.cccd.kiosk.lodging.kbtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.cccd.kiosk.lodging.Guest;

/** The foreign guests' XML as a DOM parser reads it back (layout of integrations-2026.md A2.5). */
class KbttForeignXmlTest {
    static Guest foreign(String id, String name, String sex, String nationality, String number, String checkedOut) {
        return new Guest(id, name, "1986-12-03", "PASSPORT", number, nationality, true, "Du lịch", "202",
                "2026-07-10T22:15", "2026-07-13", checkedOut, "Số 1 phố Demo, Hà Nội", "AUTHENTIC", null, sex, null, null);
    }

    private static String text(Element e, String name) {
        NodeList l = e.getElementsByTagName(name);
        return l.getLength() == 0 ? null : l.item(0).getTextContent();
    }

    @Test
    void eachForeignGuestIsOneRecordWithTheElementsInOrder() throws Exception {
        byte[] xml = KbttForeignXml.write(List.of(foreign("f1", "KESSLER MARA LOUISE", "F", "UTO", "UP4281930", null),
                foreign("f2", "Müller Jürgen", "M", "D", "C01X00T47", "2026-07-12T09:05")));
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("KHAI_BAO_TAM_TRU");
        NodeList records = d.getElementsByTagName("THONG_TIN_KHACH");
        assertThat(records.getLength()).isEqualTo(2);
        Element a = (Element) records.item(0);
        List<String> names = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = a.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                names.add(el.getTagName());
            }
        }
        assertThat(names).containsExactly("so_thu_tu", "ho_ten", "ngay_sinh", "ngay_sinh_dung_den", "gioi_tinh",
                "ma_quoc_tich", "so_ho_chieu", "so_phong", "ngay_den", "ngay_di_du_kien");
        assertThat(text(a, "so_thu_tu")).isEqualTo("1");
        assertThat(text(a, "ho_ten")).isEqualTo("KESSLER MARA LOUISE");
        assertThat(text(a, "ngay_sinh")).isEqualTo("03/12/1986");
        assertThat(text(a, "ngay_sinh_dung_den")).isEqualTo("D");
        assertThat(text(a, "gioi_tinh")).isEqualTo("F");
        assertThat(text(a, "ma_quoc_tich")).isEqualTo("UTO");
        assertThat(text(a, "so_ho_chieu")).isEqualTo("UP4281930");
        assertThat(text(a, "ngay_den")).isEqualTo("10/07/2026");
        assertThat(text(a, "ngay_di_du_kien")).isEqualTo("13/07/2026");
        Element b = (Element) records.item(1);
        assertThat(text(b, "ho_ten")).isEqualTo("MULLER JURGEN");
        assertThat(text(b, "ma_quoc_tich")).isEqualTo("D");
        assertThat(text(b, "ngay_tra_phong")).isEqualTo("12/07/2026");
    }

    @Test
    void aGuestTheLayoutCannotTakeIsRefusedNamingTheRecordAndElement() {
        assertThatThrownBy(() -> KbttForeignXml.write(List.of(foreign("f1", "A B", "F", "UTO", "UP1", null),
                foreign("f2", "C D", null, "UTO", "UP2", null))))
                .isInstanceOf(KbttException.class).hasMessageStartingWith("row 2, column gioi_tinh");
        assertThatThrownBy(() -> KbttForeignXml.write(List.of(foreign("f1", "A B", "F", "Utopia", "UP1", null))))
                .hasMessageStartingWith("row 1, column ma_quoc_tich");
        assertThatThrownBy(() -> KbttForeignXml.write(List.of(foreign("f1", "A B", "F", "UTO", "UP 1234/5678", null))))
                .hasMessageStartingWith("row 1, column so_ho_chieu");
    }
}
