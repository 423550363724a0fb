package vn.cccd.reader.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.util.Hex;

/** The skeleton walk: what it shows, what it hides, and that no input makes it fail. */
class TlvSkeletonTest {

    @Test
    void dg13InTheRealLayoutShowsFieldIndicesTypesAndClassesButNoValue() {
        // 6D { 30 { 02 01 01, 06 OID 1.0.10646.1.0.8, 31 { 30 {02 01 01, 13 "001090123456"}, 30 {02 01 03, 13 "01/01/1990"} } } }
        byte[] dg13 = Hex.decode("6D 35 30 33 02 01 01 06 06 28 D3 16 01 00 08 31 26"
                + " 30 11 02 01 01 13 0C 30 30 31 30 39 30 31 32 33 34 35 36"
                + " 30 0F 02 01 03 13 0A 30 31 2F 30 31 2F 31 39 39 30"
                + " 30 00");
        List<TlvSkeleton.Node> top = TlvSkeleton.of(dg13, "DG13");
        TlvSkeleton.Node container = top.get(0).children().get(0);
        assertThat(container.field()).as("the container starts with a version, but is no field").isNull();
        assertThat(container.children().get(1).value()).isEqualTo("1.0.10646.1.0.8");
        TlvSkeleton.Node set = container.children().get(2);
        assertThat(set.type()).isEqualTo("SET");
        TlvSkeleton.Node id = set.children().get(0);
        assertThat(id.field()).isEqualTo(1);
        assertThat(id.children().get(1)).satisfies(v -> {
            assertThat(v.type()).isEqualTo("PrintableString");
            assertThat(v.length()).isEqualTo(12);
            assertThat(v.kind()).isEqualTo("digits");
            assertThat(v.shape()).isEqualTo("999999999999");
            assertThat(v.value()).isNull();
        });
        assertThat(set.children().get(1).children().get(1).kind()).isEqualTo("digits and /");
        assertThat(set.children().get(2).field()).as("an empty SEQUENCE").isNull();
        String json = vn.cccd.reader.model.Json.write(top);
        assertThat(json).doesNotContain("001090123456", "01/01/1990", "1990");
    }

    @Test
    void textWithLettersHasAClassButNoShape() {
        byte[] utf8 = "Nguyễn Văn A".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tlv = new byte[2 + utf8.length];
        tlv[0] = 0x0C;
        tlv[1] = (byte) utf8.length;
        System.arraycopy(utf8, 0, tlv, 2, utf8.length);
        TlvSkeleton.Node n = TlvSkeleton.of(tlv, "DG13").get(0);
        assertThat(n.kind()).isEqualTo("UTF-8 letters and spaces");
        assertThat(n.chars()).isEqualTo(12);
        assertThat(n.length()).isEqualTo(utf8.length);
        assertThat(n.shape()).isNull();
    }

    @Test
    void longIntegersAndBinaryAreNotShownAndAnIndefiniteLengthIsFollowed() {
        byte[] b = Hex.decode("30 80 02 03 01 02 03 04 04 DE AD BE EF 00 00");
        TlvSkeleton.Node n = TlvSkeleton.of(b, "SOD").get(0);
        assertThat(n.indefinite()).isTrue();
        assertThat(n.children()).hasSize(2);
        assertThat(n.children().get(0).value()).isNull();
        assertThat(n.children().get(1).kind()).isEqualTo("binary");
        assertThat(vn.cccd.reader.model.Json.write(n)).doesNotContain("DEAD", "dead", "010203");
    }

    @Test
    void aTruncatedOrGarbledFileGivesAnErrorNodeNotAnException() {
        assertThat(TlvSkeleton.of(Hex.decode("6D 82 01 00 30 05 02"), "DG13").get(0).error()).contains("past the end");
        assertThat(TlvSkeleton.of(Hex.decode("6D 84 FF FF FF FF"), "DG13").get(0).error()).contains("does not fit");
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            if (junk.length > 0 && random.nextBoolean()) {
                junk[0] = 0x30;
            }
            assertThat(TlvSkeleton.of(junk, i % 2 == 0 ? "DG13" : "COM")).isNotNull();
        }
    }

    @Test
    void characterClassesAndShapes() {
        assertThat(ValueClass.of("IDVNM<<0901")).isEqualTo("upper-case ASCII letters, digits and <");
        assertThat(ValueClass.of("Không thời hạn")).isEqualTo("UTF-8 letters and spaces");
        assertThat(ValueClass.of("Số 1, Phố X")).isEqualTo("UTF-8 letters, digits, spaces and ,");
        assertThat(ValueClass.shape("15/04/2021")).isEqualTo("99/99/9999");
        assertThat(ValueClass.shape("Nam")).isNull();
    }
}
