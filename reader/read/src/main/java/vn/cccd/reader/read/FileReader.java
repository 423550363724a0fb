package vn.cccd.reader.read;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.apdu.StatusWordException;
import vn.cccd.reader.error.TransportException;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.transport.CardTransport;

/**
 * Reads whole elementary files from the chip under secure messaging: the first block by short file identifier
 * (no SELECT round trip), the rest by offset, odd INS B1 above offset 32767, with the adaptive block size of
 * {@link BlockSizes}. The file's length comes from its own TLV header, so nothing is read twice.
 *
 * <p>Every loop is bounded: a file may not exceed {@link #MAX_FILE} bytes, every block must advance the offset,
 * and a block is retried at most {@link #MAX_ATTEMPTS} times.
 */
final class FileReader {
    static final int MAX_FILE = 512 * 1024;
    static final int MAX_ATTEMPTS = 10;

    private final ChipSession session;
    private final BlockSizes sizes;
    private final ProgressListener progress;
    private boolean sfiWorks = true;
    private LdsFile selected;

    FileReader(ChipSession session, BlockSizes sizes, ProgressListener progress) {
        this.session = session;
        this.sizes = sizes;
        this.progress = progress;
    }

    /** The file's bytes, or empty when the chip does not have it or will not show it (6A82, 6982). */
    Optional<byte[]> read(LdsFile file) {
        progress.onProgress(file.contractName(), 0, -1);
        Block first = readBlock(file, 0, -1);
        if (first.absent) {
            return Optional.empty();
        }
        byte[] head = first.data;
        int total;
        try {
            total = Tlv.totalLength(head);
        } catch (MalformedDataException e) {
            throw new MalformedDataException(file.contractName() + " does not start with a valid TLV header", e);
        }
        if (total < 0) {
            throw new MalformedDataException(file.contractName() + " is too short to hold its TLV header ("
                    + head.length + " bytes)");
        }
        if (total > MAX_FILE) {
            throw new MalformedDataException(file.contractName() + " claims " + total + " bytes, more than the "
                    + MAX_FILE + " an eMRTD file may have");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        out.write(head, 0, Math.min(head.length, total));
        progress.onProgress(file.contractName(), out.size(), total);
        while (out.size() < total) {
            Block b = readBlock(file, out.size(), total - out.size());
            if (b.absent || b.data.length == 0) {
                throw new MalformedDataException(file.contractName() + " ended after " + out.size() + " of "
                        + total + " bytes");
            }
            out.write(b.data, 0, Math.min(b.data.length, total - out.size()));
            progress.onProgress(file.contractName(), out.size(), total);
        }
        progress.onFile(file.contractName(), out.toByteArray());
        return Optional.of(out.toByteArray());
    }

    private record Block(byte[] data, boolean absent) {
    }

    /**
     * One READ BINARY at {@code offset}; {@code remaining} is -1 for the first block of a file. Handles block
     * size steps, lost secure messaging and 6Cxx in a bounded loop.
     */
    private Block readBlock(LdsFile file, int offset, int remaining) {
        int exactLe = -1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            boolean bySfi = offset == 0 && sfiWorks && selected != file;
            int block = sizes.current(session.cipherBlockSize(), !bySfi && offset > Iso7816.MAX_B0_OFFSET);
            int n = exactLe > 0 ? exactLe : remaining < 0 ? block : Math.min(block, remaining);
            exactLe = -1;
            if (!bySfi && selected != file) {
                Optional<Integer> refused = select(file);
                if (refused.isPresent()) {
                    return new Block(null, true);
                }
            }
            CommandApdu command = command(file, offset, n, bySfi);
            ResponseApdu r;
            try {
                r = session.secure().transmit(command);
            } catch (CardLostException e) {
                throw e;
            } catch (TransportException e) {
                if (!stepDown(command)) {
                    throw e;
                }
                recover();
                continue;
            }
            if (session.lost()) {
                // Answered in plain: the chip dropped secure messaging, typically over a length it refuses.
                int sw = r.sw();
                boolean lengthProblem = sw == StatusWords.WRONG_LENGTH || StatusWords.isCorrectLength(sw);
                if (!lengthProblem || !stepDown(command)) {
                    throw new StatusWordException("READ BINARY " + file.contractName(), sw);
                }
                recover();
                continue;
            }
            int sw = r.sw();
            if (sw == StatusWords.SUCCESS || sw == StatusWords.END_OF_FILE_WARNING) {
                if (bySfi) {
                    selected = file;
                }
                byte[] data = r.data();
                return new Block(command.ins() == Iso7816.INS_READ_BINARY_ODD ? unwrapOdd(file, data) : data, false);
            }
            if (StatusWords.isCorrectLength(sw) && (sw & 0xFF) > 0) {
                exactLe = sw & 0xFF;
                continue;
            }
            if (sw == StatusWords.WRONG_LENGTH) {
                if (!stepDown(command)) {
                    throw new StatusWordException("READ BINARY " + file.contractName(), sw);
                }
                continue;
            }
            if (bySfi && offset == 0) {
                if (sw == StatusWords.FILE_NOT_FOUND || sw == StatusWords.INCORRECT_P1P2
                        || sw == StatusWords.WRONG_P1P2 || sw == StatusWords.FUNCTION_NOT_SUPPORTED) {
                    // Some chips know no SFIs: confirm by FID before calling the file absent.
                    sfiWorks = sw == StatusWords.FILE_NOT_FOUND;
                    selected = null;
                    Optional<Integer> refused = select(file);
                    if (refused.isPresent()) {
                        return new Block(null, true);
                    }
                    continue;
                }
                if (sw == StatusWords.SECURITY_STATUS_NOT_SATISFIED) {
                    return new Block(null, true);
                }
            }
            throw new StatusWordException("READ BINARY " + file.contractName(), sw);
        }
        throw new MalformedDataException("gave up reading " + file.contractName() + " after " + MAX_ATTEMPTS
                + " attempts at offset " + offset);
    }

