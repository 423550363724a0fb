package vn.cccd.reader.qr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of made-up CCCD (2021) and Căn cước (2024) QR payloads with Vietnamese text, and the fields
 * each one must parse to. Public: the QR benchmark ({@code vn.cccd.reader.qr.bench}) uses it.
 */
public final class QrSamples {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final DateTimeFormatter DDMMYYYY = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Quách", "Ưng"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Quốc", "Thanh", "Xuân",
        "Thị Hồng", "Thế", "Diệu"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hạnh", "Hùng",
        "Khánh", "Linh", "Lộc", "Mai", "Nga", "Phúc", "Quỳnh", "Sơn", "Thảo", "Tuấn", "Uyên", "Việt", "Yến", "Ánh",
        "Ưởng", "Nhung", "Ngọc", "Huyền", "Ỷ", "Ngữ", "Đoan", "Tiến", "Trường", "Thuỷ", "Ý"};
    private static final String[] PLACES = {"Xã Tân Phước Khánh, Thị xã Tân Uyên, Tỉnh Bình Dương",
        "Phường Điện Biên, Quận Ba Đình, Thành phố Hà Nội",
        "Thôn Đông Yên, Xã Quảng Phú, Huyện Quảng Điền, Tỉnh Thừa Thiên Huế",
        "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", "Xã Nghĩa Hưng, Huyện Lạng Giang, Tỉnh Bắc Giang",
        "Thị trấn Phố Ràng, Huyện Bảo Yên, Tỉnh Lào Cai", "Phường Vĩnh Trường, Thành phố Nha Trang, Tỉnh Khánh Hòa"};
    private static final String[] STREETS = {"Số 12 ngõ 34 phố Nguyễn Trãi", "Tổ dân phố số 7, khu phố Hòa Lân",
        "Căn hộ 1205 tòa nhà Sông Đà, đường Phạm Hùng", "Số nhà 88, hẻm 45/12 đường Lê Văn Sỹ", "Ấp Phước Thạnh",
        "Thôn Ỷ La", "Khóm 3"};

    /** A payload and the fields it must give. */
    public record Sample(String payload, QrFormat format, QrFields fields) {
        @Override
        public String toString() {
            return "Sample[" + format + "]";
        }
    }

    private final Random rnd;

    public QrSamples(long seed) {
        this.rnd = new Random(seed);
    }

    public Random random() {
        return rnd;
    }

    public Sample next() {
        return rnd.nextBoolean() ? cccd2021() : canCuoc2024();
    }

    /** A 2021 CCCD: 7 fields, issued between 2021 and mid-2024. */
    public Sample cccd2021() {
        LocalDate dob = date(1935, 2007);
        LocalDate issue = between(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 6, 30));
        if (issue.isBefore(dob.plusYears(14))) {
            // no CCCD before 14 under the 2014 law (born by 2007, so this stays before 2024-07-01)
            issue = dob.plusYears(14).plusDays(rnd.nextInt(200));
        }
        return build(dob, issue, List.of(), List.of());
    }

    /** A 2024 Căn cước: issued from 2024-07-01, sometimes with cancelled ID numbers and parents' names. */
    public Sample canCuoc2024() {
        LocalDate dob = date(1935, 2024);
        LocalDate issue = between(LocalDate.of(2024, 7, 1), TODAY);
        if (issue.isBefore(dob)) {
            issue = dob.plusDays(30);
        }
        List<String> cancelled = new ArrayList<>();
        if (rnd.nextInt(4) == 0) {
            cancelled.add(digits(12));
        }
        List<String> parents = new ArrayList<>();
        if (issue.isBefore(dob.plusYears(14)) || rnd.nextInt(5) == 0) {
            parents.add(name(false));
            parents.add(name(true));
        }
        return build(dob, issue, cancelled, parents);
    }

    private Sample build(LocalDate dob, LocalDate issue, List<String> cancelled, List<String> parents) {
        boolean woman = rnd.nextBoolean();
        int century = (dob.getYear() - 1900) / 100;
        String id = String.format("%03d", 1 + rnd.nextInt(96)) + (century * 2 + (woman ? 1 : 0))
                + String.format("%02d", dob.getYear() % 100) + digits(6);
        String oldId = rnd.nextInt(3) == 0 ? "" : digits(9);
        String name = name(woman);
        if (rnd.nextInt(3) == 0) {
            name = name.toUpperCase(java.util.Locale.ROOT);
        }
        String residence = rnd.nextInt(20) == 0 ? "" : (rnd.nextBoolean() ? pick(STREETS) + ", " : "") + pick(PLACES);
        String sex = woman ? "Nữ" : "Nam";
        StringBuilder p = new StringBuilder().append(id).append('|').append(oldId).append('|').append(name).append('|')
                .append(dob.format(DDMMYYYY)).append('|').append(sex).append('|').append(residence).append('|')
                .append(issue.format(DDMMYYYY));
        List<QrExtra> extra = new ArrayList<>();
        int position = 8;
        boolean any = !cancelled.isEmpty() || !parents.isEmpty();
        if (any) {
            // the layout after field 7 is unknown (Q9): cancelled IDs first, then the parents, one field each
            p.append('|').append(String.join(",", cancelled));
            for (String c : cancelled) {
                extra.add(new QrExtra(position, QrExtra.Kind.CANCELLED_ID_NUMBER, c));
            }
            position++;
            for (String parent : parents) {
                p.append('|').append(parent);
                extra.add(new QrExtra(position++, QrExtra.Kind.PARENT_NAME, parent));
            }
        }
        boolean canCuoc = any || !issue.isBefore(LocalDate.of(2024, 7, 1));
        QrFields fields = new QrFields(id, oldId.isEmpty() ? null : oldId, name, dob.toString(), sex,
                residence.isEmpty() ? null : residence, issue.toString(), extra);
        return new Sample(p.toString(), canCuoc ? QrFormat.CAN_CUOC2024 : QrFormat.CCCD2021, fields);
    }

    public String name(boolean woman) {
        StringBuilder sb = new StringBuilder(pick(SURNAMES)).append(' ');
        sb.append(woman && rnd.nextBoolean() ? "Thị" : pick(MIDDLE));
        int given = 1 + rnd.nextInt(2);
        for (int i = 0; i < given; i++) {
            sb.append(' ').append(pick(GIVEN));
        }
        return sb.toString();
    }

    public String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    private LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(fromYear + rnd.nextInt(toYear - fromYear + 1), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(rnd.nextInt((int) days + 1));
    }

    private <T> T pick(T[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
