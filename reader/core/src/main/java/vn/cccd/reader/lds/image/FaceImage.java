package vn.cccd.reader.lds.image;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.model.Face;

/**
 * One facial image of DG2: the image bytes exactly as stored, their type, and the ISO/IEC 19794-5 facial record
 * around them (facial information, feature points, image information). Width and height are those the 19794-5
 * header states; the image is not decoded here (see {@link FaceImageDecoder}).
 */
public final class FaceImage {
    public static final String JPEG = "image/jpeg";
    public static final String JPEG2000 = "image/jp2";
    /** 19794-5 image data type. */
    public static final int DATA_TYPE_JPEG = 0;
    public static final int DATA_TYPE_JPEG2000 = 1;
    /** 19794-5 face image type "full frontal", which ICAO asks for. */
    public static final int FULL_FRONTAL = 1;
    static final int FACIAL_INFORMATION_LENGTH = 14;
    static final int FEATURE_POINT_LENGTH = 8;
    static final int IMAGE_INFORMATION_LENGTH = 12;
    /** Facial record data length field, feature point count, facial information, image information. */
    static final int FIXED_LENGTH = 4 + 2 + FACIAL_INFORMATION_LENGTH + IMAGE_INFORMATION_LENGTH;

    private static final byte[] JP2_SIGNATURE = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
    private static final byte[] J2K_CODESTREAM = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};

    private final byte[] image;
    private final String mimeType;
    private final int width;
    private final int height;
    private final byte[] facialInformation;
    private final byte[] featurePoints;
    private final int faceImageType;
    private final int imageDataType;
    private final int colourSpace;
    private final int sourceType;
    private final int deviceType;
    private final int quality;

    private FaceImage(byte[] image, int width, int height, byte[] facialInformation, byte[] featurePoints,
            int faceImageType, int imageDataType, int colourSpace, int sourceType, int deviceType, int quality) {
        this.image = image.clone();
        this.mimeType = sniff(image);
        if (width < 0 || width > 0xFFFF || height < 0 || height > 0xFFFF) {
            throw new IllegalArgumentException("width and height are 16-bit values");
        }
        this.width = width;
        this.height = height;
        this.facialInformation = facialInformation.clone();
        this.featurePoints = featurePoints.clone();
        this.faceImageType = faceImageType;
        this.imageDataType = imageDataType;
        this.colourSpace = colourSpace;
        this.sourceType = sourceType;
        this.deviceType = deviceType;
        this.quality = quality;
    }

    /**
     * A JPEG portrait with the size read from its frame header and ICAO defaults: full frontal, 24-bit RGB,
     * digital still camera, no feature points, unspecified gender, eyes, hair and pose.
     *
     * @throws MalformedDataException when the bytes are not a JPEG with a frame header
     */
    public static FaceImage ofJpeg(byte[] jpeg) {
        int[] size = JpegDimensions.of(jpeg);
        return of(jpeg, size[0], size[1]);
    }

    /** A JPEG or JPEG 2000 portrait of the stated size, with the defaults of {@link #ofJpeg}. */
    public static FaceImage of(byte[] image, int width, int height) {
        String mime = sniff(image);
        return new FaceImage(image, width, height, new byte[FACIAL_INFORMATION_LENGTH], new byte[0], FULL_FRONTAL,
                JPEG.equals(mime) ? DATA_TYPE_JPEG : DATA_TYPE_JPEG2000, 1, 2, 0, 0);
    }

    /**
     * "image/jpeg" for FF D8, "image/jp2" for a JP2 file (signature box) or a raw JPEG 2000 codestream
     * (FF 4F FF 51).
     *
     * @throws MalformedDataException for anything else
     */
    public static String sniff(byte[] image) {
        if (image.length >= 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8) {
            return JPEG;
        }
        if (startsWith(image, JP2_SIGNATURE) || startsWith(image, J2K_CODESTREAM)) {
            return JPEG2000;
        }
        throw new MalformedDataException("DG2 image is neither JPEG nor JPEG 2000");
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }

    // ---- ISO/IEC 19794-5 facial record (one image) ----

    /** Reads one facial record entry at the buffer's position; the buffer is bounded by the record. */
    public static FaceImage read(ByteBuffer in) {
        if (in.remaining() < FIXED_LENGTH) {
            throw new MalformedDataException("DG2 facial record is truncated");
        }
        long dataLength = Integer.toUnsignedLong(in.getInt());
        int featureCount = Short.toUnsignedInt(in.getShort());
        long fixed = FIXED_LENGTH + (long) featureCount * FEATURE_POINT_LENGTH;
        if (dataLength < fixed || dataLength - 6 > in.remaining()) {
            throw new MalformedDataException("DG2 facial record length " + dataLength + " does not fit ("
                    + featureCount + " feature points, " + (in.remaining() + 6) + " bytes left)");
        }
        byte[] info = new byte[FACIAL_INFORMATION_LENGTH];
        in.get(info);
        byte[] points = new byte[featureCount * FEATURE_POINT_LENGTH];
        in.get(points);
        int faceImageType = Byte.toUnsignedInt(in.get());
        int imageDataType = Byte.toUnsignedInt(in.get());
        int width = Short.toUnsignedInt(in.getShort());
        int height = Short.toUnsignedInt(in.getShort());
        int colourSpace = Byte.toUnsignedInt(in.get());
        int sourceType = Byte.toUnsignedInt(in.get());
        int deviceType = Short.toUnsignedInt(in.getShort());
        int quality = Short.toUnsignedInt(in.getShort());
        byte[] image = new byte[(int) (dataLength - fixed)];
        in.get(image);
        return new FaceImage(image, width, height, info, points, faceImageType, imageDataType, colourSpace,
                sourceType, deviceType, quality);
    }

    /** This image's facial record entry (without the record header). */
    public byte[] encodeEntry() {
        int length = FIXED_LENGTH + featurePoints.length + image.length;
        ByteBuffer out = ByteBuffer.allocate(length);
        out.putInt(length);
        out.putShort((short) (featurePoints.length / FEATURE_POINT_LENGTH));
        out.put(facialInformation);
        out.put(featurePoints);
        out.put((byte) faceImageType).put((byte) imageDataType);
        out.putShort((short) width).putShort((short) height);
        out.put((byte) colourSpace).put((byte) sourceType);
        out.putShort((short) deviceType).putShort((short) quality);
        out.put(image);
        return out.array();
    }

    // ---- accessors ----

    /** The image bytes exactly as stored on the chip. */
    public byte[] image() {
        return image.clone();
    }

    /** "image/jpeg" or "image/jp2", from the bytes themselves. */
    public String mimeType() {
        return mimeType;
    }

    /** Width in pixels as the 19794-5 header states it. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** 19794-5 image data type: 0 JPEG, 1 JPEG 2000. */
    public int imageDataType() {
        return imageDataType;
    }

    public int faceImageType() {
        return faceImageType;
    }

    /** 19794-5 gender code: 0 unspecified, 1 male, 2 female, 0xFF unknown. */
    public int gender() {
        return Byte.toUnsignedInt(facialInformation[0]);
    }

    public int featurePointCount() {
        return featurePoints.length / FEATURE_POINT_LENGTH;
    }

    /** The contract's face object (image bytes in base64, unchanged). */
    public Face toFace() {
        return new Face(mimeType, width, height, Base64.getEncoder().encodeToString(image));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceImage f && Arrays.equals(f.image, image) && f.width == width && f.height == height
                && Arrays.equals(f.facialInformation, facialInformation)
                && Arrays.equals(f.featurePoints, featurePoints) && f.faceImageType == faceImageType
                && f.imageDataType == imageDataType && f.colourSpace == colourSpace && f.sourceType == sourceType
                && f.deviceType == deviceType && f.quality == quality;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(image), width, height, imageDataType);
    }

    /** Type and size only: the portrait is personal data. */
    @Override
    public String toString() {
        return "FaceImage[" + mimeType + ", " + width + "x" + height + ", " + image.length + " bytes]";
    }
}
