package vn.cccd.reader.lds;

import java.time.LocalDate;
import java.util.Random;

/** Seeded generators of made-up Vietnamese personal data for property tests. */
public final class RandomPersons {
    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Quốc", "Thanh", "Xuân"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hạnh", "Hùng",
        "Khánh", "Linh", "Lộc", "Mai", "Nga", "Phúc", "Quỳnh", "Sơn", "Thảo", "Tuấn", "Uyên", "Việt", "Yến", "Ánh"};
    private static final String[] PLACES = {"Xã Tân Phước Khánh, Thị xã Tân Uyên, Tỉnh Bình Dương",
        "Phường Điện Biên, Quận Ba Đình, Thành phố Hà Nội", "Thôn Đông Yên, Xã Quảng Phú, Huyện Quảng Điền, Tỉnh Thừa Thiên Huế",
        "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", "Xã Nghĩa Hưng, Huyện Lạng Giang, Tỉnh Bắc Giang"};
    private static final String[] STREETS = {"Số 12 ngõ 34 phố Nguyễn Trãi", "Tổ dân phố số 7, khu phố Hòa Lân",
        "Căn hộ 1205 tòa nhà Sông Đà, đường Phạm Hùng", "Số nhà 88, hẻm 45/12 đường Lê Văn Sỹ", "Ấp Phước Thạnh"};

    private final Random rnd;

    public RandomPersons(long seed) {
        this.rnd = new Random(seed);
    }

    public Random random() {
        return rnd;
    }

    public String fullName() {
        StringBuilder sb = new StringBuilder(pick(SURNAMES)).append(' ').append(pick(MIDDLE));
        int given = 1 + rnd.nextInt(2);
        for (int i = 0; i < given; i++) {
            sb.append(' ').append(pick(GIVEN));
        }
        return sb.toString();
    }

    public String place() {
        return pick(PLACES);
    }

    /** An address, sometimes over 127 UTF-8 bytes to force long-form lengths. */
    public String address(boolean long_) {
        String a = pick(STREETS) + ", " + pick(PLACES);
        while (long_ && a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 130) {
            a = pick(STREETS) + ", " + a;
        }
        return a;
    }

    public String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    public LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(fromYear + rnd.nextInt(toYear - fromYear + 1), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    }

    public boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    <T> T pick(T[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
