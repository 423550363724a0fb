package vn.cccd.mock.fault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import vn.cccd.mock.chip.Chip;

/**
 * A fault a mock card can be served with ({@code serve --fault NAME}, repeatable). The names are part of the
 * public contract. Link-level faults ({@link ChipFault}) wrap the chip; document-level faults
 * ({@link DocumentFault}) change how the document factory builds and signs the files.
 */
public sealed interface Fault permits Fault.ChipFault, DocumentFault {

    /** The contract name, with its argument when it has one ({@code remove-after:20}). */
    String spec();

    /** Faults that sit between the reader and the chip, counting APDUs. */
    sealed interface ChipFault extends Fault permits RemoveAfter, MaxLe, GarbageAfter, StallAfter {
        /** Wraps {@code chip} so that it shows this fault. */
        Chip apply(Chip chip);
    }

    /** After {@code apdus} answered APDUs the card leaves the field. */
    record RemoveAfter(int apdus) implements ChipFault {
        public RemoveAfter {
            requireCount(apdus, "remove-after");
        }

        @Override
        public String spec() {
            return "remove-after:" + apdus;
        }

        @Override
        public Chip apply(Chip chip) {
            return new RemoveAfterChip(chip, apdus);
        }
    }

    /** READ BINARY with Le above {@code maxLe}, and any extended-length APDU, get 6700. */
    record MaxLe(int maxLe) implements ChipFault {
        public MaxLe {
            if (maxLe < 1 || maxLe > 65536) {
                throw new IllegalArgumentException("max-le:N needs N between 1 and 65536, got " + maxLe);
            }
        }

        @Override
        public String spec() {
            return "max-le:" + maxLe;
        }

        @Override
        public Chip apply(Chip chip) {
            return new MaxLeChip(chip, maxLe);
        }
    }

    /** After {@code apdus} answered APDUs every answer is random bytes. */
    record GarbageAfter(int apdus) implements ChipFault {
        public GarbageAfter {
            requireCount(apdus, "garbage-after");
        }

        @Override
        public String spec() {
            return "garbage-after:" + apdus;
        }

        @Override
        public Chip apply(Chip chip) {
            return new GarbageAfterChip(chip, apdus);
        }
    }

    /** After {@code apdus} answered APDUs the card stops answering (until it is removed). */
    record StallAfter(int apdus) implements ChipFault {
        public StallAfter {
            requireCount(apdus, "stall-after");
        }

        @Override
        public String spec() {
            return "stall-after:" + apdus;
        }

        @Override
        public Chip apply(Chip chip) {
            return new StallAfterChip(chip, apdus, StallAfterChip.DEFAULT_LIMIT);
        }
    }

    /** Every accepted spelling, for help texts and error messages. */
    static String knownNames() {
        StringBuilder sb = new StringBuilder();
        for (DocumentFault d : DocumentFault.values()) {
            sb.append(d.spec()).append(", ");
        }
        return sb.append("remove-after:N, max-le:N, garbage-after:N, stall-after:N").toString();
    }

    /**
     * Parses one contract fault name.
     *
     * @throws IllegalArgumentException with a message a user can act on, for an unknown name or a bad N
     */
    static Fault parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty fault name; known faults: " + knownNames());
        }
        String s = spec.strip().toLowerCase(Locale.ROOT);
        for (DocumentFault d : DocumentFault.values()) {
            if (d.spec().equals(s)) {
                return d;
            }
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("unknown fault '" + spec + "'; known faults: " + knownNames());
        }
        String name = s.substring(0, colon);
        int n = parseCount(spec, s.substring(colon + 1));
        switch (name) {
            case "remove-after":
                return new RemoveAfter(n);
            case "max-le":
                return new MaxLe(n);
            case "garbage-after":
                return new GarbageAfter(n);
            case "stall-after":
                return new StallAfter(n);
            default:
                throw new IllegalArgumentException("unknown fault '" + spec + "'; known faults: " + knownNames());
        }
    }

    /** Parses several names; a name given twice is an error (its meaning would be ambiguous). */
    static List<Fault> parseAll(Collection<String> specs) {
        List<Fault> out = new ArrayList<>();
        for (String spec : specs) {
            Fault f = parse(spec);
            for (Fault seen : out) {
                if (seen.getClass() == f.getClass() && (f instanceof ChipFault || seen == f)) {
                    throw new IllegalArgumentException("fault '" + spec + "' given more than once");
                }
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    /** Wraps {@code chip} in every link-level fault of {@code faults}, in the order given. */
    static Chip applyChipFaults(Chip chip, List<? extends Fault> faults) {
        Chip c = chip;
        for (Fault f : faults) {
            if (f instanceof ChipFault cf) {
                c = cf.apply(c);
            }
        }
        return c;
    }

    private static int parseCount(String original, String digits) {
        if (!digits.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("fault '" + original + "' needs a whole number after ':'");
        }
        return Integer.parseInt(digits);
    }

    private static void requireCount(int n, String name) {
        if (n < 0) {
            throw new IllegalArgumentException(name + ":N needs N >= 0, got " + n);
        }
    }
}