    /** SELECT by FID; the refusing status word when the file is absent or locked. */
    private Optional<Integer> select(LdsFile file) {
        int fid = file.fid();
        ResponseApdu r = session.secure().transmit(Iso7816.selectFile(fid));
        if (session.lost()) {
            recover();
            return select(file);
        }
        if (r.sw() == StatusWords.FILE_NOT_FOUND || r.sw() == StatusWords.SECURITY_STATUS_NOT_SATISFIED) {
            return Optional.of(r.sw());
        }
        StatusWords.check(r, "SELECT " + file.contractName());
        selected = file;
        return Optional.empty();
    }

    private boolean stepDown(CommandApdu failed) {
        if (failed.isExtended() || sizes.extended() && failed.ne() > CommandApdu.MAX_SHORT_NE) {
            sizes.dropExtended();
            return true;
        }
        return sizes.stepDown();
    }

    /** Opens access control again (the session was lost) and forgets the selected file. */
    void recover() {
        session.reopen();
        selected = null;
    }

    private static CommandApdu command(LdsFile file, int offset, int n, boolean bySfi) {
        if (bySfi) {
            return Iso7816.readBinarySfi(file.sfi(), n);
        }
        if (offset <= Iso7816.MAX_B0_OFFSET) {
            return Iso7816.readBinary(offset, n);
        }
        byte[] off = offset > 0xFFFF ? new byte[] {(byte) (offset >> 16), (byte) (offset >> 8), (byte) offset}
                : new byte[] {(byte) (offset >> 8), (byte) offset};
        return Iso7816.readBinaryOdd(Tlv.of(0x54, off).encode(), Math.min(n + 4, CommandApdu.MAX_EXTENDED_NE));
    }

    private static byte[] unwrapOdd(LdsFile file, byte[] data) {
        if (data.length == 0) {
            return data;
        }
        Tlv t = Tlv.parseFirst(data);
        if (t.tag() != 0x53) {
            throw new MalformedDataException("READ BINARY B1 of " + file.contractName() + " did not answer DO'53'");
        }
        return t.value();
    }

    /** Reads EF.CardAccess in plain, before access control (it lives in the master file). */
    static Optional<byte[]> readCardAccess(CardTransport card) {
        int fid = LdsFile.CARD_ACCESS.fid();
        ResponseApdu sel = card.transmit(Iso7816.selectFile(fid));
        if (sel.sw() != StatusWords.SUCCESS) {
            return Optional.empty();
        }
        ResponseApdu r = card.transmit(Iso7816.readBinary(0, 223));
        if (r.sw() != StatusWords.SUCCESS && r.sw() != StatusWords.END_OF_FILE_WARNING) {
            return Optional.empty();
        }
        byte[] data = r.data();
        int total = Tlv.totalLength(data);
        if (total < 0 || total > 4096) {
            throw new MalformedDataException("EF.CardAccess claims " + total + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, Math.min(total, data.length));
        int guard = 0;
        while (out.size() < total && guard++ < 32) {
            ResponseApdu more = card.transmit(Iso7816.readBinary(out.size(), Math.min(223, total - out.size())));
            StatusWords.check(more, "READ BINARY CardAccess", StatusWords.END_OF_FILE_WARNING);
            if (more.dataLength() == 0) {
                throw new MalformedDataException("EF.CardAccess ended early");
            }
            out.write(more.data(), 0, Math.min(more.dataLength(), total - out.size()));
        }
        if (out.size() < total) {
            throw new MalformedDataException("EF.CardAccess ended early");
        }
        return Optional.of(out.toByteArray());
    }
}
