package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;

/** GET /api/forms and /api/forms/{id} name each form's legal basis; the criminal-record request names the police. */
class FormsLegalBasisApiTest {
    @TempDir
    Path data;
    KioskHarness k;

    @BeforeEach
    void start() throws Exception {
        k = KioskHarness.start(data);
    }

    @AfterEach
    void stop() {
        k.close();
    }

    @Test
    void everyListedFormNamesItsInstrumentAndValidity() throws Exception {
        for (JsonNode f : json(expect(k.get("/api/forms"), 200))) {
            assertThat(f.get("legalBasis").get("instrument").asText()).as(f.get("id").asText()).startsWith("Thông tư số ");
            assertThat(f.get("legalBasis").get("inForceFrom").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(f.get("validFrom").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void aFormsDefinitionShowsItsLegalBasisAndTagLine() throws Exception {
        JsonNode ct01 = json(expect(k.get("/api/forms/ct01"), 200));
        assertThat(ct01.get("legalBasis").get("instrument").asText()).isEqualTo("Thông tư số 116/2026/TT-BCA");
        assertThat(ct01.get("legalBasis").get("inForceFrom").asText()).isEqualTo("2026-07-01");
        assertThat(ct01.get("formCode").asText()).startsWith("Mẫu CT01 ban hành kèm theo Thông tư số 116/2026/TT-BCA");
        JsonNode lltp = json(expect(k.get("/api/forms/ly-lich-tu-phap"), 200));
        assertThat(lltp.get("legalBasis").get("instrument").asText()).isEqualTo("Thông tư số 06/2024/TT-BTP");
        JsonNode addressee = lltp.get("sections").get(0).get("fields").get(0);
        assertThat(addressee.get("source").asText()).isEqualTo("config:authority.criminalRecords");
        assertThat(addressee.get("hint").get("vi").asText()).startsWith("Công an tỉnh/thành phố");
    }

    @Test
    void theCriminalRecordRequestIsAddressedToThePolice() throws Exception {
        JsonNode pre = json(expect(k.get("/api/forms/ly-lich-tu-phap/prefill"), 200));
        assertThat(pre.get("fields").get("addressee").asText()).isEqualTo("Công an thành phố Hà Nội");
        JsonNode behalf = json(expect(k.get("/api/forms/ly-lich-tu-phap-uy-quyen/prefill"), 200));
        assertThat(behalf.get("fields").get("addressee").asText()).isEqualTo("Công an thành phố Hà Nội");
    }
}
