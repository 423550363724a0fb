package vn.cccd.kiosk.lodging.police;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import vn.cccd.kiosk.config.PoliceApiConfig;

/**
 * A local stand-in for the police lodging API on the loopback interface, following integrations-2026.md A3.4 (the
 * guide v1.4 [V(T): S15]): the token endpoint (form {@code username}, {@code password}, {@code grant-type=api_cslt},
 * HTTP Basic client), the Vietnamese-guest and foreign-guest arrays and the checkout change, each with a Bearer token,
 * answering {@code {"code":"200","message":"Thành công","data":null}} or HTTP 400 with the guide's "Bản khai báo N:
 * …" messages (arrival not today or yesterday, departure before arrival, a CCCD not 12 digits, a document type out
 * of 1–8, a duplicate declaration, a passport still staying; API12: unknown document, type not TS/GH). Like the
 * unverified portal, it keeps the valid records of an array that has refused ones. The login refusal's shape is not
 * documented: this fake answers HTTP 401 with code "401".
 *
 * <p>Failure modes: {@link #status} (e.g. 503 without importing), {@link #zeroRows} (success with an empty list,
 * importing nothing), {@link #hold()} (imports, then answers only when released), {@link #expireTokens()}. The {@link Portal} (what
 * was imported, tokens issued) outlives a restart of the fake on the same port.
 */
public final class FakePolicePortal implements AutoCloseable {
    static final String USER = "cslt_nha_nghi_sen";
    public static final String PASSWORD = "Mk-khong-that-7319";
    static final String CLIENT = "API_CSLT_TEST:client-secret-4821";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The portal's own records, kept across restarts of the fake. */
    public static final class Portal {
        /** soGiayTo / soHoChieu → how many times it was imported. */
        final Map<String, AtomicInteger> imports = new ConcurrentHashMap<>();
        final Set<String> checkedOut = ConcurrentHashMap.newKeySet();
        final Set<String> validTokens = ConcurrentHashMap.newKeySet();
        final List<String> issuedTokens = new CopyOnWriteArrayList<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<JsonNode> vietnamese = new CopyOnWriteArrayList<>();
        final List<JsonNode> foreign = new CopyOnWriteArrayList<>();
        final List<JsonNode> changes = new CopyOnWriteArrayList<>();
        final List<String> tokenForms = new CopyOnWriteArrayList<>();
        final List<String> basics = new CopyOnWriteArrayList<>();
        /** The portal's time (token expiry): the test's clock. */
        volatile java.util.function.Supplier<java.time.Instant> now = java.time.Instant::now;
        /** "Today" for the arrival rule, in the portal's zone. */
        public volatile LocalDate today;

        public int imported(String number) {
            AtomicInteger n = imports.get(number);
            return n == null ? 0 : n.get();
        }

        long calls(String path) {
            return requests.stream().filter(path::equals).count();
        }
    }

    final Portal portal;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    volatile int status;
    public volatile boolean zeroRows;
    /** While set, declarations are imported and their answers held back until {@link #release()}. */
    private volatile java.util.concurrent.CountDownLatch held;
    volatile long tokenLifetimeSeconds = 3600;

    FakePolicePortal(Portal portal, int port) throws IOException {
        this.portal = portal;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(PoliceClient.TOKEN, this::token);
        server.createContext(PoliceClient.VIETNAMESE, x -> declare(x, false));
        server.createContext(PoliceClient.FOREIGN, x -> declare(x, true));
        server.createContext(PoliceClient.CHECKOUT, this::change);
        server.setExecutor(threads);
        server.start();
    }

