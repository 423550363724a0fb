package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.config.HospitalConfig;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.config.LodgingSettings;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.web.http.Router;

/**
 * The staff-only routes are declared in the route table and checked there: walking the table of each mode, every
 * staff route answers 401 UNAUTHORIZED without a staff login and with a made-up token, and does not with a real
 * one; the set of staff routes is exactly the set that was staff-only when each handler checked for itself; and
 * no public route asks for the staff login by itself (a handler's own check would escape this list).
 */
class StaffRoutesTest {
    /**
     * The routes whose handlers began with the staff check before the route table declared them. A route added
     * here is a new staff route; one taken away would open a register to anyone at the kiosk.
     */
    private static final Set<String> STAFF_ROUTES = Set.of(
            "GET /api/operator/status",
            "POST /api/operator/card-report",
            "GET /api/privacy/subject",
            "DELETE /api/privacy/subject",
            "POST /api/lodging/guests",
            "GET /api/lodging/guests",
            "GET /api/lodging/guests/export",
            "GET /api/lodging/guests/{id}",
            "POST /api/lodging/guests/{id}/checkout",
            "DELETE /api/lodging/guests/{id}",
            "GET /api/lodging/nights/{date}",
            "POST /api/lodging/nights/{date}/notified",
            "GET /api/lodging/status",
            // the police submission (issue 18 item 2): staff only from the start
            "GET /api/lodging/police",
            "POST /api/lodging/nights/{date}/police",
            "GET /api/hospital/checkins/{id}/bhyt",
            "GET /api/hospital/status");

    /**
     * Public routes that ask for the staff login only for a check-in another session made (the session that made
     * it gets it without): HospitalApi checks the owner, then the login.
     */
    private static final Set<String> OWNER_OR_STAFF = Set.of(
            "GET /api/hospital/checkins/{id}/ticket.pdf",
            "GET /api/hospital/checkins/{id}/ticket.png",
            "GET /api/hospital/checkins/{id}/patient.json",
            "GET /api/hospital/checkins/{id}/qd130.json",
            "GET /api/hospital/checkins/{id}/xml0.xml",
            "GET /api/hospital/checkins/{id}/xml1.xml",
            "POST /api/hospital/checkins/{id}/print");

    @TempDir
    Path data;

    @Test
    void inEveryModeEachStaffRouteRefusesRequestsWithoutALoginAndNoPublicRouteAsksForOne() throws Exception {
        List<Consumer<KioskConfig.Builder>> modes = List.of(
                b -> b.demo(true),
                b -> b.demo(true).mode(Mode.LODGING).lodging(new LodgingSettings("Nhà nghỉ Hàng Bạc",
                        "Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội")),
                b -> b.demo(true).mode(Mode.HOSPITAL).hospital(HospitalConfig.defaults().withDepartments(List.of(
                        new HospitalConfig.Department("noi", "Khám Nội", "Internal medicine")))));
        Set<String> staff = new TreeSet<>();
        for (Consumer<KioskConfig.Builder> mode : modes) {
            try (KioskHarness k = KioskHarness.start(Files.createTempDirectory(data, "kiosk"), mode)) {
                KioskApi api = new KioskApi(k.app);
                List<Router.Endpoint> table = api.routes().endpoints();
                api.close();
                String token = json(expect(k.post("/api/operator/login", Map.of("pin", KioskConfig.DEMO_PIN)), 200))
                        .get("token").asText();
                for (Router.Endpoint e : table) {
                    String name = e.method() + " " + e.template();
                    if (e.access() != Router.Access.STAFF) {
                        HttpResponse<String> r = call(k, e, null);
                        if (OWNER_OR_STAFF.contains(name)) {
                            assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(401);
                        } else {
                            assertThat(r.statusCode()).as(name + " is public but asks for a login: " + r.body())
                                    .isNotEqualTo(401);
                        }
                        continue;
                    }
                    staff.add(name);
                    for (String authorization : new String[] {null, "Bearer made-up-token", "Basic MDAwMA=="}) {
                        HttpResponse<String> r = call(k, e, authorization);
                        assertThat(r.statusCode()).as(e + " with " + authorization + ": " + r.body()).isEqualTo(401);
                        assertThat(json(r).get("code").asText()).isEqualTo("UNAUTHORIZED");
                    }
                    HttpResponse<String> withLogin = call(k, e, "Bearer " + token);
                    assertThat(withLogin.statusCode()).as(e + " with a staff login: " + withLogin.body())
                            .isNotEqualTo(401);
                }
            }
        }
        assertThat(staff).containsExactlyInAnyOrderElementsOf(STAFF_ROUTES);
    }

    private static HttpResponse<String> call(KioskHarness k, Router.Endpoint e, String authorization)
            throws Exception {
        String path = e.template().replaceAll("\\{[^}/]+}", "x1");
        HttpRequest.Builder r = HttpRequest.newBuilder(k.base.resolve(path)).header("Content-Type", "application/json")
                .method(e.method(), e.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return k.send(r);
    }
}
