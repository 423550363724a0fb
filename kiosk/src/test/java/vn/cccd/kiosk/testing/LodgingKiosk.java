package vn.cccd.kiosk.testing;

import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import vn.cccd.kiosk.config.LodgingSettings;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.config.PinHash;
import vn.cccd.kiosk.config.PoliceApiConfig;
import vn.cccd.kiosk.config.StorageSettings;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.DocumentInfo;
import vn.cccd.reader.model.Json;

/** A kiosk in lodging mode over a fake reader, with a logged-in staff token and helpers for the register API. */
public final class LodgingKiosk implements AutoCloseable {
    public static final String PIN = "246813";
    public static final String ADDRESS = "Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội";
    private static final PinHash PIN_HASH = PinHash.create(PIN, 1000);

    public final KioskHarness k;
    public final String token;

    private LodgingKiosk(KioskHarness k) throws Exception {
        this.k = k;
        this.token = json(expect(k.post("/api/operator/login", Map.of("pin", PIN)), 200)).get("token").asText();
    }

    public static LodgingKiosk start(Path dataDir, StorageSettings storage) throws Exception {
        return start(dataDir, storage, null);
    }

    /** With the direct submission to the police API on ({@code police} not null). */
    public static LodgingKiosk start(Path dataDir, StorageSettings storage, PoliceApiConfig police) throws Exception {
        return new LodgingKiosk(KioskHarness.start(dataDir, b -> b.mode(Mode.LODGING).storage(storage)
                .operatorPin(PIN_HASH).lodging(new LodgingSettings("Nhà nghỉ Hàng Bạc", ADDRESS, police))));
    }

    /** Reads a persona's card through the session steps (start, consent, key, card on the reader). */
    public void readCard(String persona) throws Exception {
        var events = k.events();
        k.readyForCard(persona);
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard(persona));
        events.await("read-complete", 10);
        events.close();
    }

    /** Reads the foreign passport persona {@code mara-kessler} with its MRZ key, as a PASSPORT document. */
    public void readPassport() throws Exception {
        Persona p = Personas.builtIn("mara-kessler");
        var events = k.events();
        expect(k.post("/api/session/start", "{}"), 201);
        expect(k.post("/api/session/consent", Map.of("accepted", true, "textVersion", "test-1", "lang", "vi")), 200);
        expect(k.post("/api/session/key", Map.of("documentNumber", p.documentNumber(), "dateOfBirth",
                p.person().dateOfBirth(), "expiryDate", p.document().expiryDate())), 200);
        k.cards.insert(KioskHarness.READER, FakeCardSource.card("mara-kessler", passport()));
        events.await("read-complete", 10);
        events.close();
    }

    /** The card read JSON of the mara-kessler passport, with its real MRZ. */
    public static CardReadResult passport() {
        Persona p = Personas.builtIn("mara-kessler");
        String mrz = Dg1File.parse(DocumentFactory.files(p).get(LdsFile.DG1)).mrz().text();
        CardReadResult base = TestCards.authentic("mara-kessler");
        return new CardReadResult(new DocumentInfo(DocumentInfo.PASSPORT, "UTO", p.documentNumber(), mrz),
                base.person(), base.face(), base.verification(), base.dataGroups(), base.stats());
    }

    /** The card leaves the reader: the session ends, the next guest starts afresh. */
    public void removeCard() throws Exception {
        var events = k.events();
        k.cards.remove(KioskHarness.READER);
        events.await("session-cleared", 10);
        events.close();
    }

    public HttpResponse<String> staff(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(k.base.resolve(path)).header("Authorization", "Bearer " + token);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        }
        return k.send(b);
    }

    public HttpResponse<byte[]> staffBytes(String path) throws Exception {
        return k.http.send(HttpRequest.newBuilder(k.base.resolve(path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public JsonNode night(String date) throws Exception {
        return json(expect(staff("GET", "/api/lodging/nights/" + date, null), 200));
    }

    /** The contract list: {@code GET /api/lodging/guests?date=}, a JSON array of the night's guests. */
    public JsonNode guests(String date) throws Exception {
        return json(expect(staff("GET", "/api/lodging/guests?date=" + date, null), 200));
    }

    @Override
    public void close() {
        k.close();
    }
}
