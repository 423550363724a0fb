package vn.cccd.reader.diagnose;

import java.util.List;

/** The card report as text, for a terminal or a bug report written by hand. */
final class ReportText {
    private ReportText() {
    }

    static String of(CardReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.report()).append('\n');
        line(out, "Reader", r.reader());
        line(out, "ATR", r.atr());
        line(out, "Extended length", String.valueOf(r.extendedLength()));
        CardReport.Outcome o = r.outcome();
        line(out, "Outcome", (o.completed() ? "read completed" : "read stopped: " + o.error() + " (" + o.message() + ")")
                + ", exit code " + o.exitCode());
        if (r.verification() != null) {
            CardReport.Checks c = r.verification();
            line(out, "Verification", c.overall() + "; passive " + c.passiveAuthentication() + " " + c.dataGroupHashes()
                    + "; active " + c.activeAuthentication() + "; chip " + c.chipAuthentication());
        }
        out.append("EF.CardAccess:");
        if (r.cardAccess() == null) {
            out.append(" not read\n");
        } else if (r.cardAccess().isEmpty()) {
            out.append(" no protocol\n");
        } else {
            out.append('\n');
            for (CardReport.Protocol p : r.cardAccess()) {
                out.append("  ").append(p.oid()).append(p.name() == null ? "" : " " + p.name())
                        .append(p.version() == null ? "" : " version " + p.version())
                        .append(p.parameterId() == null ? "" : " parameter " + p.parameterId()).append('\n');
            }
        }
        out.append("Access control: ").append(r.accessControl().worked() == null ? "none worked"
                : r.accessControl().worked() + " worked").append('\n');
        for (CardReport.Attempt a : r.accessControl().attempts()) {
            out.append("  ").append(a.protocol()).append(a.worked() ? " worked" : " refused").append(" (SW ")
                    .append(a.sw()).append(", APDUs ").append(a.firstApdu()).append('-').append(a.lastApdu())
                    .append(")\n");
        }
        if (r.accessControl().recorded() != null) {
            for (vn.cccd.reader.model.AccessAttempt a : r.accessControl().recorded()) {
                out.append("  reader's record: ").append(a.protocol()).append(" with ").append(a.password())
                        .append(" (candidate ").append(a.candidate()).append("): ").append(a.outcome()).append('\n');
            }
        }
        out.append("Files:\n");
        for (CardReport.FileReport f : r.files()) {
            out.append("  ").append(f.file()).append(": ").append(f.status());
            if (f.bytes() != null) {
                out.append(", ").append(f.bytes()).append(" bytes");
            }
            if (f.sw() != null) {
                out.append(", last SW ").append(f.sw());
            }
            if (f.blocks() != null && !f.blocks().isEmpty()) {
                out.append(", blocks ").append(f.blocks());
            }
            if (f.parses() != null) {
                out.append(f.parses() ? ", parses" : ", does not parse (" + f.parseError() + ")");
            }
            out.append('\n');
            if (f.skeleton() != null) {
                nodes(out, f.skeleton(), 2);
            }
        }
        out.append("APDUs (index, ms from start, µs, step, header, name, sent bytes, received data bytes, SW):\n");
        for (ApduRecord a : r.apdus()) {
            out.append(String.format("  %4d %6d %8d  %-22s %s %-34s %5d %5d  %s%n", a.index(), a.atMillis(), a.micros(),
                    a.step(), a.command(), a.name() + (a.selects() == null ? "" : " " + a.selects()), a.sent(),
                    a.received(), a.sw() != null ? a.sw() : a.failure()));
        }
        CardReport.Stats s = r.stats();
        out.append("Total: ").append(s.apdus()).append(" APDUs, ").append(s.bytesSent()).append(" bytes sent, ")
                .append(s.bytesReceived()).append(" received, ").append(s.millis()).append(" ms\n");
        return out.toString();
    }

    private static void nodes(StringBuilder out, List<TlvSkeleton.Node> nodes, int indent) {
        for (TlvSkeleton.Node n : nodes) {
            out.append("  ".repeat(indent));
            if (n.error() != null && n.tag() == null) {
                out.append("! ").append(n.error()).append('\n');
                continue;
            }
            out.append(n.tag());
            if (n.type() != null) {
                out.append(' ').append(n.type());
            }
            if (n.field() != null) {
                out.append(" [field ").append(n.field()).append(']');
            }
            out.append(" len ").append(n.length());
            if (Boolean.TRUE.equals(n.indefinite())) {
                out.append(" (indefinite)");
            }
            if (n.value() != null) {
                out.append(" = ").append(n.value());
            }
            if (n.chars() != null) {
                out.append(": ").append(n.chars()).append(' ').append(n.chars() == 1 ? "character" : "characters");
            }
            if (n.kind() != null) {
                out.append(n.chars() != null ? ", " : ": ").append(n.kind());
            }
            if (n.shape() != null) {
                out.append(" \u00ab").append(n.shape()).append('\u00bb');
            }
            if (n.error() != null) {
                out.append(" ! ").append(n.error());
            }
            out.append('\n');
            if (n.children() != null) {
                nodes(out, n.children(), indent + 1);
            }
        }
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value == null ? "-" : value).append('\n');
    }
}