    public FakePolicePortal(Portal portal) throws IOException {
        this(portal, 0);
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public PoliceApiConfig config(String password, Duration timeout, Duration firstRetry) {
        return new PoliceApiConfig(url(), USER, password, CLIENT, timeout, firstRetry, firstRetry.multipliedBy(8));
    }

    /** Answers to declarations wait (after importing) until {@link #release()}: a portal slower than any time-out. */
    void hold() {
        held = new java.util.concurrent.CountDownLatch(1);
    }

    void release() {
        java.util.concurrent.CountDownLatch h = held;
        held = null;
        if (h != null) {
            h.countDown();
        }
    }

    void expireTokens() {
        portal.validTokens.clear();
    }

    private void token(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        portal.requests.add(path);
        String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        portal.tokenForms.add(form);
        Map<String, String> f = new HashMap<>();
        for (String kv : form.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                f.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String basic = x.getRequestHeaders().getFirst("Authorization");
        portal.basics.add(basic == null ? "" : basic);
        String expected = "Basic " + Base64.getEncoder().encodeToString(CLIENT.getBytes(StandardCharsets.UTF_8));
        if (status != 0) {
            answer(x, status, "{\"code\":\"" + status + "\",\"message\":\"lỗi hệ thống\",\"data\":null}");
            return;
        }
        if (!expected.equals(basic) || !USER.equals(f.get("username")) || !PASSWORD.equals(f.get("password"))
                || !"api_cslt".equals(f.get("grant-type"))) {
            answer(x, 401, "{\"code\":\"401\",\"message\":\"Tên đăng nhập hoặc mật khẩu không đúng\",\"data\":null}");
            return;
        }
        String token = "tok-" + portal.issuedTokens.size() + "-" + Long.toHexString(System.nanoTime());
        portal.issuedTokens.add(token);
        portal.validTokens.add(token);
        long exp = portal.now.get().getEpochSecond() + tokenLifetimeSeconds;
        answer(x, 200, "{\"code\":\"200\",\"message\":\"Thành công\",\"data\":{\"AccessToken\":\"" + token
                + "\",\"RefreshToken\":\"r-" + token + "\",\"TokenType\":\"bearer\",\"Exp\":" + exp
                + ",\"Authorities\":[\"kbtt:create-3th\",\"CLIENT_API_CSLT\"],\"LoaiTK\":\"CSLT\"}}");
    }

    private boolean authorized(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !portal.validTokens.contains(auth.substring(7))) {
            answer(x, 401, "{\"code\":\"401\",\"message\":\"Unauthorized\",\"data\":null}");
            return false;
        }
        return true;
    }

    /**
     * Records the call and reads its records; null when it was already answered (the portal set to fail, or no
     * valid token).
     */
    private JsonNode admitted(HttpExchange x) throws IOException {
        portal.requests.add(x.getRequestURI().getPath());
        JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
        if (status != 0) {
            answer(x, status, "<html>Service Unavailable</html>");
            return null;
        }
        return authorized(x) ? body : null;
    }

    private void declare(HttpExchange x, boolean foreign) throws IOException {
        JsonNode body = admitted(x);
        if (body == null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int n = 0;
        for (JsonNode r : body) {
            n++;
            (foreign ? portal.foreign : portal.vietnamese).add(r);
            String number = r.path(foreign ? "soHoChieu" : "soGiayTo").asText();
            List<String> e = check(r, foreign);
            if (e.isEmpty() && portal.imported(number) > 0 && !portal.checkedOut.contains(number)) {
                e.add(foreign ? "Số hộ chiếu đang tạm trú tại CSLT và chưa checkout"
                        : "Đã tồn tại khai báo trùng thời gian tại CSLT");
            }
            for (String m : e) {
                errors.add("Bản khai báo " + n + ": " + m);
            }
            if (e.isEmpty()) {
                accepted.add(number);
            }
        }
        if (!zeroRows) {
            for (String number : accepted) {
                portal.imports.computeIfAbsent(number, k -> new AtomicInteger()).incrementAndGet();
                portal.checkedOut.remove(number);
            }
        }
        java.util.concurrent.CountDownLatch h = held;
        if (h != null) {
            try {
                h.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!errors.isEmpty()) {
            answer(x, 400, JSON.writeValueAsString(Map.of("code", "400", "message", String.join(",\n", errors))));
        } else if (zeroRows) {
            answer(x, 200, "{\"code\":\"200\",\"message\":\"Thành công\",\"data\":[]}");
        } else {
            answer(x, 200, "{\"code\":\"200\",\"message\":\"Thành công\",\"data\":null}");
        }
    }

    private List<String> check(JsonNode r, boolean foreign) {
        List<String> e = new ArrayList<>();
        List<String> required = foreign
                ? List.of("hoTen", "quocTich", "soHoChieu", "gioiTinh", "loaiNgayThangNamSinh", "ngayThangNamSinhStr",
                        "ngayDenCsltStr", "ngayDiDuKienStr", "thoiHanTamTruStr")
                : List.of("hoTen", "gioiTinh", "ngayThangNamSinhStr", "ngayDenCsltStr", "ngayDiDuKienStr", "lyDoCuTru",
                        "loaiGiayTo", "soGiayTo");
        for (String f : required) {
            if (r.path(f).isMissingNode() || r.path(f).asText().isBlank()) {
                e.add("Thiếu " + f);
            }
        }
        if (!e.isEmpty()) {
            return e;
        }
        LocalDate arrival = LocalDate.parse(r.path("ngayDenCsltStr").asText().substring(0, 10));
        LocalDate today = portal.today == null ? LocalDate.now(VN) : portal.today;
        if (arrival.isAfter(today) || arrival.isBefore(today.minusDays(1))) {
            e.add("Ngày đến Cslt phải là ngày hiện tại hoặc hôm qua");
        }
        if (r.path("ngayDiDuKienStr").asText().compareTo(r.path("ngayDenCsltStr").asText()) < 0) {
            e.add("Ngày đi dự kiến phải lớn hoặc bằng ngày đến Cslt");
        }
        if (!foreign) {
            int type = r.path("loaiGiayTo").asInt();
            if (type < 1 || type > 8) {
                e.add("Loại giấy tờ phải có giá trị từ 1 đến 8");
            } else if ((type == 1 || type == 8) && !r.path("soGiayTo").asText().matches("[0-9]{12}")) {
                e.add("Thẻ CCCD phải gồm đúng 12 chữ số");
            }
        }
        return e;
    }

    private void change(HttpExchange x) throws IOException {
        JsonNode body = admitted(x);
        if (body == null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        int n = 0;
        for (JsonNode r : body) {
            n++;
            portal.changes.add(r);
            String number = r.path("soGiayTo").asText();
            String loai = r.path("loai").asText();
            if (!loai.equals("TS") && !loai.equals("GH")) {
                errors.add("Bản ghi " + n + ": Loại phải là GH hoặc TS");
            } else if (portal.imported(number) == 0 || portal.checkedOut.contains(number)) {
                // the guide's message echoes the document number: the kiosk must not store or show it
                errors.add("Bản ghi " + n + ": Số Giấy tờ " + number + " với loại giấy tờ là Thẻ CCCD đang không tồn tại"
                        + " trong hệ thống Cslt");
            } else if (loai.equals("TS")) {
                portal.checkedOut.add(number);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", errors.isEmpty() ? "200" : "400");
        out.put("message", errors.isEmpty() ? "Thành công" : String.join(",\n", errors));
        out.put("data", null);
        answer(x, errors.isEmpty() ? 200 : 400, JSON.writeValueAsString(out));
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        try {
            x.sendResponseHeaders(status, b.length);
            x.getResponseBody().write(b);
        } catch (IOException e) {
            // the kiosk gave up waiting (time-out): the portal has already done its part
        } finally {
            x.close();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
