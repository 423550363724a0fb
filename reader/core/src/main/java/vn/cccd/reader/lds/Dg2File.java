package vn.cccd.reader.lds;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.image.FaceImage;
import vn.cccd.reader.lds.image.FaceImageDecoder;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Hex;

/**
 * DG2, the encoded face (ICAO 9303-10 §4.7.2): a biometric information group template {@code 7F61} with one
 * {@code 7F60} template per image, each with a biometric header {@code A1} and a biometric data block
 * ({@code 5F2E}, or {@code 7F2E}) holding an ISO/IEC 19794-5 facial record ("FAC\0"). A CCCD's DG2 is one JPEG,
 * under 64 KiB.
 *
 * <p>Parsing reads the images and the sizes their headers state; it does not decode images (that is
 * {@link FaceImageDecoder}'s bounded job).
 */
public final class Dg2File {
    public static final int TAG_GROUP = 0x7F61;
    public static final int TAG_INSTANCE = 0x7F60;
    public static final int TAG_HEADER = 0xA1;
    public static final int TAG_DATA_BLOCK = 0x5F2E;
    public static final int TAG_DATA_BLOCK_CONSTRUCTED = 0x7F2E;
    private static final int TAG_COUNT = 0x02;
    private static final byte[] FAC = {'F', 'A', 'C', 0};
    private static final byte[] VERSION_010 = {'0', '1', '0', 0};
    private static final int RECORD_HEADER_LENGTH = 14;
    /** Images per DG2 beyond which the file is not a real document. */
    private static final int MAX_IMAGES = 16;
    /** The biometric header the builder writes: ICAO header version 1.1, facial features, ISO SC 37 19794-5. */
    private static final String HEADER = "80 02 0101  81 01 02  82 01 00  87 02 0101  88 02 0008";

    private final List<FaceImage> faces;

    public Dg2File(List<FaceImage> faces) {
        if (faces.isEmpty() || faces.size() > MAX_IMAGES) {
            throw new IllegalArgumentException("DG2 holds 1 to " + MAX_IMAGES + " images");
        }
        this.faces = List.copyOf(faces);
    }

    /** DG2 with one JPEG portrait (see {@link FaceImage#ofJpeg}). */
    public static Dg2File ofJpeg(byte[] jpeg) {
        return new Dg2File(List.of(FaceImage.ofJpeg(jpeg)));
    }

    public List<FaceImage> faces() {
        return faces;
    }

    /** The first (on a CCCD, the only) portrait. */
    public FaceImage face() {
        return faces.get(0);
    }

    public static Dg2File parse(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new MalformedDataException("DG2 is empty");
        }
        BerReader top = new BerReader(encoded, 0, encoded.length, "DG2");
        BerReader.Element root = top.expect(LdsFile.DG2.tag());
        if (top.hasMore()) {
            throw new MalformedDataException("DG2: trailing bytes after tag 75");
        }
        BerReader dg2 = top.inside(root, "DG2");
        BerReader.Element groupElement = dg2.expect(TAG_GROUP);
        BerReader group = dg2.inside(groupElement, "DG2 7F61");
        BerReader.Element countElement = group.expect(TAG_COUNT);
        int count = LdsTlv.smallInt(Tlv.of(TAG_COUNT, group.value(countElement)), "DG2 instance count");
        List<FaceImage> faces = new ArrayList<>();
        int instances = 0;
        while (group.hasMore()) {
            BerReader.Element e = group.next();
            if (e.tag() != TAG_INSTANCE) {
                continue; // other templates in the group are not faces
            }
            instances++;
            readInstance(group.inside(e, "DG2 7F60"), faces);
            if (faces.size() > MAX_IMAGES) {
                throw new MalformedDataException("DG2 holds more than " + MAX_IMAGES + " images");
            }
        }
        if (instances != count) {
            throw new MalformedDataException("DG2 announces " + count + " images but holds " + instances);
        }
        if (faces.isEmpty()) {
            throw new MalformedDataException("DG2 holds no image");
        }
        return new Dg2File(faces);
    }

    private static void readInstance(BerReader instance, List<FaceImage> out) {
        byte[] block = null;
        while (instance.hasMore()) {
            BerReader.Element e = instance.next();
            if (e.tag() == TAG_DATA_BLOCK || e.tag() == TAG_DATA_BLOCK_CONSTRUCTED) {
                if (block != null) {
                    throw new MalformedDataException("DG2 template holds two biometric data blocks");
                }
                block = instance.value(e);
            }
        }
        if (block == null) {
            throw new MalformedDataException("DG2 template has no biometric data block (5F2E)");
        }
        readFacialRecord(block, out);
    }

    private static void readFacialRecord(byte[] block, List<FaceImage> out) {
        ByteBuffer in = ByteBuffer.wrap(block);
        if (block.length < RECORD_HEADER_LENGTH) {
            throw new MalformedDataException("DG2 biometric data block is too short for an ISO/IEC 19794-5 record");
        }
        byte[] magic = new byte[4];
        in.get(magic);
        if (!java.util.Arrays.equals(magic, FAC)) {
            throw new MalformedDataException("DG2 biometric data is not an ISO/IEC 19794-5 facial record (starts "
                    + Hex.encode(magic) + ")");
        }
        in.get(new byte[4]); // version, "010\0" in ICAO documents; not needed to read the images
        long recordLength = Integer.toUnsignedLong(in.getInt());
        int images = Short.toUnsignedInt(in.getShort());
        if (recordLength < RECORD_HEADER_LENGTH || recordLength > block.length) {
            throw new MalformedDataException("DG2 facial record length " + recordLength + " does not fit the "
                    + block.length + "-byte data block");
        }
        if (images == 0) {
            throw new MalformedDataException("DG2 facial record holds no image");
        }
        in.limit((int) recordLength);
        for (int i = 0; i < images; i++) {
            if (out.size() >= MAX_IMAGES) {
                throw new MalformedDataException("DG2 holds more than " + MAX_IMAGES + " images");
            }
            out.add(FaceImage.read(in));
        }
    }

    public byte[] encode() {
        List<Tlv> group = new ArrayList<>();
        group.add(LdsTlv.integer(faces.size()));
        for (FaceImage f : faces) {
            byte[] entry = f.encodeEntry();
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            record.writeBytes(FAC);
            record.writeBytes(VERSION_010);
            ByteBuffer lengths = ByteBuffer.allocate(6).putInt(RECORD_HEADER_LENGTH + entry.length).putShort((short) 1);
            record.writeBytes(lengths.array());
            record.writeBytes(entry);
            group.add(Tlv.of(TAG_INSTANCE,
                    Tlv.of(TAG_HEADER, Tlv.parseAll(Hex.decode(HEADER))),
                    Tlv.of(TAG_DATA_BLOCK, record.toByteArray())));
        }
        return Tlv.of(LdsFile.DG2.tag(), Tlv.of(TAG_GROUP, group)).encode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dg2File d && d.faces.equals(faces);
    }

    @Override
    public int hashCode() {
        return faces.hashCode();
    }

    @Override
    public String toString() {
        return "Dg2File" + faces;
    }
}
