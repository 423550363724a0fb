package vn.cccd.reader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.Fault;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.mock.testing.RecordingChip;
import vn.cccd.reader.keys.CanKey;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.model.AccessAttempt;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.pcsc.PcscReaders;
import vn.cccd.reader.transport.TracingTransport;

/** Every built-in persona, built with the LDS builders and signed by the mock PKI, reads back as itself. */
class PersonaReadTest {
    @TempDir
    static Path trust;

    @BeforeAll
    static void writeAnchors() throws Exception {
        MockPki.instance().writeTrustAnchors(trust);
    }

    static List<String> personas() {
        return Personas.builtInNames();
    }

    /** The chip behind the mock javax.smartcardio provider and the reader's PC/SC adapter: the real path. */
    static CardTransport wire(Chip chip) {
        VirtualTerminals terminals = new VirtualTerminals("R");
        terminals.terminal("R").insert(chip);
        PcscReaders readers = new PcscReaders(terminals::terminalFactory);
        return TracingTransport.standard(readers.connect(readers.terminal("R")));
    }

    static CardReadResult read(Persona p, String... faults) {
        Chip chip = MockCards.chip(p, Fault.parseAll(List.of(faults)));
        ReadRequest request = new ReadRequest(List.of(DocumentFactory.profile(p, List.of()).bacKey()), true, List.of(trust));
        return new DocumentReader().read(wire(chip), request, ProgressListener.NONE);
    }

    @ParameterizedTest
    @MethodSource("personas")
    void readsAsItselfAndIsAuthentic(String name) {
        Persona p = Personas.builtIn(name);
        CardReadResult r = read(p);
        assertThat(r.verification().overall()).as(r.verification().passiveAuthentication().problems() + " " + r.verification().activeAuthentication())
                .isEqualTo(Verification.Overall.AUTHENTIC);
        assertThat(r.person().fullName()).isEqualTo(p.person().fullName());
        assertThat(r.person().dateOfBirth()).isEqualTo(p.person().dateOfBirth());
        if (p.isCccd()) {
            assertThat(r.person()).isEqualTo(p.person());
            assertThat(r.document().documentNumber()).isEqualTo(p.documentNumber());
            assertThat(r.dataGroups()).contains("COM", "SOD", "DG1", "DG2", "DG13");
        } else {
            assertThat(r.document().type()).isEqualTo("PASSPORT");
            assertThat(r.dataGroups()).doesNotContain("DG13");
        }
        assertThat(r.face()).isNotNull();
        // a chip whose PACE takes only its CAN opens with BAC by the MRZ data
        assertThat(r.verification().accessControl()).isEqualTo(p.access().pace() && !p.access().paceCanOnly()
                ? Verification.AccessControl.PACE : Verification.AccessControl.BAC);
        assertThat(r.verification().activeAuthentication().status()).isEqualTo(
                p.activeAuthentication() == Persona.KeyType.NONE ? CheckResult.Status.NOT_SUPPORTED : CheckResult.Status.PASSED);
        assertThat(r.verification().chipAuthentication().status()).as(String.valueOf(r.verification().chipAuthentication()))
                .isEqualTo(p.chipAuthentication() == Persona.KeyType.NONE ? CheckResult.Status.NOT_SUPPORTED
                        : CheckResult.Status.PASSED);
        assertThat(r.verification().passiveAuthentication().dataGroupHashes())
                .doesNotContainValue(PassiveAuthentication.HashStatus.MISMATCH);
    }

