package vn.cccd.reader.read;

/** Progress of a read, per file. Called on the reading thread; keep it cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (file, done, total) -> { };

    /**
     * @param file contract file name ("COM", "SOD", "DG1", "DG2", "DG13", ...)
     * @param done bytes of that file read so far
     * @param total the file's size once known, else -1
     */
    void onProgress(String file, int done, int total);

    /**
     * A file has been read whole (the card report describes its structure). The bytes are personal data: a listener
     * that keeps them must never log or store them.
     *
     * @param file contract file name ("CardAccess", "COM", "DG13", ...)
     * @param content the file's bytes (a copy the listener may keep)
     */
    default void onFile(String file, byte[] content) {
    }
}
