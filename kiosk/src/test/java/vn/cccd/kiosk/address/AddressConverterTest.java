package vn.cccd.kiosk.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.address.AddressConversion.Status;
import vn.cccd.kiosk.address.AdminUnits.Commune;
import vn.cccd.kiosk.address.AdminUnits.OldCommune;

class AddressConverterTest {
    private static final AddressConverter CONVERTER = AddressConverter.bundled();
    private static final AdminUnits UNITS = CONVERTER.units();

    @Test
    void theIssuesExampleBecomesCuaNamInHanoiWithTheOldUnitsNoted() {
        AddressConversion c = CONVERTER.convert(
                "Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội");
        assertThat(c.status()).isEqualTo(Status.CONVERTED);
        assertThat(c.address()).isEqualTo("Số 12 phố Hàng Bài, Phường Cửa Nam, Thành phố Hà Nội");
        assertThat(c.oldUnits()).isEqualTo("Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội");
        assertThat(c.note()).isEqualTo("(Địa giới hành chính cũ: Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội)");
        assertThat(c.commune().code()).isEqualTo("00082");
        assertThat(c.commune().province().code()).isEqualTo("01");
    }

    @Test
    void theTableHoldsThe34ProvincesAndThe3321CommunesWithOfficialCodes() {
        assertThat(UNITS.provinces()).hasSize(34);
        assertThat(UNITS.communes()).hasSize(3321);
        assertThat(UNITS.province("79").orElseThrow().name()).isEqualTo("Thành phố Hồ Chí Minh");
        assertThat(UNITS.commune("26882").orElseThrow().fullName()).isEqualTo("Phường An Hội Tây, Thành phố Hồ Chí Minh");
        assertThat(UNITS.oldCommunes()).hasSizeGreaterThan(10_000);
    }

    /** The communes of all old communes written with the same names (some names appear twice in the sources). */
    private static final Map<String, Set<Commune>> SAME_NAMES = new HashMap<>();

    static {
        for (OldCommune o : UNITS.oldCommunes()) {
            SAME_NAMES.computeIfAbsent(fullKey(o), k -> new LinkedHashSet<>()).addAll(o.targets());
        }
    }

    static Stream<Arguments> oldProvinces() {
        return UNITS.oldCommunes().stream().map(OldCommune::province).distinct().map(Arguments::of);
    }

    /**
     * Every old commune of the table, from its own name triple: as the table writes it, in NFD, with abbreviated
     * kind words and without kind words. With full names the result is exactly the communes the table gives for
     * that triple (CONVERTED when one, CHOICE_NEEDED when several); with fewer words it may ask more often, but a
     * silent conversion is always right.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oldProvinces")
    void everyOldCommuneConvertsFromItsNamesInSeveralSpellings(String province) {
        List<String> wrong = new ArrayList<>();
        for (OldCommune o : UNITS.oldCommunes()) {
            if (!o.province().equals(province)) {
                continue;
            }
            Set<Commune> expected = SAME_NAMES.get(fullKey(o));
            String full = "Thôn 1, " + o.fullName();
            check(wrong, full, CONVERTER.convert(full), expected, true);
            String nfd = Normalizer.normalize(full, Normalizer.Form.NFD);
            check(wrong, nfd, CONVERTER.convert(nfd), expected, true);
            String abbreviated = "Thôn 1, " + abbreviate(o.name()) + ", " + abbreviate(o.district()) + ", "
                    + abbreviate(o.province());
            check(wrong, abbreviated, CONVERTER.convert(abbreviated), Set.copyOf(o.targets()), false);
            String bare = "Thôn 1, " + bareOrNumbered(o.name()) + ", " + VnNames.parse(o.district()).bare() + ", "
                    + VnNames.parse(o.province()).bare();
            check(wrong, bare, CONVERTER.convert(bare), Set.copyOf(o.targets()), false);
        }
        assertThat(wrong).as("addresses converted wrongly").isEmpty();
    }

    private static String fullKey(OldCommune o) {
        return VnNames.key(o.name()) + "|" + VnNames.key(o.district()) + "|" + VnNames.key(o.province());
    }

    private static void check(List<String> wrong, String input, AddressConversion c, Set<Commune> expected,
            boolean exact) {
        Set<Commune> got = c.candidates().stream().map(AddressConversion.Candidate::commune)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        boolean ok;
        if (exact) {
            ok = got.equals(expected) && c.status() == (expected.size() == 1 ? Status.CONVERTED : Status.CHOICE_NEEDED);
        } else {
            ok = (c.status() == Status.CONVERTED || c.status() == Status.CHOICE_NEEDED) && got.containsAll(expected)
                    && (c.status() != Status.CONVERTED || expected.contains(c.commune()));
        }
        if (!ok && wrong.size() < 20) {
            wrong.add(input + " -> " + c.status() + " " + got.stream().map(Commune::name).toList() + ", expected "
                    + expected.stream().map(Commune::name).toList());
        }
    }

    private static final Map<UnitType, String> ABBREVIATIONS = Map.of(UnitType.PHUONG, "P.", UnitType.XA, "X.",
            UnitType.THI_TRAN, "TT.", UnitType.QUAN, "Q.", UnitType.HUYEN, "H.", UnitType.THI_XA, "TX.",
            UnitType.THANH_PHO, "TP. ", UnitType.TINH, "T. ");

    private static String abbreviate(String name) {
        VnNames.Named n = VnNames.parse(name);
        return n.type() == null ? name : ABBREVIATIONS.get(n.type()) + n.bare();
    }

    /** Without the kind word, except "Phường 12" and "Quận 3", never written as a bare number. */
    private static String bareOrNumbered(String name) {
        VnNames.Named n = VnNames.parse(name);
        return n.bare().chars().allMatch(Character::isDigit) ? name : n.bare();
    }

