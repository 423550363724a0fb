package vn.cccd.reader.lds.image;

import java.nio.ByteBuffer;
import vn.cccd.reader.error.MalformedDataException;

/**
 * The image and tile geometry from a JPEG 2000 SIZ marker (in a raw codestream or in the JP2 file's
 * {@code jp2c} box), read without the decoder so that a header claiming absurd sizes is refused before the
 * decoder allocates anything for it.
 */
record Jpeg2000Header(long width, long height, long tiles, int components) {
    private static final int SOC = 0xFF4F;
    private static final int SIZ = 0xFF51;
    private static final int JP2C = 0x6A703263; // "jp2c"
    /** Boxes in a JP2 before giving up (a real portrait has a handful). */
    private static final int MAX_BOXES = 64;

    static Jpeg2000Header of(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            if (data.length >= 2 && (in.getShort(0) & 0xFFFF) == SOC) {
                return siz(in);
            }
            for (int i = 0; i < MAX_BOXES && in.remaining() >= 8; i++) {
                int start = in.position();
                long length = Integer.toUnsignedLong(in.getInt());
                int type = in.getInt();
                if (length == 1) {
                    length = in.getLong();
                } else if (length == 0) {
                    length = data.length - start;
                }
                int header = in.position() - start;
                if (length < header || length > data.length - start) {
                    throw new MalformedDataException("JPEG 2000 box length " + length + " does not fit");
                }
                if (type == JP2C) {
                    ByteBuffer codestream = ByteBuffer.wrap(data, in.position(), (int) length - header).slice();
                    if (codestream.remaining() < 2 || (codestream.getShort(0) & 0xFFFF) != SOC) {
                        throw new MalformedDataException("JPEG 2000 codestream does not start with SOC");
                    }
                    return siz(codestream);
                }
                in.position(start + (int) length);
            }
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new MalformedDataException("JPEG 2000 header is truncated", e);
        }
        throw new MalformedDataException("JPEG 2000 file has no codestream");
    }

    private static Jpeg2000Header siz(ByteBuffer cs) {
        cs.getShort(); // SOC
        if ((cs.getShort() & 0xFFFF) != SIZ) {
            throw new MalformedDataException("JPEG 2000 codestream lacks its SIZ marker");
        }
        cs.getShort(); // Lsiz
        cs.getShort(); // Rsiz
        long xsiz = Integer.toUnsignedLong(cs.getInt());
        long ysiz = Integer.toUnsignedLong(cs.getInt());
        long xosiz = Integer.toUnsignedLong(cs.getInt());
        long yosiz = Integer.toUnsignedLong(cs.getInt());
        long xtsiz = Integer.toUnsignedLong(cs.getInt());
        long ytsiz = Integer.toUnsignedLong(cs.getInt());
        long xtosiz = Integer.toUnsignedLong(cs.getInt());
        long ytosiz = Integer.toUnsignedLong(cs.getInt());
        int csiz = Short.toUnsignedInt(cs.getShort());
        if (xsiz <= xosiz || ysiz <= yosiz || xtsiz == 0 || ytsiz == 0 || xtosiz > xosiz || ytosiz > yosiz) {
            throw new MalformedDataException("JPEG 2000 SIZ marker has an impossible geometry");
        }
        long tilesX = (xsiz - xtosiz + xtsiz - 1) / xtsiz;
        long tilesY = (ysiz - ytosiz + ytsiz - 1) / ytsiz;
        return new Jpeg2000Header(xsiz - xosiz, ysiz - yosiz, tilesX * tilesY, csiz);
    }
}