    @Test
    void aPaceChipOpensWithPaceByMrzOrCanAndRefusesAWrongCan() {
        Persona p = Personas.builtIn("vo-thi-lan");
        assertThat(p.access().pace()).isTrue();
        CardReadResult byMrz = read(p);
        assertThat(byMrz.verification().accessControl()).isEqualTo(Verification.AccessControl.PACE);
        assertThat(byMrz.dataGroups()).doesNotContain("CardAccess");
        ReadRequest byCan = new ReadRequest(List.of(new CanKey(p.access().can())), false, List.of(trust));
        CardReadResult r = new DocumentReader().read(wire(MockCards.chip(p, List.of())), byCan, ProgressListener.NONE);
        assertThat(r.verification().accessControl()).isEqualTo(Verification.AccessControl.PACE);
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
        assertThat(r.person()).isEqualTo(p.person());
        String wrong = p.access().can().equals("000000") ? "111111" : "000000";
        ReadRequest badCan = new ReadRequest(List.of(new CanKey(wrong)), false, List.of(trust));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DocumentReader()
                .read(wire(MockCards.chip(p, List.of())), badCan, ProgressListener.NONE))
                .isInstanceOf(vn.cccd.reader.error.AccessDeniedException.class).hasMessageContaining("card access number");
        // a BAC-only chip cannot be opened with a CAN, and says why
        ReadRequest canOnBac = new ReadRequest(List.of(new CanKey("123456")), false, List.of(trust));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DocumentReader()
                .read(wire(MockCards.chip(Personas.builtIn("nguyen-van-a"), List.of())), canOnBac, ProgressListener.NONE))
                .isInstanceOf(vn.cccd.reader.error.AccessDeniedException.class).hasMessageContaining("PACE");
    }

    @Test
    void theLegacyDg13LayoutStillReadsAsItself() {
        for (String name : List.of("pham-van-binh", "nguyen-thi-a")) {
            Persona p = Personas.builtIn(name);
            CardReadResult r = read(p, "legacy-dg13-layout");
            assertThat(r.person()).as(name).isEqualTo(p.person());
            assertThat(r.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
            assertThat(r.problems()).isEmpty();
        }
    }

    @Test
    void aSignedDg13OfNoKnownLayoutLeavesTheReadAuthenticWithThePersonFromDg1() {
        Persona p = Personas.builtIn("nguyen-thi-a");
        CardReadResult r = read(p, "unknown-dg13-layout");
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
        assertThat(r.verification().passiveAuthentication().dataGroupHashes().get("DG13"))
                .isEqualTo(PassiveAuthentication.HashStatus.MATCH);
        assertThat(r.document().type()).isEqualTo("CCCD");
        assertThat(r.person().idNumber()).isEqualTo(p.person().idNumber());
        assertThat(r.person().dateOfBirth()).isEqualTo(p.person().dateOfBirth());
        assertThat(r.person().sex()).isEqualTo(p.person().sex());
        assertThat(r.person().fullName()).as("the MRZ name, without diacritics").isEqualTo("NGUYEN THI A");
        assertThat(r.person().placeOfResidence()).as("only DG13 has it").isNull();
        assertThat(r.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.file()).isEqualTo("DG13");
            assertThat(pr.message()).contains("no indexed fields").contains("DG1");
        });
        assertThat(r.verification().chipAuthentication().status()).isEqualTo(CheckResult.Status.PASSED);
    }

    @Test
    void aChipWhosePaceTakesOnlyItsCanIsReadWithBacByTheMrzDataAndWithPaceByItsCan() {
        Persona p = Personas.builtIn("le-van-cuong");
        assertThat(p.access().paceCanOnly()).isTrue();
        CardReadResult byMrz = read(p);
        assertThat(byMrz.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
        assertThat(byMrz.verification().accessControl()).isEqualTo(Verification.AccessControl.BAC);
        assertThat(byMrz.person()).isEqualTo(p.person());
        assertThat(byMrz.stats().accessAttempts()).containsExactly(
                new AccessAttempt(Verification.AccessControl.PACE, AccessAttempt.Password.MRZ, 1,
                        AccessAttempt.Outcome.REFUSED),
                new AccessAttempt(Verification.AccessControl.BAC, AccessAttempt.Password.MRZ, 1,
                        AccessAttempt.Outcome.OPENED));

        ReadRequest byCan = new ReadRequest(List.of(new CanKey(p.access().can())), true, List.of(trust));
        CardReadResult r = new DocumentReader().read(wire(MockCards.chip(p, List.of())), byCan, ProgressListener.NONE);
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
        assertThat(r.verification().accessControl()).isEqualTo(Verification.AccessControl.PACE);
        assertThat(r.stats().accessAttempts()).containsExactly(new AccessAttempt(Verification.AccessControl.PACE,
                AccessAttempt.Password.CAN, 1, AccessAttempt.Outcome.OPENED));
    }

    @Test
    void aWrongKeyIsReportedOnlyAfterPaceAndBacBothRefusedIt() {
        Persona p = Personas.builtIn("vo-thi-lan");
        MrzKey right = DocumentFactory.profile(p, List.of()).bacKey();
        MrzKey wrong = new MrzKey(right.documentNumber(), right.dateOfBirth(), "991231");
        ReadRequest request = new ReadRequest(List.of(wrong), false, List.of(trust));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DocumentReader()
                .read(wire(MockCards.chip(p, List.of())), request, ProgressListener.NONE))
                .isInstanceOfSatisfying(vn.cccd.reader.error.AccessDeniedException.class, e -> {
                    assertThat(e.getMessage()).contains("PACE and BAC both refused");
                    assertThat(e.attempts()).extracting(AccessAttempt::protocol, AccessAttempt::outcome).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Verification.AccessControl.PACE,
                                    AccessAttempt.Outcome.REFUSED),
                            org.assertj.core.groups.Tuple.tuple(Verification.AccessControl.BAC,
                                    AccessAttempt.Outcome.REFUSED));
                });
    }

    @Test
    void aWrongKeyOnAPaceOnlyChipIsStillAWrongKey() {
        Persona p = Personas.builtIn("vo-thi-lan");
        vn.cccd.mock.chip.ChipProfile both = DocumentFactory.profile(p, List.of());
        vn.cccd.mock.chip.ChipProfile paceOnly = new vn.cccd.mock.chip.ChipProfile(both.files(), both.deniedFids(),
                both.bacKey(), both.can(), false, true, both.activeAuthKey(), both.chipAuthKey(), both.extendedLength());
        MrzKey wrong = new MrzKey(both.bacKey().documentNumber(), both.bacKey().dateOfBirth(), "991231");
        ReadRequest request = new ReadRequest(List.of(wrong), false, List.of(trust));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DocumentReader()
                .read(wire(new vn.cccd.mock.chip.EmrtdChip(paceOnly)), request, ProgressListener.NONE))
                .isInstanceOfSatisfying(vn.cccd.reader.error.AccessDeniedException.class, e -> {
                    assertThat(e.getMessage()).contains("PACE").doesNotContain("both refused");
                    assertThat(e.attempts()).extracting(AccessAttempt::protocol, AccessAttempt::outcome).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Verification.AccessControl.PACE,
                                    AccessAttempt.Outcome.REFUSED),
                            org.assertj.core.groups.Tuple.tuple(Verification.AccessControl.BAC,
                                    AccessAttempt.Outcome.NOT_POSSIBLE));
                });
    }

    @Test
    void aClonedChipFailsActiveAuthenticationAndIsNotAuthentic() {
        for (String name : List.of("dang-quoc-viet", "nguyen-thi-hong-nhung")) {
            CardReadResult r = read(Personas.builtIn(name), "clone");
            assertThat(r.verification().activeAuthentication().status()).as(name).isEqualTo(CheckResult.Status.FAILED);
            assertThat(r.verification().activeAuthentication().detail()).contains("copy");
            assertThat(r.verification().passiveAuthentication().status()).as("the files are genuine")
                    .isEqualTo(PassiveAuthentication.Status.VALID);
            assertThat(r.verification().overall()).isEqualTo(Verification.Overall.NOT_AUTHENTIC);
        }
    }

    @Test
    void aChipWithAnotherChipAuthenticationKeyFailsAndTheReadStillCompletes() {
        Persona p = Personas.builtIn("nguyen-thi-a");
        assertThat(p.chipAuthentication()).isEqualTo(Persona.KeyType.EC);
        CardReadResult r = read(p, "ca-mismatch");
        assertThat(r.verification().chipAuthentication().status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.verification().chipAuthentication().detail()).contains("copy");
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.NOT_AUTHENTIC);
        assertThat(r.person()).isEqualTo(p.person());
        assertThat(r.dataGroups()).contains("DG15", "SOD", "DG2");
    }

    @Test
    void anOnlineVerifiersChallengeIsSignedAsGiven() {
        Persona p = Personas.builtIn("dang-quoc-viet");
        byte[] challenge = {1, 2, 3, 4, 5, 6, 7, 8};
        ReadRequest request = new ReadRequest(List.of(DocumentFactory.profile(p, List.of()).bacKey()), false,
                List.of(trust), challenge);
        CardReadResult r = new DocumentReader().read(wire(MockCards.chip(p, List.of())), request, ProgressListener.NONE);
        assertThat(r.verification().activeAuthentication().status()).as(r.verification().activeAuthentication().detail())
                .isEqualTo(CheckResult.Status.PASSED);
    }

    @Test
    void anExtendedLengthChipIsReadInBlocksThatJavaxSmartcardioCanReceive() {
        // SunPCSC receives at most 8192 bytes per answer (the mock provider too): a larger block would be lost after
        // the chip answered, costing a secure messaging restart and the rest of the read in short blocks
        Persona p = Personas.builtIn("dang-quoc-viet");
        assertThat(DocumentFactory.profile(p, List.of()).extendedLength()).isTrue();
        RecordingChip chip = new RecordingChip(MockCards.chip(p, List.of()));
        ReadRequest request = new ReadRequest(List.of(DocumentFactory.profile(p, List.of()).bacKey()), true, List.of(trust));
        CardReadResult r = new DocumentReader().read(wire(chip), request, ProgressListener.NONE);
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
        List<RecordingChip.Exchange> trace = chip.exchanges();
        assertThat(trace).filteredOn(e -> e.ins() == 0x82).as("one BAC, no restart").hasSize(1);
        assertThat(trace).allMatch(e -> e.responseLength() <= 8192);
        int dg2 = DocumentFactory.files(p).get(vn.cccd.reader.lds.LdsFile.DG2).length;
        long reads = trace.stream().filter(e -> e.ins() == 0xB0 || e.ins() == 0xB1).count();
        // COM, DG1, DG13, DG14, DG15, SOD: one block each (DG15's read proves Chip Authentication, no extra APDU);
        // DG2 after Chip Authentication with AES in blocks of 8159 bytes, the most whose protected answer fits 8192
        assertThat(r.verification().chipAuthentication().status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(reads).isEqualTo(6 + (dg2 + 8158) / 8159);
        assertThat(trace).anyMatch(e -> e.responseLength() > 8180);
    }

    @Test
    void documentsAreDeterministic() {
        Persona p = Personas.builtIn("nguyen-van-a");
        assertThat(DocumentFactory.files(p)).usingRecursiveComparison().isEqualTo(DocumentFactory.files(p));
    }

    @Test
    void tamperedDg13IsNotAuthenticAndNamed() {
        CardReadResult r = read(Personas.builtIn("nguyen-van-a"), "tamper-dg13");
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.NOT_AUTHENTIC);
        assertThat(r.verification().passiveAuthentication().dataGroupHashes())
                .containsEntry("DG13", PassiveAuthentication.HashStatus.MISMATCH);
        assertThat(r.verification().passiveAuthentication().problems()).anyMatch(s -> s.contains("DG13"));
    }

    @Test
    void aBadSodSignatureIsNotAuthentic() {
        CardReadResult r = read(Personas.builtIn("nguyen-thi-a"), "bad-sod-signature");
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.NOT_AUTHENTIC);
        assertThat(r.verification().passiveAuthentication().signatureValid()).isFalse();
    }

    @Test
    void anUnknownCscaIsUnverified() {
        CardReadResult r = read(Personas.builtIn("nguyen-thi-a"), "unknown-csca");
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.UNVERIFIED);
        assertThat(r.verification().passiveAuthentication().status()).isEqualTo(PassiveAuthentication.Status.UNTRUSTED);
    }

    @Test
    void aCardThatOutlivedItsDocumentSignerIsAuthenticWithANote() {
        // issued 2021-04-15, valid to 2035; its Document Signer's certificate ran out on 2025-12-31
        CardReadResult r = read(Personas.builtIn("nguyen-thi-hong-nhung"), "expired-document-signer");
        PassiveAuthentication pa = r.verification().passiveAuthentication();
        assertThat(pa.status()).isEqualTo(PassiveAuthentication.Status.VALID);
        assertThat(pa.problems()).isEmpty();
        assertThat(pa.notes()).singleElement().asString()
                .startsWith("The Document Signer certificate expired on 2025-12-31").contains("2021-04-15");
        assertThat(r.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
    }
}
