package vn.cccd.reader.sm;

/**
 * The session-key half of secure messaging: encryption of DO'87' contents and the 8-byte MAC. Both
 * implementations keep their keys private and forget them on {@link #wipe()}.
 */
public interface SmCipher {
    /** Cipher block size: 8 for 3DES, 16 for AES (also the SSC length). */
    int blockSize();

    /** Encrypts already padded data; the SSC gives the IV for AES and is ignored by 3DES. */
    byte[] encrypt(byte[] ssc, byte[] padded);

    byte[] decrypt(byte[] ssc, byte[] cryptogram);

    /** The 8-byte MAC of already padded input (which starts with the SSC). */
    byte[] mac(byte[] padded);

    void wipe();
}
