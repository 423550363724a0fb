package vn.cccd.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @Test
    void theRepositoryConfigurationLoads() {
        KioskConfig c = ConfigLoader.fromFile(Path.of("..", "config", "kiosk.properties"));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.mode()).isEqualTo(Mode.CITIZEN);
        assertThat(c.languages()).containsExactly("vi", "en");
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.formsDir()).isNotNull().endsWith(Path.of("config", "forms"));
        assertThat(c.trustDirs()).singleElement().satisfies(p -> assertThat(p).endsWith(Path.of("config", "trust")));
        assertThat(c.enabledForms()).contains("ct01");
        assertThat(c.prefill()).containsKey("authority.police");
        assertThat(c.operatorPin()).isNull();
    }

    @Test
    void theBundledDefaultsNeedNoFiles() {
        KioskConfig c = ConfigLoader.bundled();
        assertThat(c.formsDir()).as("forms come from the jar").isNull();
        assertThat(c.trustDirs()).isEmpty();
        assertThat(c.stationName()).isEqualTo("Kiosk Một cửa 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "server.port; 80800; server.port",
        "server.port; abc; server.port",
        "server.host; 192.168.1.10; server.host",
        "kiosk.mode; hotel; kiosk.mode",
        "hospital.departments; noi; hospital.departments",
        "hospital.departments; 'noi:Khám Nội;noi:Khám Nhi'; hospital.departments",
        "hospital.departments; n o i:Khám Nội; hospital.departments",
        "hospital.departments; noi:|Internal; hospital.departments",
        "hospital.webhook.url; ftp://his.local/x; hospital.webhook.url",
        "hospital.webhook.url; http:///nohost; hospital.webhook.url",
        "hospital.webhook.firstRetrySeconds; 0; hospital.webhook.firstRetrySeconds",
        "ui.languages; vi,fr; ui.languages",
        "session.idleTimeoutSeconds; 2; session.idleTimeoutSeconds",
        "session.idleWarningSeconds; 500; session.idleWarningSeconds",
        "readers.pcsc; maybe; readers.pcsc",
        "operator.pinHash; 0000; operator.pinHash",
        "forms.dir; no-such-dir; forms.dir",
        "trust.dirs; no-such-dir; trust.dirs",
        "pdf.fontPath; missing.ttf; pdf.fontPath",
        "sesion.idleTimeoutSeconds; 60; sesion.idleTimeoutSeconds",
        "prefill.bad name; x; prefill.bad name",
        "kiosk.mode; lodging; lodging.address",
        "storage.url; jdbc:mysql://db/kiosk; storage.url",
        "storage.retentionDays; 0; storage.retentionDays",
        "storage.purgeIntervalMinutes; never; storage.purgeIntervalMinutes",
        "storage.keyEnv; 1-KEY; storage.keyEnv",
        "hospital.bhyt.url; egw.baohiemxahoi.gov.vn; hospital.bhyt.url",
        "hospital.bhyt.url; https://egw.baohiemxahoi.gov.vn; hospital.bhyt.username",
    })
    void aBadValueStopsTheStartNamingTheKey(String key, String value, String named, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("forms"));
        Properties p = new Properties();
        p.setProperty(key, value);
        assertThatThrownBy(() -> ConfigLoader.parse(p, dir))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(named))
                .hasMessageStartingWith(named + ": ");
    }

    @Test
    void thePoliceApiIsOffByDefaultAndItsSecretsComeFromTheEnvironmentOnly() {
        assertThat(ConfigLoader.fromFile(Path.of("..", "config", "kiosk.properties")).lodging().police())
                .as("off in the repository's configuration").isNull();
        Properties p = new Properties();
        p.setProperty("lodging.police.username", "cslt_nha_nghi_sen");
        p.setProperty("lodging.police.passwordEnv", "POLICE_PW");
        p.setProperty("lodging.police.clientEnv", "POLICE_CLIENT");
        p.setProperty("lodging.police.url", "");
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("POLICE_PW", "Mk-khong-that-7319",
                "POLICE_CLIENT", "API_CSLT_TEST:client-secret-4821"));
        PoliceApiConfig c = ConfigLoader.police(p, env::get);
        assertThat(c.url()).isEqualTo(PoliceApiConfig.PRODUCTION);
        assertThat(c.password()).isEqualTo("Mk-khong-that-7319");
        assertThat(c.client()).isEqualTo("API_CSLT_TEST:client-secret-4821");
        assertThat(c.timeout()).hasSeconds(20);
        assertThat(c.toString()).doesNotContain("Mk-khong").doesNotContain("client-secret").doesNotContain("cslt_nha");
        env.remove("POLICE_PW");
        assertThatThrownBy(() -> ConfigLoader.police(p, env::get))
                .hasMessageStartingWith("lodging.police.passwordEnv: ").hasMessageContaining("POLICE_PW is not set");
        env.put("POLICE_PW", "x");
        env.put("POLICE_CLIENT", "no-colon-secret");
        assertThatThrownBy(() -> ConfigLoader.police(p, env::get)).hasMessageStartingWith("lodging.police.clientEnv: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("no-colon-secret"));
        p.setProperty("lodging.police.username", "");
        assertThat(ConfigLoader.police(p, env::get)).isNull();
    }

    @Test
    void theBhytGatewayAccountIsReadWithThePasswordHashedAndNeverShown(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("forms"));
        Properties p = new Properties();
        p.setProperty("hospital.bhyt.url", "https://egw.baohiemxahoi.gov.vn");
        p.setProperty("hospital.bhyt.username", "79001_BV_lethu");
        p.setProperty("hospital.bhyt.passwordMd5", "5F4DCC3B5AA765D61D8327DEB882CF99");
        p.setProperty("hospital.bhyt.officerName", "Lê Thu");
        p.setProperty("hospital.bhyt.officerIdNumber", "079190000123");
        BhytGatewayConfig b = ConfigLoader.parse(p, dir).hospital().bhyt();
        assertThat(b.passwordMd5()).isEqualTo("5f4dcc3b5aa765d61d8327deb882cf99");
        assertThat(b.timeout()).hasSeconds(5);
        assertThat(b.toString()).doesNotContain("5f4dcc3b").doesNotContain("79001_BV_lethu").doesNotContain("079190000123");
        assertThat(BhytGatewayConfig.md5("password")).isEqualTo("5f4dcc3b5aa765d61d8327deb882cf99");
        p.setProperty("hospital.bhyt.passwordEnv", "PATH");
        assertThatThrownBy(() -> ConfigLoader.parse(p, dir)).hasMessageStartingWith("hospital.bhyt.passwordMd5: ");
        p.remove("hospital.bhyt.passwordMd5");
        assertThat(ConfigLoader.parse(p, dir).hospital().bhyt().passwordMd5())
                .isEqualTo(BhytGatewayConfig.md5(System.getenv("PATH")));
        p.setProperty("hospital.bhyt.officerIdNumber", "12345");
        assertThatThrownBy(() -> ConfigLoader.parse(p, dir)).hasMessageStartingWith("hospital.bhyt.officerIdNumber: ");
        assertThat(ConfigLoader.parse(new Properties(), dir).hospital().bhyt()).as("no check by default").isNull();
    }

    @Test
    void hospitalDepartmentsAndWebhookAreRead(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("forms"));
        Properties p = new Properties();
        p.setProperty("kiosk.mode", "hospital");
        p.setProperty("hospital.departments", "noi:Khám Nội|Internal medicine; tmh:Tai, Mũi, Họng|Ear, nose and throat;"
                + " rhm:Răng Hàm Mặt;");
        p.setProperty("hospital.webhook.url", "https://his.benhvien.local/api/checkins");
        p.setProperty("hospital.webhook.maxRetrySeconds", "600");
        KioskConfig c = ConfigLoader.parse(p, dir);
        assertThat(c.mode()).isEqualTo(Mode.HOSPITAL);
        assertThat(c.hospital().departments()).containsExactly(
                new HospitalConfig.Department("noi", "Khám Nội", "Internal medicine"),
                new HospitalConfig.Department("tmh", "Tai, Mũi, Họng", "Ear, nose and throat"),
                new HospitalConfig.Department("rhm", "Răng Hàm Mặt", null));
        assertThat(c.hospital().webhookUrl()).hasToString("https://his.benhvien.local/api/checkins");
        assertThat(c.hospital().webhookMaxRetry()).hasSeconds(600);
        assertThat(c.hospital().webhookFirstRetry()).hasSeconds(2);
        assertThat(ConfigLoader.parse(new Properties(), dir).hospital().webhookUrl()).as("no webhook by default")
                .isNull();
    }

    @Test
    void storageAndLodgingKeysAreRead(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("forms"));
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, "kiosk.mode=lodging\nlodging.name=Nhà nghỉ Sen\nlodging.address=Số 5 Hàng Gai, Hà Nội\n"
                + "storage.url=jdbc:postgresql://db.local:5432/kiosk\nstorage.user=kiosk\nstorage.password=s3cret\n"
                + "storage.keyFile=keys/storage.key\nstorage.retentionDays=90\nstorage.purgeIntervalMinutes=15\n",
                StandardCharsets.UTF_8);
        KioskConfig c = ConfigLoader.fromFile(f);
        assertThat(c.mode()).isEqualTo(Mode.LODGING);
        assertThat(c.lodging().address()).isEqualTo("Số 5 Hàng Gai, Hà Nội");
        assertThat(c.storage().postgres()).isTrue();
        assertThat(c.storage().user()).isEqualTo("kiosk");
        assertThat(c.storage().keyFile()).isEqualTo(dir.resolve("keys/storage.key"));
        assertThat(c.storage().retentionDays()).isEqualTo(90);
        assertThat(c.storage().purgeInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.storage().toString()).doesNotContain("s3cret");
        Properties both = new Properties();
        both.setProperty("storage.keyFile", "a.key");
        both.setProperty("storage.keyEnv", "KIOSK_KEY");
        assertThatThrownBy(() -> ConfigLoader.parse(both, dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void aFileInAnotherEncodingIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kiosk.properties");
        Files.write(f, "station.name=Ki\u1ed1t".getBytes(StandardCharsets.UTF_16LE));
        Files.createDirectories(dir.resolve("forms"));
        assertThatThrownBy(() -> ConfigLoader.fromFile(f)).isInstanceOf(ConfigException.class);
    }

    @Test
    void vietnameseValuesAreReadAsUtf8AndNfc(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("forms"));
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, "station.name=Ki\u00f4\u0301t Đồng Tâm\nprefill.place=Hà Nội\n", StandardCharsets.UTF_8);
        KioskConfig c = ConfigLoader.fromFile(f);
        assertThat(c.stationName()).isEqualTo("Kiốt Đồng Tâm");
        assertThat(c.prefill()).containsEntry("place", "Hà Nội");
    }

    @Test
    void aMissingExplicitFileIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("no", "such", "kiosk.properties")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--config");
    }
}
