package vn.cccd.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.testing.Captured;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.reader.cli.ReaderCli;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/** {@code cccd-reader read} through javax.smartcardio with the mock provider: exit codes and JSON of the contract. */
class ReaderReadCliTest {
    @TempDir
    static Path tmp;
    static Path trust;

    @BeforeAll
    static void anchors() throws Exception {
        trust = tmp.resolve("trust");
        MockPki.instance().writeTrustAnchors(trust);
    }

    static Captured read(String persona, List<String> faults, String... args) {
        VirtualTerminals terminals = new VirtualTerminals("Reader A", "Reader B");
        if (persona != null) {
            terminals.terminal("Reader B").insert(MockCards.chip(persona, faults.toArray(new String[0])));
        }
        return Captured.run(() -> ReaderCli.run(new PcscReaders(terminals::terminalFactory), args));
    }

    static String[] cccdKey(String persona, String... more) {
        Persona p = Personas.builtIn(persona);
        List<String> a = new java.util.ArrayList<>(List.of("read", "--id-number", p.person().idNumber(), "--dob",
                p.person().dateOfBirth(), "--trust", trust.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void readsTheCardOnWhicheverReaderHasItAndVerifiesItAuthentic() throws Exception {
        Captured r = read("nguyen-thi-a", List.of(), cccdKey("nguyen-thi-a", "--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
        assertThat(json.at("/verification/accessControl").asText()).isEqualTo("BAC");
        assertThat(json.at("/person/fullName").asText()).isEqualTo(Personas.builtIn("nguyen-thi-a").person().fullName());
        assertThat(json.at("/stats/apdus").asInt()).isPositive();
        assertThat(json.has("face")).isTrue();
    }

    @Test
    void aChipThatRefusesPaceWithTheMrzDataIsReadWithBacAndSaysSo() throws Exception {
        Captured r = read("le-van-cuong", List.of(), cccdKey("le-van-cuong", "--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
        assertThat(json.at("/verification/accessControl").asText()).isEqualTo("BAC");
        // the ID number and birth date give several candidate expiry dates: each is tried with PACE, then BAC
        JsonNode steps = json.at("/stats/accessAttempts");
        assertThat(steps.size()).isGreaterThanOrEqualTo(2);
        JsonNode last = steps.get(steps.size() - 1);
        assertThat(last.get("protocol").asText() + " " + last.get("password").asText() + " "
                + last.get("outcome").asText()).isEqualTo("BAC MRZ OPENED");
        for (JsonNode step : steps) {
            if (step.get("protocol").asText().equals("PACE")) {
                assertThat(step.get("outcome").asText()).isEqualTo("REFUSED");
            }
            assertThat(step.fieldNames()).toIterable().containsExactly("protocol", "password", "candidate", "outcome");
        }
        assertThat(steps.get(0).get("protocol").asText()).isEqualTo("PACE");
        Captured text = read("le-van-cuong", List.of(), cccdKey("le-van-cuong"));
        assertThat(text.out()).contains("Access control: BAC (after PACE refused ");
    }

    @Test
    void noFaceSaveAndFaceOut() throws Exception {
        Path save = tmp.resolve("saved");
        Captured r = read("tran-van-uong", List.of(), cccdKey("tran-van-uong", "--no-face", "--save", save.toString(), "--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Json.MAPPER.readTree(r.out()).has("face")).isFalse();
        assertThat(save.resolve("DG13.bin")).exists();
        assertThat(save.resolve("DG2.bin")).doesNotExist();
        Path face = tmp.resolve("face.jpg");
        assertThat(read("tran-van-uong", List.of(), cccdKey("tran-van-uong", "--face-out", face.toString())).exit()).isZero();
        assertThat(Files.readAllBytes(face)).startsWith((byte) 0xFF, (byte) 0xD8);
        // and the saved files verify offline to the same verdict
        assertThat(ReaderVerifyCliTest.reader("verify", save.toString(), "--trust", trust.toString()).exit()).isZero();
    }

    @Test
    void theFaultsOfTheContractGiveTheirExitCodes() {
        Captured removed = read("nguyen-van-a", List.of("remove-after:20"), cccdKey("nguyen-van-a"));
        assertThat(removed.exit()).as(removed.out() + removed.err()).isEqualTo(5);
        assertThat(removed.err()).contains("CARD_REMOVED");
        Captured tampered = read("nguyen-van-a", List.of("tamper-dg13"), cccdKey("nguyen-van-a"));
        assertThat(tampered.exit()).isEqualTo(10);
        assertThat(tampered.out()).contains("DG13").contains("NOT_AUTHENTIC");
        Captured limited = read("nguyen-van-a", List.of("max-le:100"), cccdKey("nguyen-van-a"));
        assertThat(limited.exit()).as(limited.err()).isZero();
        Captured garbage = read("nguyen-van-a", List.of("garbage-after:12"), cccdKey("nguyen-van-a"));
        assertThat(garbage.exit()).isIn(5, 6);
    }

    @Test
    void wrongKeyNoCardAndUsageErrors() {
        Persona p = Personas.builtIn("nguyen-van-a");
        Captured wrong = read("nguyen-van-a", List.of(), "read", "--id-number", p.person().idNumber(), "--dob", "1999-09-09",
                "--expiry", "2039-09-09");
        assertThat(wrong.exit()).isEqualTo(4);
        assertThat(read(null, List.of(), cccdKey("nguyen-van-a")).exit()).isEqualTo(3);
        assertThat(read("nguyen-van-a", List.of(), "read", "--reader", "Nope", "--mrz", "A:1:2").exit()).isEqualTo(2);
        assertThat(read("nguyen-van-a", List.of(), "read", "--reader", "Nope", "--mrz", "123456789:900101:300101").exit())
                .isEqualTo(3);
        assertThat(read("nguyen-van-a", List.of(), "read").exit()).isEqualTo(2);
        assertThat(read("nguyen-van-a", List.of(), "read", "--id-number", "123", "--dob", "1990-01-01").exit()).isEqualTo(2);
    }

    /** The text of the persona's QR code (2021 format), with another name when {@code name} is given. */
    static String qrPayload(String persona, String name) {
        var person = Personas.builtIn(persona).person();
        java.time.format.DateTimeFormatter ddmmyyyy = java.time.format.DateTimeFormatter.ofPattern("ddMMyyyy");
        return String.join("|", person.idNumber(), person.oldIdNumber() == null ? "" : person.oldIdNumber(),
                name == null ? person.fullName() : name,
                java.time.LocalDate.parse(person.dateOfBirth()).format(ddmmyyyy), person.sex(),
                person.placeOfResidence() == null ? "" : person.placeOfResidence(),
                java.time.LocalDate.parse(person.issueDate()).format(ddmmyyyy));
    }

    @Test
    void aQrKeyOpensTheChipAndTheQrIsCrossCheckedAgainstIt() throws Exception {
        Captured r = read("nguyen-thi-hong-nhung", List.of(), "read", "--qr", qrPayload("nguyen-thi-hong-nhung", null),
                "--trust", trust.toString(), "--no-face", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/qrMatchesChip").isBoolean()).isTrue();
        assertThat(json.at("/verification/qrMatchesChip").asBoolean()).isTrue();
        assertThat(json.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
        assertThat(r.err()).doesNotContain("QR_MISMATCH");
        // for a person at a terminal too
        Captured text = read("nguyen-thi-hong-nhung", List.of(), "read", "--qr",
                qrPayload("nguyen-thi-hong-nhung", null), "--trust", trust.toString(), "--no-face");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("QR code: khớp với chip / matches the chip");
    }

    @Test
    void aQrCodeThatDisagreesWithTheChipMakesTheCardNotAuthentic() throws Exception {
        // same number and dates (so the chip opens with the QR's key), another name: a doctored card
        String forged = qrPayload("nguyen-thi-hong-nhung", "Trần Thị Hồng Nhung");
        Captured r = read("nguyen-thi-hong-nhung", List.of(), "read", "--qr", forged, "--trust", trust.toString(),
                "--no-face", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(10);
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/qrMatchesChip").asBoolean()).isFalse();
        assertThat(json.at("/verification/qrMatchesChip").isBoolean()).isTrue();
        assertThat(json.at("/verification/overall").asText()).isEqualTo("NOT_AUTHENTIC");
        // the chip itself is fine: only the cross-check failed
        assertThat(json.at("/verification/passiveAuthentication/status").asText()).isEqualTo("VALID");
        // the differing field is named, its values are not (personal data)
        assertThat(r.err()).contains("QR_MISMATCH").contains("fullName").doesNotContain("Trần")
                .doesNotContain(Personas.builtIn("nguyen-thi-hong-nhung").person().fullName());
        Captured text = read("nguyen-thi-hong-nhung", List.of(), "read", "--qr", forged, "--trust", trust.toString(),
                "--no-face");
        assertThat(text.exit()).isEqualTo(10);
        assertThat(text.out()).contains("NOT_AUTHENTIC").contains("does NOT match the chip");
    }

    @Test
    void aTypedKeyLeavesTheCrossCheckEmptyAndABrokenQrIsAUsageError() throws Exception {
        Captured typed = read("nguyen-thi-hong-nhung", List.of(), cccdKey("nguyen-thi-hong-nhung", "--no-face", "--json"));
        assertThat(typed.exit()).as(typed.err()).isZero();
        assertThat(Json.MAPPER.readTree(typed.out()).at("/verification/qrMatchesChip").isNull()).isTrue();
        String truncated = qrPayload("nguyen-thi-hong-nhung", null);
        truncated = truncated.substring(0, truncated.lastIndexOf('|'));
        Captured broken = read("nguyen-thi-hong-nhung", List.of(), "read", "--qr", truncated, "--json");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("--qr");
        assertThat(read("nguyen-thi-hong-nhung", List.of(), "read", "--qr", "https://example.vn/", "--json").exit())
                .isEqualTo(2);
    }

    @Test
    void listShowsTheReadersAndWhichHasACard() {
        Captured r = read("nguyen-van-a", List.of(), "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("0\tReader A\tno card").contains("1\tReader B\tcard present");
    }
}
