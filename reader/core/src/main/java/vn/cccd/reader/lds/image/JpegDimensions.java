package vn.cccd.reader.lds.image;

import vn.cccd.reader.error.MalformedDataException;

/** Width and height from a JPEG's frame header (SOFn), without decoding the image. */
public final class JpegDimensions {
    private JpegDimensions() {
    }

    /** {width, height}. */
    public static int[] of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new MalformedDataException("not a JPEG image (no FF D8 start)");
        }
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new MalformedDataException("JPEG marker expected at offset " + i);
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                i += 2; // markers without a segment
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break; // end of image or start of scan before any frame header
            }
            int segment = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (segment < 2) {
                throw new MalformedDataException("JPEG segment length " + segment + " at offset " + i);
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                if (i + 9 > jpeg.length || segment < 7) {
                    throw new MalformedDataException("JPEG frame header is truncated");
                }
                int height = ((jpeg[i + 5] & 0xFF) << 8) | (jpeg[i + 6] & 0xFF);
                int width = ((jpeg[i + 7] & 0xFF) << 8) | (jpeg[i + 8] & 0xFF);
                if (width == 0 || height == 0) {
                    throw new MalformedDataException("JPEG frame header gives a size of " + width + "x" + height);
                }
                return new int[] {width, height};
            }
            i += 2 + segment;
        }
        throw new MalformedDataException("JPEG has no frame header");
    }
}