    static Stream<Arguments> chipAddresses() throws IOException {
        try (InputStream in = AddressConverterTest.class.getResourceAsStream("/address/chip-addresses.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> Arguments.of(f[0], f[1]))
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("chipAddresses")
    void addressesWrittenAsChipsWriteThemConvert(String asWritten, String expected) {
        AddressConversion c = CONVERTER.convert(asWritten);
        assertThat(c.status()).isEqualTo(Status.CONVERTED);
        assertThat(c.address()).isEqualTo(expected);
        assertThat(Normalizer.isNormalized(c.address(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void fiftyChipAddressesAreTested() throws IOException {
        assertThat(chipAddresses().count()).isEqualTo(50);
    }

    @Test
    void aSplitCommuneAsksThePersonAndProposesNoAddress() {
        AddressConversion c = CONVERTER.convert("Số 3 ngõ 5, Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội");
        assertThat(c.status()).isEqualTo(Status.CHOICE_NEEDED);
        assertThat(c.address()).isNull();
        assertThat(c.commune()).isNull();
        assertThat(c.candidates()).extracting(AddressConversion.Candidate::address).containsExactlyInAnyOrder(
                "Số 3 ngõ 5, Phường Ngọc Hà, Thành phố Hà Nội", "Số 3 ngõ 5, Phường Giảng Võ, Thành phố Hà Nội");
        assertThat(c.oldUnits()).isEqualTo("Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội");
    }

    @Test
    void everySplitCommuneOfTheTableAsks() {
        List<OldCommune> split = UNITS.oldCommunes().stream().filter(o -> o.targets().size() > 1).toList();
        assertThat(split).hasSizeGreaterThan(400);
        for (OldCommune o : split) {
            assertThat(CONVERTER.convert(o.fullName()).status()).as(o.fullName()).isEqualTo(Status.CHOICE_NEEDED);
        }
    }

    @Test
    void numberedWardsWithAbbreviationsConvert() {
        assertThat(CONVERTER.convert("P.12, Q.Gò Vấp, TP.HCM").address())
                .isEqualTo("Phường An Hội Tây, Thành phố Hồ Chí Minh");
        assertThat(CONVERTER.convert("Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh").address())
                .isEqualTo("Phường An Hội Tây, Thành phố Hồ Chí Minh");
    }

    @Test
    void withoutTheProvinceTheOldDistrictAndCommuneStillConvertWhenTheyNameOnePlace() {
        AddressConversion c = CONVERTER.convert("Phường Hàng Bài, Quận Hoàn Kiếm");
        assertThat(c.status()).isEqualTo(Status.CONVERTED);
        assertThat(c.address()).isEqualTo("Phường Cửa Nam, Thành phố Hà Nội");
    }

    @Test
    void anAddressAlreadyInTheNewFormIsRecognisedWithItsCodes() {
        AddressConversion c = CONVERTER.convert("Số 12 phố Hàng Bài, Phường Cửa Nam, Thành phố Hà Nội");
        assertThat(c.status()).isEqualTo(Status.ALREADY_CURRENT);
        assertThat(c.address()).isEqualTo("Số 12 phố Hàng Bài, Phường Cửa Nam, Thành phố Hà Nội");
        assertThat(c.oldUnits()).isNull();
        assertThat(c.commune().code()).isEqualTo("00082");
        assertThat(CONVERTER.convert("Thôn 2, xã Ba Vì, TP Hà Nội").status()).isEqualTo(Status.ALREADY_CURRENT);
    }

    @Test
    void anAddressMatchingNothingIsKeptAsTheCardHasIt() {
        String odd = "Khu tập thể X, Phường Không Có, Quận Chín Mươi, Thành phố Hà Nội";
        AddressConversion c = CONVERTER.convert(odd);
        assertThat(c.status()).isEqualTo(Status.NOT_CONVERTED);
        assertThat(c.address()).isEqualTo(odd);
        assertThat(c.candidates()).isEmpty();
        assertThat(CONVERTER.convert("").status()).isEqualTo(Status.NOT_CONVERTED);
        assertThat(CONVERTER.convert(null).status()).isEqualTo(Status.NOT_CONVERTED);
        assertThat(CONVERTER.convert(",,,,").status()).isEqualTo(Status.NOT_CONVERTED);
        assertThat(CONVERTER.convert("a,".repeat(10_000)).status()).isEqualTo(Status.NOT_CONVERTED);
    }

    @Test
    void textAfterTheProvinceIsLeftAlone() {
        assertThat(CONVERTER.convert("Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội, (nhà riêng)")
                .address()).isEqualTo("Số 12 phố Hàng Bài, Phường Cửa Nam, Thành phố Hà Nội, (nhà riêng)");
    }

    @Test
    void bothTonePlacementsAndNoDiacriticsMatch() {
        // "Hoà" (old placement) and "Hòa" name the same unit; input typed without diacritics still matches
        assertThat(VnNames.key("Thanh Hoá")).isEqualTo(VnNames.key("Thanh Hóa"));
        assertThat(VnNames.key("Hòa")).isNotEqualTo(VnNames.key("Hóa"));
        assertThat(CONVERTER.convert("Phuong Hang Bai, Quan Hoan Kiem, Ha Noi").address())
                .isEqualTo("Phường Cửa Nam, Thành phố Hà Nội");
    }
}
