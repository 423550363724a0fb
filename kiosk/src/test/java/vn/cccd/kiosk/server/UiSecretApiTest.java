package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.config.ConfigException;
import vn.cccd.kiosk.config.HospitalConfig;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.web.http.Router;
import vn.cccd.kiosk.web.http.UiAccess;
import vn.cccd.kiosk.web.http.UiAccessHandler;

/**
 * Only the kiosk browser reads personal data (issue 14, item 3): with {@code ui.secretFile} set, every route of the
 * API's table (walked, not listed by hand) answers 401 UI_LOCKED without the UI cookie, except {@code /api/health};
 * the launcher's address turns the secret into a memory-only HttpOnly cookie that opens them all.
 */
class UiSecretApiTest {
    private static final HttpClient NO_COOKIES = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private static String secret(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    @Test
    void withoutTheCookieEveryApiRouteButHealthIs401InEveryMode() throws Exception {
        Path secret = KioskHarness.uiSecretFile(data);
        List<Consumer<KioskConfig.Builder>> modes = List.of(b -> b.demo(true),
                b -> b.mode(Mode.HOSPITAL).hospital(HospitalConfig.defaults().withDepartments(List.of(
                        new HospitalConfig.Department("noi", "Khám Nội", "Internal medicine")))).demo(true));
        for (Consumer<KioskConfig.Builder> mode : modes) {
            Path dir = Files.createTempDirectory(data, "kiosk");
            try (KioskHarness k = KioskHarness.start(dir, b -> mode.accept(b.uiSecretFile(secret)))) {
                KioskApi api = new KioskApi(k.app);
                List<Router.Endpoint> endpoints = new ArrayList<>(api.routes().endpoints());
                api.close();
                assertThat(endpoints).hasSizeGreaterThan(40);
                endpoints.add(new Router.Endpoint("GET", "/api/events")); // the event stream is not in the table
                endpoints.add(new Router.Endpoint("GET", "/api/no-such-route")); // no route discovery either
                for (Router.Endpoint e : endpoints) {
                    HttpResponse<String> r = call(k, NO_COOKIES, e);
                    if (UiAccessHandler.OPEN_API_PATHS.contains(e.template())) {
                        assertThat(r.statusCode()).as(e.toString()).isEqualTo(200);
                        continue;
                    }
                    assertThat(r.statusCode()).as(e + ": " + r.body()).isEqualTo(401);
                    assertThat(json(r).get("code").asText()).isEqualTo("UI_LOCKED");
                    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
                }
                // with the cookie the door is open on every route (staff routes then ask for the staff login)
                k.unlock(secret(secret));
                for (Router.Endpoint e : endpoints) {
                    if (e.template().equals("/api/events")) {
                        continue; // a stream that stays open
                    }
                    HttpResponse<String> r = call(k, k.http, e);
                    assertThat(r.body()).as(e.toString()).doesNotContain("UI_LOCKED");
                }
            }
        }
    }

    private static HttpResponse<String> call(KioskHarness k, HttpClient client, Router.Endpoint e) throws Exception {
        String path = e.template().replaceAll("\\{[^}/]+}", "x1");
        HttpRequest.Builder r = HttpRequest.newBuilder(k.base.resolve(path)).header("Content-Type", "application/json")
                .method(e.method(), e.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theLaunchersAddressGivesAFreshMemoryOnlyHttpOnlyCookieNeverTheSecret() throws Exception {
        Path file = KioskHarness.uiSecretFile(data);
        String secret = secret(file);
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true).uiSecretFile(file))) {
            HttpResponse<String> wrong = NO_COOKIES.send(HttpRequest.newBuilder(k.base.resolve("/ui/start?secret="
                    + secret.substring(1) + "A")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(wrong.body()).contains("Không được phép", "Not allowed");
            assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(NO_COOKIES.send(HttpRequest.newBuilder(k.base.resolve("/ui/start")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            List<String> values = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> ok = NO_COOKIES.send(HttpRequest.newBuilder(k.base.resolve("/ui/start?secret="
                        + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ok.statusCode()).isEqualTo(303);
                assertThat(ok.headers().firstValue("Location")).hasValue("/");
                List<String> cookies = ok.headers().allValues("Set-Cookie");
                assertThat(cookies).hasSize(1);
                assertThat(cookies.get(0)).matches(UiAccess.COOKIE + "=[A-Za-z0-9_.-]{40,}; Path=/; HttpOnly; SameSite=Strict")
                        .doesNotContainIgnoringCase("max-age").doesNotContainIgnoringCase("expires")
                        .doesNotContain(secret);
                values.add(cookies.get(0).substring(UiAccess.COOKIE.length() + 1, cookies.get(0).indexOf(';')));
            }
            assertThat(values.get(0)).isNotEqualTo(values.get(1));
            for (String v : values) {
                assertThat(withCookie(k, "/api/session/state", v).statusCode()).isEqualTo(200);
            }
            String forged = values.get(0).substring(0, values.get(0).indexOf('.') + 1) + values.get(1)
                    .substring(values.get(1).indexOf('.') + 1);
            assertThat(withCookie(k, "/api/session/state", forged).statusCode()).isEqualTo(401);
            assertThat(withCookie(k, "/api/session/state", secret).statusCode()).isEqualTo(401);
            assertThat(json(expect(k.get("/api/health"), 200)).get("status").asText()).isEqualTo("UP");
            // the static UI loads without the cookie: the page itself tells what is wrong
            assertThat(k.get("/").statusCode()).isEqualTo(200);
        }
        // a cookie made before a restart still opens the API while the secret is the same
        try (KioskHarness k = KioskHarness.start(Files.createTempDirectory(data, "again"),
                b -> b.demo(true).uiSecretFile(file))) {
            assertThat(withCookie(k, "/api/session/state", UiAccess.fromFile(file).newSessionValue()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aBase64SecretPastedIntoTheAddressUnencodedIsAcceptedAsIsEncoded() throws Exception {
        String secret = "k3+Zq/9w+Yd2Lm0=Pq7+Xr4/Ts8Vb1Nc6Ha5+Je0=";
        Path file = Files.writeString(data.resolve("ui.secret"), secret + "\n");
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true).uiSecretFile(file))) {
            for (String inAddress : List.of(secret, java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8))) {
                HttpResponse<String> r = NO_COOKIES.send(HttpRequest.newBuilder(k.base.resolve("/ui/start?secret="
                        + inAddress)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(inAddress).isEqualTo(303);
            }
            assertThat(NO_COOKIES.send(HttpRequest.newBuilder(k.base.resolve("/ui/start?secret="
                    + secret.replace('+', ' ').replace(" ", "%20"))).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> withCookie(KioskHarness k, String path, String value) throws Exception {
        return NO_COOKIES.send(HttpRequest.newBuilder(k.base.resolve(path)).header("Cookie", UiAccess.COOKIE + "=" + value)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheSettingTheApiIsOpenAndTheLaunchersAddressStillOpensTheKiosk() throws Exception {
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true))) {
            assertThat(k.get("/api/session/state").statusCode()).isEqualTo(200);
            HttpResponse<String> start = k.get("/ui/start?secret=anything");
            assertThat(start.statusCode()).isEqualTo(303);
            assertThat(start.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(json(k.get("/api/config")).get("uiSecret").asBoolean()).isFalse();
        }
    }

    @Test
    void aWeakOrUnreadableSecretStopsTheStartNamingTheKey() throws Exception {
        Path shortSecret = Files.writeString(data.resolve("short"), "0123456789abcdef0123456789abcde\n");
        Path twoLines = Files.writeString(data.resolve("two"), "0123456789abcdef0123456789abcdef\nsecond line\n");
        for (Path f : List.of(shortSecret, twoLines, data.resolve("missing"))) {
            KioskConfig c = KioskHarness.config(data).uiSecretFile(f).build();
            assertThatThrownBy(() -> KioskServer.newServer(KioskApp.create(c, new vn.cccd.kiosk.testing.FakeCardSource(
                    "R"), null, null, java.time.Clock.systemUTC()))).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("ui.secretFile");
        }
    }
}
