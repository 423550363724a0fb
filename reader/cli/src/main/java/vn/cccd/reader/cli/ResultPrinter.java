package vn.cccd.reader.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.cccd.reader.model.AccessAttempt;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.Person;
import vn.cccd.reader.model.Verification;

/** Prints a card read result as the contract JSON or as text for a person at a terminal. */
final class ResultPrinter {
    private ResultPrinter() {
    }

    static void print(CardReadResult r, boolean json, PrintStream out) {
        if (json) {
            try {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the result cannot be written as JSON", e);
            }
            return;
        }
        Person p = r.person();
        out.println("Giấy tờ / Document: " + r.document().type() + " " + nz(r.document().issuingState())
                + " " + nz(r.document().documentNumber()));
        line(out, "Số định danh / ID number", p.idNumber());
        line(out, "Họ và tên / Full name", p.fullName());
        line(out, "Ngày sinh / Date of birth", p.dateOfBirth());
        line(out, "Giới tính / Sex", p.sex());
        line(out, "Quốc tịch / Nationality", p.nationality());
        line(out, "Dân tộc / Ethnicity", p.ethnicity());
        line(out, "Tôn giáo / Religion", p.religion());
        line(out, "Quê quán / Place of origin", p.placeOfOrigin());
        line(out, "Nơi thường trú / Residence", p.placeOfResidence());
        line(out, "Đặc điểm nhận dạng / Marks", p.identifyingMarks());
        line(out, "Ngày cấp / Issued", p.issueDate());
        line(out, "Có giá trị đến / Expires", p.expiryDate() == null ? "không thời hạn / no expiry" : p.expiryDate());
        line(out, "Họ tên cha / Father", p.fatherName());
        line(out, "Họ tên mẹ / Mother", p.motherName());
        line(out, "Vợ/chồng / Spouse", p.spouseName());
        line(out, "Số CMND cũ / Old ID", p.oldIdNumber());
        if (r.face() != null) {
            out.println("Ảnh / Portrait: " + r.face().mimeType() + " " + r.face().width() + "x" + r.face().height());
        }
        Verification v = r.verification();
        PassiveAuthentication pa = v.passiveAuthentication();
        out.println();
        out.println("Kết quả / Verdict: " + verdict(v.overall()));
        out.println("  Access control: " + v.accessControl() + triedBefore(r));
        out.println("  Passive Authentication: " + pa.status() + " (signature " + (pa.signatureValid() ? "valid" : "not valid")
                + ", chain " + (pa.chainTrusted() ? "trusted" : "not trusted") + ")");
        for (Map.Entry<String, PassiveAuthentication.HashStatus> e : pa.dataGroupHashes().entrySet()) {
            out.println("    " + e.getKey() + ": " + e.getValue());
        }
        if (pa.documentSigner() != null) {
            out.println("    Document Signer: " + pa.documentSigner().subject());
        }
        if (pa.csca() != null) {
            out.println("    CSCA: " + pa.csca().subject());
        }
        for (String problem : pa.problems()) {
            out.println("    ! " + problem);
        }
        for (String note : pa.notes()) {
            out.println("    i " + note);
        }
        out.println("  Active Authentication: " + check(v.activeAuthentication()));
        out.println("  Chip Authentication: " + check(v.chipAuthentication()));
        if (v.qrMatchesChip() != null) {
            out.println("  Mã QR / QR code: " + (v.qrMatchesChip() ? "khớp với chip / matches the chip"
                    : "KHÔNG khớp với chip / does NOT match the chip"));
        }
        out.println("  Files: " + String.join(", ", r.dataGroups()));
        for (vn.cccd.reader.model.FileProblem fp : r.problems()) {
            out.println("  ! Tệp không đọc được / File not understood: " + fp.file() + ": " + fp.message());
        }
        if (r.stats() != null && r.stats().apdus() > 0) {
            out.println("  " + r.stats().apdus() + " APDUs, " + r.stats().bytesSent() + " bytes sent, "
                    + r.stats().bytesReceived() + " received, " + r.stats().millis() + " ms");
        }
    }

    private static String verdict(Verification.Overall o) {
        return switch (o) {
            case AUTHENTIC -> "AUTHENTIC - chip xác thực / the chip is authentic";
            case NOT_AUTHENTIC -> "NOT_AUTHENTIC - dữ liệu không xác thực / the data failed verification";
            case UNVERIFIED -> "UNVERIFIED - chưa xác thực được / could not be verified";
        };
    }

    private static String check(CheckResult c) {
        return c.status() + (c.detail() == null ? "" : " (" + c.detail() + ")");
    }

    private static void line(PrintStream out, String label, String value) {
        if (value != null) {
            out.println(label + ": " + value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * The steps before the one that opened the chip, counted by protocol and outcome, e.g.
     * " (after PACE refused 3 keys, BAC refused 2 keys)"; never a key value.
     */
    private static String triedBefore(CardReadResult r) {
        if (r.stats() == null || r.stats().accessAttempts().size() < 2) {
            return "";
        }
        List<AccessAttempt> all = r.stats().accessAttempts();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AccessAttempt a : all.subList(0, all.size() - 1)) {
            counts.merge(a.protocol() + " " + a.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1,
                    Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((step, n) -> parts.add(step + " " + n + (n == 1 ? " key" : " keys")));
        return " (after " + String.join(", ", parts) + ")";
    }
}
