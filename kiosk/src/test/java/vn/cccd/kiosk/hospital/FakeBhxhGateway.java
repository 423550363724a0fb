package vn.cccd.kiosk.hospital;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import vn.cccd.kiosk.config.BhytGatewayConfig;

/**
 * A local stand-in for the BHXH gateway on the loopback interface, following integrations-2026.md B1.2–B1.4:
 * {@code POST /api/token/take} (JSON username and MD5 password → {@code maKetQua 200} and {@code APIKey}) and
 * {@code POST /api/egw/KQNhanLichSuKCB2024} (token in the query string, JSON body → the card answer with the
 * configured {@code maKetQua}). It can answer slowly, fail with HTTP 500, refuse the login, or expire a token once.
 */
final class FakeBhxhGateway implements AutoCloseable {
    static final String USER = "79001_BV_lethu";
    static final String PASSWORD = "mat-khau-thu";
    static final String CARD = "HS4790120878811";
    private static final ObjectMapper JSON = new ObjectMapper();

    final HttpServer server;
    final List<String> tokenBodies = new CopyOnWriteArrayList<>();
    final List<String> lookupQueries = new CopyOnWriteArrayList<>();
    final List<JsonNode> lookupBodies = new CopyOnWriteArrayList<>();
    final AtomicInteger tokens = new AtomicInteger();
    volatile String resultCode = "000";
    volatile Duration delay = Duration.ZERO;
    volatile int httpStatus = 200;
    volatile boolean refuseLogin;
    volatile boolean expireNextToken;
    private volatile String currentToken;

    FakeBhxhGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/token/take", this::token);
        server.createContext("/api/egw/KQNhanLichSuKCB2024", this::lookup);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    BhytGatewayConfig config(Duration timeout) {
        return new BhytGatewayConfig(url(), USER, BhytGatewayConfig.md5(PASSWORD), "Lê Thu Cán Bộ", "079190000123",
                timeout);
    }

    private void token(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenBodies.add(body);
        JsonNode b = JSON.readTree(body);
        if (refuseLogin || !USER.equals(b.path("username").asText())
                || !BhytGatewayConfig.md5(PASSWORD).equals(b.path("password").asText())) {
            send(x, 200, "{\"maKetQua\":\"401\",\"APIKey\":null}");
            return;
        }
        currentToken = "tok-" + tokens.incrementAndGet();
        send(x, 200, "{\"maKetQua\":\"200\",\"APIKey\":{\"access_token\":\"" + currentToken + "\",\"id_token\":\"id-"
                + tokens.get() + "\",\"expires_in\":\"" + OffsetDateTime.now().plusHours(1) + "\",\"username\":\""
                + USER + "\"}}");
    }

    private void lookup(HttpExchange x) throws IOException {
        String query = x.getRequestURI().getRawQuery();
        lookupQueries.add(query);
        JsonNode b = JSON.readTree(x.getRequestBody().readAllBytes());
        lookupBodies.add(b);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (httpStatus != 200) {
            send(x, httpStatus, "{}");
            return;
        }
        if (query == null || !query.contains("token=" + currentToken) || expireNextToken) {
            expireNextToken = false;
            send(x, 200, "{\"maKetQua\":\"401\",\"ghiChu\":\"Token hết hạn\"}");
            return;
        }
        String code = resultCode;
        boolean found = !code.equals("050");
        send(x, 200, "{\"maKetQua\":\"" + code + "\",\"ghiChu\":\"ghi chú\",\"maThe\":" + (found ? "\"" + CARD + "\"" : "null")
                + ",\"hoTen\":\"" + (code.equals("060") ? "NGUYỄN VĂN B" : b.path("hoTen").asText()) + "\",\"ngaySinh\":\""
                + (code.equals("070") ? "02/02/1990" : b.path("ngaySinh").asText()) + "\",\"gioiTinh\":\"Nam\","
                + "\"maDKBD\":\"79001\",\"cqBHXH\":\"BHXH TP\",\"gtTheTu\":\"01/01/2026\",\"gtTheDen\":\"31/12/2026\","
                + "\"maKV\":\"\",\"ngayDu5Nam\":\"01/01/2030\",\"maSoBHXH\":\"7901208788\",\"dsLichSuKCB2018\":null}");
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    /** The gateway goes down (its port closes). */
    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
